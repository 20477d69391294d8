package dezero.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class VectorModuleTest {
    @Test
    void relaunchCommandAddsTheModuleAndTheGuard() {
        List<String> cmd = VectorModule.command(VectorModuleTest.class, new String[] {"x", "y z"},
                List.of("-Xmx1g", "-Ddezero.relaunched=false"), null, null);
        int i = cmd.indexOf("--add-modules");
        assertTrue(i > 0, cmd.toString());
        assertEquals(VectorModule.MODULE, cmd.get(i + 1));
        assertTrue(cmd.contains("-Xmx1g"), cmd.toString());
        assertTrue(cmd.contains("-Ddezero.relaunched=true"), cmd.toString());
        assertFalse(cmd.contains("-Ddezero.relaunched=false"), cmd.toString());
        assertTrue(cmd.containsAll(JitOptions.VECTOR_KERNEL_OPTIONS), cmd.toString());
        assertEquals(1, cmd.stream().filter(o -> o.startsWith("-XX:PerMethodTrapLimit=")).count(), cmd.toString());
        assertEquals(List.of(VectorModuleTest.class.getName(), "x", "y z"), cmd.subList(cmd.size() - 3, cmd.size()));
    }

    @Test
    void optionsFromTheEnvironmentAreNotCopied() {
        List<String> cmd = VectorModule.command(VectorModuleTest.class, new String[0],
                List.of("-Dtool=1", "-Dx=1", "-Dy=a b", "-Xmx1g"), "-Dtool=1", "-Dx=1 '-Dy=a b'");
        assertTrue(cmd.contains("-Xmx1g"), cmd.toString());
        assertFalse(cmd.contains("-Dtool=1"), cmd.toString());
        assertFalse(cmd.contains("-Dx=1"), cmd.toString());
        assertFalse(cmd.contains("-Dy=a b"), cmd.toString());
    }

    @Test
    void environmentOptionsAreSplitAsTheJavaLauncherDoes() {
        assertEquals(List.of("-Da=1", "-Db=x y", "-Dc=\"q\""),
                     ChildJvm.tokens("  -Da=1 \"-Db=x y\"\t'-Dc=\"q\"' "));
        assertEquals(List.of(), ChildJvm.tokens(null));
        assertEquals(List.of(""), ChildJvm.tokens("''"));
    }

    @Test
    void portBindingOptionsAreRecognized() {
        assertNotNull(ChildJvm.portBinding(List.of("-Xmx1g",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005")));
        assertNotNull(ChildJvm.portBinding(List.of("-Dcom.sun.management.jmxremote.port=9010")));
        assertNull(ChildJvm.portBinding(List.of("-Xmx1g", "-agentpath:/x/libasyncProfiler.so")));
    }

    // ---- the launcher in action: a program started as a process, as a user starts a jar

    @Test
    void stoppingTheParentStopsTheChildAndPassesItsStatus() throws Exception {
        try (ProbeProcess p = ProbeProcess.start(RelaunchProbe.class, List.of(), Map.of(), "sleep")) {
            assertTrue(p.flag(), "the program should run relaunched, with the module");
            p.assertStoppingTheParentStopsTheChild();
        }
    }

    @Test
    void aDebugAgentOnAPortKeepsTheProgramInItsJvm() throws Exception {
        try (ProbeProcess p = ProbeProcess.start(RelaunchProbe.class, List.of(ProbeProcess.debugAgentOnAFreePort()),
                Map.of())) {
            p.assertEndsNormally();
            assertFalse(p.flag(), "no relaunch: the debugger is attached to this JVM");
            assertFalse(p.relaunched());
        }
    }

    @Test
    void optionsFromJdkJavaOptionsReachTheChildOnce() throws Exception {
        try (ProbeProcess p = ProbeProcess.start(RelaunchProbe.class, List.of(),
                Map.of("JDK_JAVA_OPTIONS", "-Ddezero.probe=1"))) {
            p.assertEndsNormally();
            assertTrue(p.flag() && p.relaunched());
            String options = p.options();
            assertEquals(options.indexOf("-Ddezero.probe=1"), options.lastIndexOf("-Ddezero.probe=1"), options);
            assertTrue(options.contains("-Ddezero.probe=1"), options);
        }
    }
}
