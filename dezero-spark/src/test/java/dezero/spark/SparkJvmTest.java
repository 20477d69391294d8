package dezero.spark;

import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    // ---- the relaunch in action: a program started as a process, as a user starts the jar

    private static final Pattern LINE = Pattern.compile("opened=(\\w+) pid=(\\d+) options=(.*)");

    /** The probe in a JVM without Spark's options (Spark is on the class path: the tests' class path). */
    private static Process start(List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(SparkRelaunchProbe.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().putAll(env);
        return pb.start();
    }

    private static Matcher firstLine(Process p) throws IOException, InterruptedException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                return m; // other lines: the debug agent's "Listening for transport ..."
            }
        }
        throw new AssertionError("the probe did not print its line (exit status "
                + (p.isAlive() ? "none yet" : String.valueOf(p.waitFor())) + ")");
    }

    @Test
    void stoppingTheParentStopsTheRelaunchedChildAndPassesItsStatus() throws Exception {
        Process parent = start(List.of(), Map.of(), "sleep");
        Optional<ProcessHandle> child = Optional.empty();
        try {
            Matcher m = firstLine(parent);
            assertEquals("true", m.group(1), "the probe should run relaunched, with Spark's options");
            long childPid = Long.parseLong(m.group(2));
            assertTrue(childPid != parent.pid());
            child = ProcessHandle.of(childPid);
            assertTrue(child.isPresent() && child.get().isAlive());
            assertTrue(parent.descendants().anyMatch(h -> h.pid() == childPid));

            parent.destroy(); // SIGTERM, as kill or a service manager sends it
            assertTrue(parent.waitFor(60, TimeUnit.SECONDS), "the parent did not stop");
            child.get().onExit().get(20, TimeUnit.SECONDS);
            assertFalse(child.get().isAlive(), "the relaunched child survived its parent");
            assertEquals(143, parent.exitValue(), "the child's status (SIGTERM: 128 + 15)");
        } finally {
            child.ifPresent(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }

    @Test
    void aDebugAgentOnAPortStaysWithTheParentAndJdkJavaOptionsReachTheChildOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String agent = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:" + port;
        Process p = start(List.of(agent), Map.of("JDK_JAVA_OPTIONS", "-Ddezero.probe=1"));
        try {
            Matcher m = firstLine(p);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), "the child started: it did not try to bind the agent's port again");
            assertEquals("true", m.group(1));
            assertTrue(Long.parseLong(m.group(2)) != p.pid(), "relaunched");
            String options = m.group(3);
            assertFalse(options.contains("jdwp"), options);
            assertTrue(options.contains("-Ddezero.probe=1"), options);
            assertEquals(options.indexOf("-Ddezero.probe=1"), options.lastIndexOf("-Ddezero.probe=1"), options);
        } finally {
            p.destroyForcibly();
        }
    }
}
