package dezero.ndarray.kernel;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses the {@link Kernel} once, at first use. Today the only implementation is
 * {@link PlainKernel}; a Vector API kernel will be picked here when the
 * {@code jdk.incubator.vector} module is present (the way Lucene's VectorizationProvider works).
 * The system property {@code dezero.kernel=plain} forces the plain kernel.
 */
public final class Kernels {
    private static final Logger LOG = Logger.getLogger(Kernels.class.getName());

    private Kernels() {
    }

    private static final class Holder {
        static final Kernel INSTANCE = choose();
    }

    /** The kernel every array operation uses. */
    public static Kernel get() {
        return Holder.INSTANCE;
    }

    private static Kernel choose() {
        Kernel k = new PlainKernel();
        LOG.log(Level.FINE, "dezero: using kernel {0} (plain Java; no SIMD implementation yet)", k.name());
        return k;
    }
}
