/**
 * DeZero for Java's core: arrays, autograd, functions, layers, models, optimizers, data sets.
 * The kernels ({@code dezero.ndarray.kernel}) are internal and not exported; the Vector API kernel
 * reads {@code jdk.incubator.vector} only when the JVM has the module (the read edge is added at
 * run time by {@code Kernels}, so this descriptor names no incubator module and compiles without
 * javac's incubating warning).
 */
module dezero.core {
    requires transitive java.desktop;
    requires java.logging;
    requires java.management;
    requires java.net.http;
    requires jdk.management;

    exports dezero;
    exports dezero.datasets;
    exports dezero.functions;
    exports dezero.layers;
    exports dezero.models;
    exports dezero.ndarray;
    exports dezero.optimizers;
    exports dezero.transforms;
    exports dezero.utils;
}
