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
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A program's {@code main} run once more in a child JVM that has options this one lacks: what
 * {@link VectorModule} does for the Vector API module and {@code dezero-spark}'s {@code SparkJvm}
 * for the options Spark needs. This JVM then only waits and passes the child's status on.
 *
 * <p>The child's command is {@code java [this JVM's options] [added options]
 * -Ddezero.relaunched=true -cp CLASS_PATH main args}, where
 * <ul>
 *   <li>{@code java} is this JVM's binary;</li>
 *   <li>this JVM's options leave out those read from the {@code JAVA_TOOL_OPTIONS} and
 *       {@code JDK_JAVA_OPTIONS} environment variables (the child reads the same variables, so it
 *       would take them twice), an earlier relaunch guard, and, after {@link #withoutPortBindings()},
 *       the options that bind a port ({@link #portBinding(List)}: the child could not bind it
 *       again);</li>
 *   <li>{@code -Ddezero.relaunched=true} is the guard that keeps the child from relaunching
 *       itself ({@link #disabled()} is true there);</li>
 *   <li>the class path is this JVM's unless {@link #classPath} gives another.</li>
 * </ul>
 *
 * <p>{@link #run()} starts it with standard input and output inherited and copies its standard
 * error, less the JDK's one-line notices ({@value #INCUBATOR_NOTICE}, "Picked up ..."). When this
 * JVM is asked to stop (SIGTERM, {@code kill}, Ctrl-C) while the child runs, its shutdown hook
 * stops the child the same way, waits for it (forcibly after {@value #STOP_GRACE_SECONDS}
 * seconds) and ends this JVM with the child's status.
 *
 * <pre>{@code
 * if (!ChildJvm.disabled() && needsOptions()) {
 *     ChildJvm child = ChildJvm.of(Main.class, args)
 *             .addOptions(List.of("--add-opens=java.base/java.nio=ALL-UNNAMED"));
 *     try {
 *         System.exit(child.run());
 *     } catch (IOException e) {
 *         // no child could be started: go on here
 *     }
 * }
 * }</pre>
 */
public final class ChildJvm {
    /** The system property that marks a relaunched child (set to {@code true} in it). */
    public static final String GUARD_PROPERTY = "dezero.relaunched";
    /** The system property that turns relaunching off when {@code false}. */
    public static final String SWITCH_PROPERTY = "dezero.relaunch";
    /** The notice the JDK prints on standard error when an incubator module is in use. */
    public static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";
    /** How long a stopping parent waits for the child before it kills it. */
    public static final long STOP_GRACE_SECONDS = 10;

    private final String main;
    private final List<String> args;
    private List<String> jvmOptions;
    private String toolOptions;
    private String jdkJavaOptions;
    private final List<String> added = new ArrayList<>();
    private String classPath;
    private boolean withoutPortBindings;

    private ChildJvm(String main, List<String> args) {
        this.main = main;
        this.args = args;
        this.jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        this.toolOptions = System.getenv("JAVA_TOOL_OPTIONS");
        this.jdkJavaOptions = System.getenv("JDK_JAVA_OPTIONS");
        this.classPath = System.getProperty("java.class.path", "");
    }

    /** A child that runs {@code main} with {@code args} and, so far, this JVM's options and class path. */
    public static ChildJvm of(Class<?> main, String... args) {
        return new ChildJvm(main.getName(), List.of(args));
    }

    /**
     * Whether relaunching is off: in a relaunched child ({@code -Ddezero.relaunched=true}) or with
     * {@code -Ddezero.relaunch=false}.
     */
    public static boolean disabled() {
        return Boolean.getBoolean(GUARD_PROPERTY) || "false".equalsIgnoreCase(System.getProperty(SWITCH_PROPERTY));
    }

    /** As if this JVM had {@code options}, of which the environment variables gave the ones in theirs (tests). */
    ChildJvm jvmOptions(List<String> options, String javaToolOptions, String jdkOptions) {
        this.jvmOptions = List.copyOf(options);
        this.toolOptions = javaToolOptions;
        this.jdkJavaOptions = jdkOptions;
        return this;
    }

    /** This JVM's options (from its command line and the environment variables). */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** Adds options for the child, after this JVM's; returns this. */
    public ChildJvm addOptions(List<String> options) {
        added.addAll(options);
        return this;
    }

    /**
     * Adds {@code option} unless an option of this JVM or one added already starts with
     * {@code prefix} (say {@code -XX:PerMethodTrapLimit=}: the user's value stays); returns this.
     */
    public ChildJvm addOptionUnlessGiven(String prefix, String option) {
        if (jvmOptions.stream().noneMatch(o -> o.startsWith(prefix))
                && added.stream().noneMatch(o -> o.startsWith(prefix))) {
            added.add(option);
        }
        return this;
    }

    /** The child's class path instead of this JVM's; returns this. */
    public ChildJvm classPath(String path) {
        this.classPath = Objects.requireNonNull(path, "classPath");
        return this;
    }

    /** The child does not get this JVM's options that bind a port (see {@link #portBinding(List)}); returns this. */
    public ChildJvm withoutPortBindings() {
        this.withoutPortBindings = true;
        return this;
    }

    /** The first of this JVM's options that binds a port, or null. */
    public String portBinding() {
        return portBinding(jvmOptions);
    }

    /**
     * The first option that binds a port (a second JVM with it would fail to start): the debug agent
     * ({@code -agentlib:jdwp}, {@code -Xrunjdwp}, {@code -Xdebug}) or JMX's remote port; or null.
     */
    public static String portBinding(List<String> options) {
        for (String o : options) {
            if (bindsPort(o)) {
                return o;
            }
        }
        return null;
    }

    private static boolean bindsPort(String o) {
        return o.startsWith("-agentlib:jdwp") || o.startsWith("-Xrunjdwp") || o.startsWith("-Xdebug")
                || o.startsWith("-Dcom.sun.management.jmxremote.port=")
                || o.startsWith("-Dcom.sun.management.jmxremote.rmi.port=");
    }

    /**
     * The child's command line (see the class comment).
     *
     * @throws IllegalStateException when there is no class path to give it
     */
    public List<String> command() {
        if (classPath.isEmpty()) {
            throw new IllegalStateException("no class path to run " + main + " with");
        }
        List<String> options = new ArrayList<>(jvmOptions);
        // the child reads the same environment: options from it would be given twice
        for (String fromEnv : tokens(toolOptions)) {
            options.remove(fromEnv);
        }
        for (String fromEnv : tokens(jdkJavaOptions)) {
            options.remove(fromEnv);
        }
        options.removeIf(o -> o.startsWith("-D" + GUARD_PROPERTY));
        if (withoutPortBindings) {
            options.removeIf(ChildJvm::bindsPort);
        }
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(options);
        command.addAll(added);
        command.add("-D" + GUARD_PROPERTY + "=true");
        command.add("-cp");
        command.add(classPath);
        command.add(main);
        command.addAll(args);
        return command;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    /**
     * Runs the child (see the class comment) and returns its exit status once it has ended; call
     * {@code System.exit} with it.
     *
     * @throws IOException when the child cannot be started (nothing has run then)
     */
    public int run() throws IOException {
        List<String> command;
        try {
            command = command();
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
        Process child = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        return waitFor(child);
    }

    /** Waits for the child, copying its standard error; a shutdown of this JVM stops it first. */
    static int waitFor(Process child) {
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

    /** An environment variable's options as the java launcher splits them: on white space, quotes grouping. */
    public static List<String> tokens(String value) {
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

    /** Copies the child's standard error, less the JDK's notices (and the lines this JVM has printed already). */
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
