package dezero.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The child's command line; running it is tested through the launchers (VectorModuleTest, dezero-spark's SparkJvmTest). */
class ChildJvmTest {
    private static ChildJvm child(List<String> own, String tool, String jdk) {
        return ChildJvm.of(ChildJvmTest.class, "a", "b c").jvmOptions(own, tool, jdk);
    }

    @Test
    void theCommandIsJavaOptionsAddedOptionsGuardClassPathMainAndArguments() {
        List<String> c = child(List.of("-Xmx1g"), null, null).addOptions(List.of("--add-opens=x/y=ALL-UNNAMED"))
                .classPath("one.jar").command();
        assertTrue(c.get(0).endsWith("java"), c.toString());
        assertEquals(List.of("-Xmx1g", "--add-opens=x/y=ALL-UNNAMED", "-Ddezero.relaunched=true", "-cp", "one.jar",
                ChildJvmTest.class.getName(), "a", "b c"), c.subList(1, c.size()));
    }

    @Test
    void theEnvironmentsOptionsAndAnEarlierGuardAreNotCopied() {
        List<String> c = child(List.of("-Dtool=1", "-Ddezero.relaunched=false", "-Dj=1", "-Dk=a b", "-Xss2m"),
                "-Dtool=1", "-Dj=1 '-Dk=a b'").command();
        assertFalse(c.contains("-Dtool=1") || c.contains("-Dj=1") || c.contains("-Dk=a b"), c.toString());
        assertFalse(c.contains("-Ddezero.relaunched=false"), c.toString());
        assertTrue(c.contains("-Xss2m"), c.toString());
        assertEquals(1, c.stream().filter(o -> o.startsWith("-Ddezero.relaunched")).count(), c.toString());
    }

    @Test
    void portBindingsAreDroppedOnlyWhenAsked() {
        List<String> own = List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
                "-Dcom.sun.management.jmxremote.port=9010", "-Xmx1g");
        ChildJvm child = child(own, null, null);
        assertEquals(own.get(0), child.portBinding());
        assertTrue(child.command().containsAll(own));
        List<String> c = child.withoutPortBindings().command();
        assertFalse(c.contains(own.get(0)) || c.contains(own.get(1)), c.toString());
        assertTrue(c.contains("-Xmx1g"));
    }

    @Test
    void anOptionTheUserGaveIsNotAddedAgain() {
        List<String> c = child(List.of("-XX:PerMethodTrapLimit=500"), null, null)
                .addOptionUnlessGiven("-XX:PerMethodTrapLimit=", "-XX:PerMethodTrapLimit=100000")
                .addOptionUnlessGiven("-Dlog4j2.configurationFile=", "-Dlog4j2.configurationFile=a")
                .addOptionUnlessGiven("-Dlog4j2.configurationFile=", "-Dlog4j2.configurationFile=b").command();
        assertEquals(1, c.stream().filter(o -> o.startsWith("-XX:PerMethodTrapLimit=")).count(), c.toString());
        assertTrue(c.contains("-XX:PerMethodTrapLimit=500") && c.contains("-Dlog4j2.configurationFile=a"), c.toString());
        assertFalse(c.contains("-Dlog4j2.configurationFile=b"), c.toString());
    }

    @Test
    void withoutAClassPathNoChildIsStarted() {
        ChildJvm child = child(List.of(), null, null).classPath("");
        assertThrows(IllegalStateException.class, child::command);
        assertThrows(IOException.class, child::run);
    }
}
