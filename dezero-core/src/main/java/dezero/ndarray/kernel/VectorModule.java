package dezero.ndarray.kernel;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * For programs' {@code main} methods: makes a plain {@code java -jar app.jar ...} run on the
 * Vector API kernel. A jar's manifest cannot add a JDK module, so when the JVM was started
 * without {@code --add-modules jdk.incubator.vector}, {@link #relaunchIfAbsent} starts the same
 * program once more in a child JVM that has it (same java binary, JVM options, class path and
 * arguments, plus the JIT option the Vector kernel needs, see {@link JitOptions}; standard input
 * and output inherited; the exit status passed through) and exits
 * with the child's status. The JDK's one-line "Using incubator modules" notice is dropped from
 * the child's standard error so the output is what the program prints.
 *
 * <p>Nothing happens when the module is already present, when {@code -Ddezero.relaunch=false}
 * is given, inside a relaunched child (guarded by {@code -Ddezero.relaunched=true}, so it cannot
 * loop), or when the child cannot be started; the program then continues in this JVM, on the
 * plain kernel.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     VectorModule.relaunchIfAbsent(Main.class, args);   // returns only if no child was run
 *     ...
 * }
 * }</pre>
 */
public final class VectorModule {
    private VectorModule() {
    }

    /** The notice the JDK prints on standard error when an incubator module is in use. */
    static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules: " + Kernels.VECTOR_MODULE;

    /** Whether this JVM runs with the Vector API module. */
    public static boolean present() {
        return ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isPresent();
    }

    /**
     * Re-runs {@code main} in a child JVM with the Vector module and exits with its status, or
     * returns at once when that is not needed or not possible (see the class comment).
     */
    public static void relaunchIfAbsent(Class<?> main, String[] args) {
        if (present() || "false".equalsIgnoreCase(System.getProperty("dezero.relaunch"))
                || Boolean.getBoolean("dezero.relaunched")) {
            return;
        }
        List<String> command = command(main, args);
        if (command == null) {
            return;
        }
        int status;
        try {
            Process child = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            Thread err = new Thread(() -> copyErrors(child, System.err), "dezero-relaunch-stderr");
            err.setDaemon(true);
            err.start();
            status = child.waitFor();
            err.join();
        } catch (IOException e) {
            return; // cannot start a child: carry on here with the plain kernel
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 130;
        }
        System.out.flush();
        System.exit(status);
    }

    /**
     * java [this JVM's options] [{@link JitOptions#VECTOR_KERNEL_OPTIONS}, unless the trap limit is
     * among them] --add-modules jdk.incubator.vector -Ddezero.relaunched=true -cp CP main args.
     */
    static List<String> command(Class<?> main, String[] args) {
        String javaHome = System.getProperty("java.home");
        String classPath = System.getProperty("java.class.path");
        if (javaHome == null || classPath == null || classPath.isEmpty()) {
            return null;
        }
        String java = ProcessHandle.current().info().command()
                .orElse(javaHome + File.separator + "bin" + File.separator + "java");
        List<String> command = new ArrayList<>();
        command.add(java);
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String option : options) {
            if (!option.startsWith("-Ddezero.relaunched")) {
                command.add(option);
            }
        }
        if (!JitOptions.setIn(options)) {
            command.addAll(JitOptions.VECTOR_KERNEL_OPTIONS);
        }
        command.add("--add-modules");
        command.add(Kernels.VECTOR_MODULE);
        command.add("-Ddezero.relaunched=true");
        command.add("-cp");
        command.add(classPath);
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }

    private static void copyErrors(Process child, PrintStream to) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getErrorStream(), Charset.defaultCharset()))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.equals(INCUBATOR_NOTICE)) {
                    to.println(line);
                }
            }
        } catch (IOException e) {
            // the child has gone; nothing more to copy
        }
    }
}
