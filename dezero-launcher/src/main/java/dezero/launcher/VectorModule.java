package dezero.launcher;

import java.io.IOException;
import java.util.List;
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
 * {@link ChildJvm#STOP_GRACE_SECONDS} seconds) and exits with the child's status. The child is a
 * {@link ChildJvm}, which says the rest.
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
        if (ChildJvm.disabled()) {
            return;
        }
        ChildJvm child = child(ChildJvm.of(main, args));
        String port = child.portBinding();
        if (port != null) {
            LOG.log(Level.INFO, "dezero: not relaunching with {0}: option {1} binds a port; running here on the"
                    + " plain kernel", new Object[] {MODULE, port});
            return;
        }
        int status;
        try {
            status = child.run();
        } catch (IOException e) {
            return; // cannot start a child: carry on here with the plain kernel
        }
        System.exit(status);
    }

    /** Adds the JIT option (unless this JVM's options set the trap limit), the heap options and the module. */
    private static ChildJvm child(ChildJvm child) {
        if (!JitOptions.setIn(child.jvmOptions())) {
            child.addOptions(JitOptions.VECTOR_KERNEL_OPTIONS);
        }
        child.addOptions(HeapOptions.missingFrom(child.jvmOptions()));
        return child.addOptions(List.of("--add-modules", MODULE));
    }

    /**
     * java [this JVM's options, less the environment's and the relaunch guard]
     * [{@link JitOptions#VECTOR_KERNEL_OPTIONS}, unless the trap limit is among them]
     * [{@link HeapOptions#STEADY}, those whose setting is not among them]
     * --add-modules jdk.incubator.vector -Ddezero.relaunched=true -cp CP main args.
     */
    static List<String> command(Class<?> main, String[] args, List<String> jvmOptions, String toolOptions,
                                String jdkJavaOptions) {
        return child(ChildJvm.of(main, args).jvmOptions(jvmOptions, toolOptions, jdkJavaOptions)).command();
    }
}
