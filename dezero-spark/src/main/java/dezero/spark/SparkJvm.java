package dezero.spark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts programs that use Spark on Java 17+ with the JVM options Spark needs, so that users never
 * look for them. Spark reaches into JDK internals (direct buffers, {@code sun.nio.ch}, ...), which
 * Java 17 forbids unless the JVM is started with {@code --add-opens} flags; {@code spark-submit}
 * adds them (its {@code JavaModuleOptions}) to the driver and the executors, a plain
 * {@code java -jar} does not. {@link #relaunchIfNeeded} re-runs {@code main} in a child JVM that has
 * {@link #OPTIONS} (and DeZero's JIT option), and, when Spark is not on the class path (it is a
 * {@code provided} dependency), the class path that {@code mvn package} wrote next to the jar
 * ({@value #CLASSPATH_FILE}).
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     SparkJvm.relaunchIfNeeded(Main.class, args);   // returns only in a JVM that can run Spark
 *     ...
 * }
 * }</pre>
 */
public final class SparkJvm {
    private SparkJvm() {
    }

    /** Spark 4.1's {@code JavaModuleOptions}: what {@code spark-submit} gives every JVM it starts. */
    public static final List<String> OPTIONS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-modules=jdk.incubator.vector",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-Dio.netty.allocator.type=pooled",
            "-Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE",
            "--enable-native-access=ALL-UNNAMED");

    /**
     * DeZero's own option for the Vector API kernel (see the README's "Speed" section); give it to the
     * executors of a cluster with {@code spark.executor.extraJavaOptions}.
     */
    public static final String JIT_OPTION = "-XX:PerMethodTrapLimit=100000";

    /** The file, next to the jar, that lists the jars of Spark (one class path line); written by mvn package. */
    public static final String CLASSPATH_FILE = "spark-classpath.txt";

    /** The Log4j 2 set-up (warnings only) that relaunched programs get unless one is given. */
    static final String LOG_CONFIG = "dezero-spark-log4j2.properties";

    /** Whether Spark's classes can be loaded. */
    public static boolean sparkOnClassPath() {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkJvm.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether this JVM has every package of {@link #OPTIONS}' {@code --add-opens} open to the class path. */
    public static boolean opened() {
        Module unnamed = SparkJvm.class.getClassLoader().getUnnamedModule();
        for (String option : OPTIONS) {
            if (!option.startsWith("--add-opens=")) {
                continue;
            }
            String target = option.substring("--add-opens=".length(), option.lastIndexOf('='));
            String module = target.substring(0, target.indexOf('/'));
            String pkg = target.substring(target.indexOf('/') + 1);
            Optional<Module> m = ModuleLayer.boot().findModule(module);
            if (m.isPresent() && !m.get().isOpen(pkg, unnamed)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Re-runs {@code main} in a child JVM with {@link #OPTIONS}, {@link #JIT_OPTION} and Spark on the
     * class path, and exits with its status; returns at once when this JVM already has them, when
     * {@code -Ddezero.relaunch=false} is given, inside a relaunched child, or when no child can be
     * started (the program then runs here, and Spark will say what it misses).
     */
    public static void relaunchIfNeeded(Class<?> main, String[] args) {
        if (Boolean.getBoolean("dezero.relaunched")
                || "false".equalsIgnoreCase(System.getProperty("dezero.relaunch"))) {
            return;
        }
        boolean spark = sparkOnClassPath();
        if (spark && (opened() || underSparkSubmit())) {
            return; // spark-submit has set up this JVM (options, class path, configuration): never leave it
        }
        String classPath = System.getProperty("java.class.path", "");
        if (!spark) {
            String extra = sparkClassPath();
            if (extra == null) {
                return;
            }
            classPath = classPath.isEmpty() ? extra : classPath + File.pathSeparator + extra;
        }
        List<String> command = command(main, args, classPath);
        int status;
        try {
            Process child = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            Thread err = new Thread(() -> copyErrors(child, System.err), "dezero-spark-relaunch-stderr");
            err.setDaemon(true);
            err.start();
            status = child.waitFor();
            err.join();
        } catch (IOException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 130;
        }
        System.out.flush();
        System.exit(status);
    }

    /** Whether this JVM was started by spark-submit (which sets spark.master and runs SparkSubmit). */
    static boolean underSparkSubmit() {
        return System.getProperty("spark.master") != null
                || System.getProperty("sun.java.command", "").startsWith("org.apache.spark.deploy.SparkSubmit");
    }

    /** java [this JVM's options] OPTIONS [JIT option] [log set-up] -Ddezero.relaunched=true -cp CP main args. */
    static List<String> command(Class<?> main, String[] args, String classPath) {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        List<String> command = new ArrayList<>();
        command.add(java);
        List<String> own = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String option : own) {
            if (!option.startsWith("-Ddezero.relaunched")) {
                command.add(option);
            }
        }
        command.addAll(OPTIONS);
        if (own.stream().noneMatch(o -> o.startsWith("-XX:PerMethodTrapLimit"))) {
            command.add(JIT_OPTION);
        }
        if (own.stream().noneMatch(o -> o.startsWith("-Dlog4j2.configurationFile"))) {
            command.add("-Dlog4j2.configurationFile=" + LOG_CONFIG);
        }
        command.add("-Ddezero.relaunched=true");
        command.add("-cp");
        command.add(classPath);
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** The class path line in {@value #CLASSPATH_FILE} next to this class's jar (or classes folder), or null. */
    static String sparkClassPath() {
        try {
            CodeSource source = SparkJvm.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path here = Path.of(source.getLocation().toURI());
            Path file = here.resolveSibling(CLASSPATH_FILE);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            String line = Files.readString(file, StandardCharsets.UTF_8).trim();
            return line.isEmpty() ? null : line;
        } catch (IOException | URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    private static void copyErrors(Process child, PrintStream to) {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(child.getErrorStream(), Charset.defaultCharset()))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.equals("WARNING: Using incubator modules: jdk.incubator.vector")) {
                    to.println(line);
                }
            }
        } catch (IOException e) {
            // the child has gone; nothing more to copy
        }
    }
}
