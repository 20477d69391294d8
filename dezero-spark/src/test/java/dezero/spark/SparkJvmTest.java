package dezero.spark;

import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JVM options in SparkJvm and in the tests' argLine are the ones Spark's own launcher uses. */
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
}
