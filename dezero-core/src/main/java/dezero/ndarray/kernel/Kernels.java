package dezero.ndarray.kernel;

import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses the {@link Kernel} once, at first use, the way Lucene's {@code VectorizationProvider}
 * does: the Vector API kernel when the JVM runs with the incubator module
 * ({@code java --add-modules jdk.incubator.vector ...}), otherwise the plain-Java one. The Vector
 * classes are loaded by name only after the module was found, so nothing else links them and the
 * library works on a JVM started without the flag. The choice and its reason are logged at FINE.
 * The Vector API kernel wants a JIT option too ({@code -XX:PerMethodTrapLimit=100000}); the
 * launcher module ({@code dezero.launcher.VectorModule}) adds it and checks it.
 *
 * <p>The system property {@code dezero.kernel} overrides the choice: {@code plain} forces the
 * plain kernel, {@code vector} asks for the Vector API one (falling back, with a warning, when
 * it is unavailable); {@code auto} or no value chooses as above.
 *
 * <pre>{@code
 * jshell> dezero.ndarray.kernel.Kernels.get().name()
 * $1 ==> "vector-api (512-bit)"     // "plain-java" without --add-modules jdk.incubator.vector
 * }</pre>
 */
public final class Kernels {
    private static final Logger LOG = Logger.getLogger(Kernels.class.getName());

    /** The module that holds the Vector API in JDK 17 to 25. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    static final String VECTOR_KERNEL_CLASS = "dezero.ndarray.kernel.VectorKernel";

    private Kernels() {
    }

    private static final class Holder {
        static final Kernel INSTANCE = choose();
    }

    /** The kernel every array operation uses. */
    public static Kernel get() {
        return Holder.INSTANCE;
    }

    /**
     * How many threads the kernels split work among: the system property {@code dezero.threads}
     * when set (at least 1), else the available processors.
     */
    public static int threads() {
        return KernelThreads.THREADS;
    }

    /**
     * Runs {@code body.accept(t)} for every t in [0, tasks) on the kernels' threads (the calling
     * thread takes tasks too) and returns when all are done; the first exception a task throws is
     * rethrown here. Work that the array layer splits outside the kernel (a convolution's images, the
     * runs of a strided operation) shares the kernels' workers this way: one pool whose threads spin
     * between jobs, and a kernel called inside a task runs on that task's thread, so no more threads
     * than cores compete. For example, {@code Kernels.parallel(2, t -> process(t * half, (t + 1) * half))}.
     */
    public static void parallel(int tasks, IntConsumer body) {
        KernelThreads.run(tasks, body);
    }

    /**
     * What the kernels found out about this machine and chose from it, one item a line: the
     * kernel and why, the threads, the caches and where their sizes came from, the gemm blocking.
     */
    public static String describe() {
        Kernel k = get();
        String vectorBits = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent() ? "" : " (no Vector API module)";
        return "kernel: " + k.name() + vectorBits + "\n"
                + "threads: " + KernelThreads.THREADS + (System.getProperty("dezero.threads") != null
                        ? " (-Ddezero.threads)" : " (available processors)") + "\n"
                + "caches: " + CpuCaches.get() + "\n"
                + "fused multiply-add: "
                + (HardwareFma.available() ? "in hardware" : "not in hardware: " + HardwareFma.MISSING) + "\n"
                + k.tuning();
    }

    /**
     * The measured fused multiply-add peak of this machine in GFLOP/s, float32 or float64, on
     * {@code threads} threads at once, over about {@code seconds} (plus 0.3 s of warm-up); NaN
     * when the JVM has no Vector API module to measure it with, or computes fused multiply-adds in
     * software.
     */
    public static double fmaPeakGflops(boolean float32, int threads, double seconds) {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty() || !HardwareFma.available()) {
            return Double.NaN;
        }
        try {
            ModuleLayer.boot().findModule(VECTOR_MODULE).ifPresent(Kernels.class.getModule()::addReads);
            Class<?> cls = Class.forName("dezero.ndarray.kernel.VectorPeak");
            java.lang.reflect.Method m = cls.getDeclaredMethod("gflops", boolean.class, int.class, double.class);
            return (Double) m.invoke(null, float32, threads, seconds);
        } catch (ReflectiveOperationException | LinkageError e) {
            return Double.NaN;
        }
    }

    /** The plain-Java kernel, whatever {@link #get()} chose (for benchmarks and comparisons). */
    public static Kernel plain() {
        return new PlainKernel();
    }

    /** The kernel and why it was chosen. */
    static final class Choice {
        final Kernel kernel;
        final String reason;

        Choice(Kernel kernel, String reason) {
            this.kernel = kernel;
            this.reason = reason;
        }
    }

    private static Kernel choose() {
        boolean present = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
        Choice c = choose(System.getProperty("dezero.kernel"), present);
        LOG.log(Level.FINE, "dezero: using kernel {0}: {1}", new Object[] {c.kernel.name(), c.reason});
        return c.kernel;
    }

    /** The decision itself, given the property's value (or null) and whether the Vector module is present. */
    static Choice choose(String property, boolean vectorModulePresent) {
        String wanted = property == null ? "auto" : property.trim().toLowerCase(java.util.Locale.ROOT);
        switch (wanted) {
            case "plain":
                return new Choice(new PlainKernel(), "forced by -Ddezero.kernel=plain");
            case "auto":
            case "":
            case "vector":
                break;
            default:
                LOG.log(Level.WARNING, "dezero: ignoring unknown -Ddezero.kernel={0} (use plain, vector or auto)",
                        property);
        }
        String reason;
        if (!vectorModulePresent) {
            reason = "module " + VECTOR_MODULE + " is not present (run java with --add-modules " + VECTOR_MODULE + ")";
        } else {
            try {
                // in a named module (the library on the module path) read the Vector API's module first:
                // dezero.core's descriptor does not require it (see module-info.java)
                ModuleLayer.boot().findModule(VECTOR_MODULE).ifPresent(Kernels.class.getModule()::addReads);
                Class<?> cls = Class.forName(VECTOR_KERNEL_CLASS);
                String unsupported = (String) cls.getDeclaredMethod("unsupportedReason").invoke(null);
                if (unsupported == null) {
                    Kernel k = (Kernel) cls.getDeclaredConstructor().newInstance();
                    return new Choice(k, "module " + VECTOR_MODULE + " is present");
                }
                reason = unsupported;
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                reason = "the Vector API kernel failed to load: " + e;
            }
        }
        if (wanted.equals("vector")) {
            LOG.log(Level.WARNING, "dezero: -Ddezero.kernel=vector, but {0}; using the plain kernel", reason);
        }
        return new Choice(new PlainKernel(), reason);
    }
}
