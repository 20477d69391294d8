package dezero.launcher;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * For programs' {@code main} methods: makes a plain {@code java -jar app.jar ...} run on the
 * Vector API kernel. A jar's manifest cannot add a JDK module, so when the JVM was started
 * without {@code --add-modules jdk.incubator.vector}, {@link #relaunchIfAbsent} starts the same
 * program once more in a child JVM that has it (same java binary, JVM options, class path and
 * arguments, plus the JIT option the Vector kernel needs, see {@link JitOptions}, and the heap options
 * that keep its speed the same from launch to launch, see {@link HeapOptions}; standard input
 * and output inherited) and exits with the child's status. The JDK's one-line "Using incubator
 * modules" notice is dropped from the child's standard error so the output is what the program
 * prints.
 *
 * <p>What the child gets: the JVM options of this one, less those it would take twice or could
 * not take at all. Options read from the {@code JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS}
 * environment variables are not copied (the child reads the same variables). When an option
 * binds a port (the debug agent {@code -agentlib:jdwp=...}, {@code -Xrunjdwp},
 * {@code -Dcom.sun.management.jmxremote.port=...}), there is no relaunch: the program runs in
 * this JVM, the one a debugger or monitor is attached to, on the plain kernel.
 *
 * <p>Stopping: when this JVM is asked to stop (SIGTERM, {@code kill}, Ctrl-C) while the child
 * runs, its shutdown hook stops the child the same way, waits for it (forcibly after
 * {@link #STOP_GRACE_SECONDS} seconds) and exits with the child's status.
 *
 * <p>Nothing happens when the module is already present (then the JIT option is checked, see
 * {@link JitOptions#checkAndAdvise()}), when {@code -Ddezero.relaunch=false} is given, inside a
 * relaunched child (guarded by {@code -Ddezero.relaunched=true}, so it cannot loop), or when the
 * child cannot be started; the program then continues in this JVM.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     VectorModule.relaunchIfAbsent(Main.class, args);   // returns only if no child was run
 *     ...
 * }
 * }</pre>
 */
public final class VectorModule {
    private static final Logger LOG = Logger.getLogger(VectorModule.class.getName());

    private VectorModule() {
    }

    /** The module that holds the Vector API in JDK 17 to 25. */
    public static final String MODULE = "jdk.incubator.vector";

    /** The notice the JDK prints on standard error when an incubator module is in use. */
    static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules: " + MODULE;

    /** How long a stopping parent waits for the child before it kills it. */
    static final long STOP_GRACE_SECONDS = 10;

    /** Whether this JVM runs with the Vector API module. */
    public static boolean present() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /**
     * Re-runs {@code main} in a child JVM with the Vector module and exits with its status, or
     * returns at once when that is not needed or not possible (see the class comment).
     */
    public static void relaunchIfAbsent(Class<?> main, String[] args) {
        if (present()) {
            JitOptions.checkAndAdvise();
            return;
        }
        if ("false".equalsIgnoreCase(System.getProperty("dezero.relaunch"))
                || Boolean.getBoolean("dezero.relaunched")) {
            return;
        }
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String port = portBinding(jvmOptions);
        if (port != null) {
            LOG.log(Level.INFO, "dezero: not relaunching with {0}: option {1} binds a port; running here on the"
                    + " plain kernel", new Object[] {MODULE, port});
            return;
        }
        List<String> command = command(main, args, jvmOptions, System.getenv("JAVA_TOOL_OPTIONS"),
                System.getenv("JDK_JAVA_OPTIONS"));
        if (command == null) {
            return;
        }
        Process child;
        try {
            child = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            return; // cannot start a child: carry on here with the plain kernel
        }
        System.exit(runChild(child));
    }

    /** Waits for the child, copying its standard error; a shutdown of this JVM stops it first. */
    static int runChild(Process child) {
        Thread err = new Thread(() -> copyErrors(child, System.err), "dezero-relaunch-stderr");
        err.setDaemon(true);
        err.start();
        Thread stopper = new Thread(() -> stop(child, err), "dezero-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        int status;
        try {
            status = child.waitFor();
            err.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            status = 130;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException e) {
            // this JVM is already shutting down: the hook stops the child and sets the status
        }
        System.out.flush();
        return status;
    }

    /**
     * The shutdown hook: stops a child that still runs and ends this JVM with its status (a hook
     * cannot return a status, and {@code System.exit} would block here, so it halts).
     */
    private static void stop(Process child, Thread err) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                child.waitFor();
            }
            err.join(1000);
        } catch (InterruptedException e) {
            child.destroyForcibly();
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(child.isAlive() ? 143 : child.exitValue());
    }

    /** The first option that binds a port (a second JVM with it would fail to start), or null. */
    static String portBinding(List<String> jvmOptions) {
        for (String o : jvmOptions) {
            if (o.startsWith("-agentlib:jdwp") || o.startsWith("-Xrunjdwp") || o.startsWith("-Xdebug")
                    || o.startsWith("-Dcom.sun.management.jmxremote.port=")
                    || o.startsWith("-Dcom.sun.management.jmxremote.rmi.port=")) {
                return o;
            }
        }
        return null;
    }

    /**
     * java [this JVM's options, less the environment's and the relaunch guard]
     * [{@link JitOptions#VECTOR_KERNEL_OPTIONS}, unless the trap limit is among them]
     * [{@link HeapOptions#STEADY}, those whose setting is not among them]
     * --add-modules jdk.incubator.vector -Ddezero.relaunched=true -cp CP main args.
     */
    static List<String> command(Class<?> main, String[] args, List<String> jvmOptions, String toolOptions,
                                String jdkJavaOptions) {
        String javaHome = System.getProperty("java.home");
        String classPath = System.getProperty("java.class.path");
        if (javaHome == null || classPath == null || classPath.isEmpty()) {
            return null;
        }
        String java = ProcessHandle.current().info().command()
                .orElse(javaHome + File.separator + "bin" + File.separator + "java");
        List<String> options = new ArrayList<>(jvmOptions);
        // the child reads the same environment: options from it would be given twice
        for (String fromEnv : tokens(toolOptions)) {
            options.remove(fromEnv);
        }
        for (String fromEnv : tokens(jdkJavaOptions)) {
            options.remove(fromEnv);
        }
        options.removeIf(o -> o.startsWith("-Ddezero.relaunched"));
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        if (!JitOptions.setIn(jvmOptions)) {
            command.addAll(JitOptions.VECTOR_KERNEL_OPTIONS);
        }
        command.addAll(HeapOptions.missingFrom(jvmOptions));
        command.add("--add-modules");
        command.add(MODULE);
        command.add("-Ddezero.relaunched=true");
        command.add("-cp");
        command.add(classPath);
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** An environment variable's options as the java launcher splits them: on white space, quotes grouping. */
    static List<String> tokens(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                inToken = true;
            } else if (Character.isWhitespace(ch)) {
                if (inToken) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inToken = false;
                }
            } else {
                cur.append(ch);
                inToken = true;
            }
        }
        if (inToken) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Copies the child's standard error, less the lines this JVM has printed already. */
    private static void copyErrors(Process child, PrintStream to) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                Charset.defaultCharset()))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.equals(INCUBATOR_NOTICE) && !line.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS:")
                        && !line.startsWith("Picked up JAVA_TOOL_OPTIONS:")) {
                    to.println(line);
                }
            }
        } catch (IOException e) {
            // the child has gone; nothing more to copy
        }
    }
}
