/**
 * The launcher of DeZero programs: relaunch with the Vector API module ({@link dezero.launcher.VectorModule}),
 * the child JVM that relaunches run in ({@link dezero.launcher.ChildJvm}, also used by dezero-spark's
 * SparkJvm) and the JIT-option check ({@link dezero.launcher.JitOptions}). No dependency on the library.
 */
module dezero.launcher {
    requires java.logging;
    requires java.management;
    requires jdk.management;

    exports dezero.launcher;
}
