package dezero.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A relaunching program started as a process, as a user starts a jar, for the tests of the launchers
 * (this module's and, through its test jar, dezero-spark's SparkJvm). After its launcher, the program
 * calls {@link #report}, which prints one line, {@code NAME=true|false pid=PID options=[JVM options]},
 * the flag saying whether it runs as the launcher should make it run, and with the argument
 * {@code sleep} then sleeps for a minute. Closing stops it forcibly.
 */
public final class ProbeProcess implements AutoCloseable {
    private static final Pattern LINE = Pattern.compile("\\w+=(true|false) pid=(\\d+) options=(.*)");

    private final Process process;
    private final Matcher line;

    private ProbeProcess(Process process, Matcher line) {
        this.process = process;
        this.line = line;
    }

    /**
     * Starts {@code probe}'s main on this JVM's class path with {@code jvmOptions}, the environment less
     * {@code JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS} plus {@code env}, and reads its line.
     */
    public static ProbeProcess start(Class<?> probe, List<String> jvmOptions, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(probe.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            return new ProbeProcess(p, firstLine(p));
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private static Matcher firstLine(Process p) throws IOException, InterruptedException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String s;
        while ((s = r.readLine()) != null) {
            Matcher m = LINE.matcher(s);
            if (m.matches()) {
                return m; // other lines: the debug agent's "Listening for transport ..."
            }
        }
        throw new AssertionError("the program did not print its line (exit status "
                + (p.isAlive() ? "none yet" : String.valueOf(p.waitFor())) + ")");
    }

    /** The probe program's part after its launcher (see the class comment). */
    public static void report(String name, boolean flag, String[] args) throws InterruptedException {
        System.out.println(name + "=" + flag + " pid=" + ProcessHandle.current().pid()
                + " options=" + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.flush();
        if (args.length > 0 && args[0].equals("sleep")) {
            Thread.sleep(60_000);
        }
    }

    /** A debug agent option that binds a free port of the loopback address. */
    public static String debugAgentOnAFreePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:" + s.getLocalPort();
        }
    }

    /** The flag of the program's line. */
    public boolean flag() {
        return Boolean.parseBoolean(line.group(1));
    }

    /** Whether the line came from a child of the started JVM (a relaunch). */
    public boolean relaunched() {
        return Long.parseLong(line.group(2)) != process.pid();
    }

    /** The JVM options of the JVM that printed the line. */
    public String options() {
        return line.group(3);
    }

    /** Waits for the started JVM and checks that it ended with status 0. */
    public void assertEndsNormally() throws InterruptedException {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the program did not end");
        assertEquals(0, process.exitValue());
    }

    /**
     * For a relaunched program that sleeps: stops the started JVM with SIGTERM and checks that the child
     * stops too and that the parent ends with the child's status.
     */
    public void assertStoppingTheParentStopsTheChild() throws Exception {
        long childPid = Long.parseLong(line.group(2));
        assertTrue(childPid != process.pid(), "the program should run in a child JVM");
        Optional<ProcessHandle> child = ProcessHandle.of(childPid);
        try {
            assertTrue(child.isPresent() && child.get().isAlive());
            assertTrue(process.descendants().anyMatch(h -> h.pid() == childPid));

            process.destroy(); // SIGTERM, as kill or a service manager sends it
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the parent did not stop");
            child.get().onExit().get(20, TimeUnit.SECONDS);
            assertFalse(child.get().isAlive(), "the relaunched child survived its parent");
            assertEquals(143, process.exitValue(), "the child's status (SIGTERM: 128 + 15)");
        } finally {
            child.ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
