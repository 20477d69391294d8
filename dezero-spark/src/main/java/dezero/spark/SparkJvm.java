package dezero.spark;

import dezero.launcher.ChildJvm;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

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
 * <p>The child is a {@code dezero-launcher} {@link ChildJvm}: it gets this JVM's options less those
 * from {@code JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS} (it reads the same variables) and less
 * those that bind a port (a debug agent, JMX: the child could not bind the port again; they stay with
 * this JVM, which only waits, and a warning names them: to debug the program itself, start it with
 * {@link #OPTIONS}, so that it runs without a child); standard input and output are inherited; and
 * when this JVM is asked to stop (SIGTERM, Ctrl-C) it stops the child and exits with its status.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     SparkJvm.relaunchIfNeeded(Main.class, args);   // returns only in a JVM that can run Spark
 *     ...
 * }
 * }</pre>
 */
public final class SparkJvm {
    private static final Logger LOG = Logger.getLogger(SparkJvm.class.getName());

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
        if (ChildJvm.disabled()) {
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
        ChildJvm child = child(main, args, classPath);
        String port = child.portBinding();
        if (port != null) {
            LOG.log(Level.WARNING, "dezero-spark: relaunching without {0}, which binds a port (this JVM keeps it, the"
                    + " program runs in a child JVM); to debug the program, start it with SparkJvm.OPTIONS", port);
        }
        int status;
        try {
            status = child.run();
        } catch (IOException e) {
            return;
        }
        System.exit(status);
    }

    /** Whether this JVM was started by spark-submit (which sets spark.master and runs SparkSubmit). */
    static boolean underSparkSubmit() {
        return System.getProperty("spark.master") != null
                || System.getProperty("sun.java.command", "").startsWith("org.apache.spark.deploy.SparkSubmit");
    }

    /**
     * java [this JVM's options, less the environment's and those that bind a port] OPTIONS [JIT option]
     * [log set-up] -Ddezero.relaunched=true -cp CP main args.
     */
    static ChildJvm child(Class<?> main, String[] args, String classPath) {
        return ChildJvm.of(main, args).withoutPortBindings().addOptions(OPTIONS)
                .addOptionUnlessGiven("-XX:PerMethodTrapLimit=", JIT_OPTION)
                .addOptionUnlessGiven("-Dlog4j2.configurationFile=", "-Dlog4j2.configurationFile=" + LOG_CONFIG)
                .classPath(classPath);
    }

    static List<String> command(Class<?> main, String[] args, String classPath) {
        return child(main, args, classPath).command();
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
}
