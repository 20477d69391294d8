package dezero.spark;

import java.lang.management.ManagementFactory;

/**
 * A program that relaunches itself with {@link SparkJvm} for {@link SparkJvmTest}: prints whether its
 * JVM has Spark's options, its process id and its JVM options, then sleeps when asked to. It starts
 * no Spark context.
 */
public final class SparkRelaunchProbe {
    private SparkRelaunchProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        SparkJvm.relaunchIfNeeded(SparkRelaunchProbe.class, args);
        System.out.println("opened=" + SparkJvm.opened() + " pid=" + ProcessHandle.current().pid()
                + " options=" + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.flush();
        if (args.length > 0 && args[0].equals("sleep")) {
            Thread.sleep(60_000);
        }
    }
}
