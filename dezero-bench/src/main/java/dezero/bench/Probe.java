package dezero.bench;

import dezero.ndarray.kernel.Kernels;

import java.util.Locale;

/**
 * {@code dezero-bench probe}: what the kernels found out about this machine and chose from it (the
 * kernel, threads, caches and where their sizes came from, the gemm blocking and why), and the
 * measured fused multiply-add peak on one thread and on all of the kernels' threads, so a gemm
 * figure can be read as a fraction of it.
 */
final class Probe {
    private Probe() {
    }

    static void print(int threads) {
        System.out.println(Kernels.describe());
        Peak one = Peak.measure(1);
        if (Double.isNaN(one.float32())) {
            System.out.println("FMA peak: not measured (it needs the Vector API module and fused multiply-adds in"
                    + " hardware)");
            return;
        }
        System.out.println(String.format(Locale.ROOT, "FMA peak, 1 thread: float32 %.1f GFLOP/s, float64 %.1f GFLOP/s",
                one.float32(), one.float64()));
        if (threads > 1) {
            Peak all = Peak.measure(threads);
            System.out.println(String.format(Locale.ROOT,
                    "FMA peak, %d threads: float32 %.1f GFLOP/s, float64 %.1f GFLOP/s (%.2fx one thread)", threads,
                    all.float32(), all.float64(), all.float32() / one.float32()));
        }
    }
}
