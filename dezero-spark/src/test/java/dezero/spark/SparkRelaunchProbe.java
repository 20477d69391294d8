package dezero.spark;

import dezero.launcher.ProbeProcess;

/**
 * A program relaunched by {@link SparkJvm} for {@link SparkJvmTest} (dezero-launcher's ProbeProcess
 * starts it): its flag is whether its JVM has Spark's options. It starts no Spark context.
 */
public final class SparkRelaunchProbe {
    private SparkRelaunchProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        SparkJvm.relaunchIfNeeded(SparkRelaunchProbe.class, args);
        ProbeProcess.report("opened", SparkJvm.opened(), args);
    }
}
