package dezero.spark;

import dezero.launcher.ProbeProcess;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM options in SparkJvm and in the tests' argLine are the ones Spark's own launcher uses; the
 * relaunch (dezero-launcher's ChildJvm) stops its child when stopped, leaves options that bind a port
 * to the parent and gives the environment's options once.
 */
class SparkJvmTest {

    @Test
    void theOptionsAreSparksOwn() {
        List<String> spark = Arrays.asList(JavaModuleOptions.defaultModuleOptionArray());
        assertEquals(spark, SparkJvm.OPTIONS, "Spark's JavaModuleOptions changed: update SparkJvm.OPTIONS and "
                + "spark.jvm.options in dezero-spark/pom.xml");
    }

    @Test
    void theTestJvmRunsWithThem() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String option : SparkJvm.OPTIONS) {
            assertTrue(args.contains(option), option + " is missing from surefire's argLine");
        }
        assertTrue(SparkJvm.opened());
        assertTrue(SparkJvm.sparkOnClassPath());
    }

    @Test
    void theRelaunchCommandAddsTheOptionsTheClassPathAndTheGuard() {
        List<String> c = SparkJvm.command(SparkJvmTest.class, new String[] {"spark-mnist", "--epochs", "1"}, "a.jar");
        assertTrue(c.containsAll(SparkJvm.OPTIONS));
        assertTrue(c.contains("-Ddezero.relaunched=true"));
        int cp = c.indexOf("-cp");
        assertEquals("a.jar", c.get(cp + 1));
        assertEquals(List.of(SparkJvmTest.class.getName(), "spark-mnist", "--epochs", "1"),
                c.subList(cp + 2, c.size()));
    }

    @Test
    void theRelaunchCommandLeavesPortBindingsAndAUsersTrapLimitAlone() {
        List<String> c = SparkJvm.child(SparkJvmTest.class, new String[0], "a.jar").command();
        assertEquals(1, c.stream().filter(o -> o.startsWith("-XX:PerMethodTrapLimit=")).count(), c.toString());
        assertEquals(1, c.stream().filter(o -> o.startsWith("-Dlog4j2.configurationFile=")).count(), c.toString());
        assertTrue(c.stream().noneMatch(o -> o.startsWith("-agentlib:jdwp")), c.toString());
    }

    // ---- the relaunch in action: a program started as a process, as a user starts the jar (dezero-launcher's
    // test jar starts it); its JVM lacks Spark's options, and Spark is on its class path (the tests')

    @Test
    void stoppingTheParentStopsTheRelaunchedChildAndPassesItsStatus() throws Exception {
        try (ProbeProcess p = ProbeProcess.start(SparkRelaunchProbe.class, List.of(), Map.of(), "sleep")) {
            assertTrue(p.flag(), "the probe should run relaunched, with Spark's options");
            p.assertStoppingTheParentStopsTheChild();
        }
    }

    @Test
    void aDebugAgentOnAPortStaysWithTheParentAndJdkJavaOptionsReachTheChildOnce() throws Exception {
        try (ProbeProcess p = ProbeProcess.start(SparkRelaunchProbe.class, List.of(ProbeProcess.debugAgentOnAFreePort()),
                Map.of("JDK_JAVA_OPTIONS", "-Ddezero.probe=1"))) {
            p.assertEndsNormally(); // the child started: it did not try to bind the agent's port again
            assertTrue(p.flag() && p.relaunched());
            String options = p.options();
            assertFalse(options.contains("jdwp"), options);
            assertTrue(options.contains("-Ddezero.probe=1"), options);
            assertEquals(options.indexOf("-Ddezero.probe=1"), options.lastIndexOf("-Ddezero.probe=1"), options);
        }
    }
}
