package dezero.spark.examples;

import dezero.spark.SparkJvm;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The jar's entry point: {@code java -jar dezero-spark/target/dezero-spark.jar spark-mnist [options]}
 * (relaunched with Spark's JVM options and class path, see {@link SparkJvm}), or the same jar under
 * {@code spark-submit}. Exit status 0 on success, 1 when the run fails, 2 for a bad command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        SparkJvm.relaunchIfNeeded(Main.class, args);
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            usage(out);
            return 0;
        }
        if (!SparkJvm.sparkOnClassPath()) {
            err.println("Spark is not on the class path: build with `mvn package` (it writes "
                    + "dezero-spark/target/" + SparkJvm.CLASSPATH_FILE + ") or run the jar with spark-submit");
            return 1;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "spark-mnist":
                    SparkMnist.run(rest, out);
                    return 0;
                case "spark-bench":
                    SparkBench.run(rest, out);
                    return 0;
                default:
                    err.println("unknown command " + args[0]);
                    usage(err);
                    return 2;
            }
        } catch (IllegalArgumentException e) {
            err.println(args[0] + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println(args[0] + " failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar dezero-spark.jar COMMAND [options]   (or spark-submit dezero-spark.jar ...)");
        out.println();
        out.println("spark-mnist   " + SparkMnist.SUMMARY);
        out.println(SparkMnist.OPTIONS);
        out.println();
        out.println("spark-bench   " + SparkBench.SUMMARY);
        out.println(SparkBench.OPTIONS);
    }
}
