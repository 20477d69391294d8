package dezero.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class VectorModuleTest {
    private static final Pattern PID = Pattern.compile("module=(\\w+) pid=(\\d+) options=(.*)");

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

    private static Process start(List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(RelaunchProbe.class.getName());
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
            Matcher m = PID.matcher(line);
            if (m.matches()) {
                return m; // other lines: the debug agent's "Listening for transport ..."
            }
        }
        throw new AssertionError("the program did not print its line (exit status "
                + (p.isAlive() ? "none yet" : String.valueOf(p.waitFor())) + ")");
    }

    @Test
    void stoppingTheParentStopsTheChildAndPassesItsStatus() throws Exception {
        Process parent = start(List.of(), Map.of(), "sleep");
        Optional<ProcessHandle> child = Optional.empty();
        try {
            Matcher m = firstLine(parent);
            assertEquals("true", m.group(1), "the program should run relaunched, with the module");
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
    void aDebugAgentOnAPortKeepsTheProgramInItsJvm() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = start(List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:" + port),
                Map.of());
        try {
            Matcher m = firstLine(p);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
            assertEquals("false", m.group(1), "no relaunch: the debugger is attached to this JVM");
            assertEquals(p.pid(), Long.parseLong(m.group(2)));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void optionsFromJdkJavaOptionsReachTheChildOnce() throws Exception {
        Process p = start(List.of(), Map.of("JDK_JAVA_OPTIONS", "-Ddezero.probe=1"));
        try {
            Matcher m = firstLine(p);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
            assertEquals("true", m.group(1));
            String options = m.group(3);
            assertEquals(options.indexOf("-Ddezero.probe=1"), options.lastIndexOf("-Ddezero.probe=1"), options);
            assertTrue(options.contains("-Ddezero.probe=1"), options);
        } finally {
            p.destroyForcibly();
        }
    }
}
