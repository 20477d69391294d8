package dezero.bench;

import dezero.ndarray.kernel.Kernels;

import java.util.Locale;

/** The machine's measured fused multiply-add peak (GFLOP/s) on the benchmark's threads, float32 and float64. */
record Peak(int threads, double float32, double float64) {
    static Peak measure(int threads) {
        return new Peak(threads, Kernels.fmaPeakGflops(true, threads, 1.0), Kernels.fmaPeakGflops(false, threads, 1.0));
    }

    /** The peak for a gemm metric ("float32 ..." or "float64 ..."), or NaN. */
    double forMetric(String metric) {
        return metric.startsWith("float32") ? float32 : metric.startsWith("float64") ? float64 : Double.NaN;
    }

    @Override
    public String toString() {
        if (Double.isNaN(float32)) {
            return "FMA peak: not measured (no Vector API module, or fused multiply-adds not in hardware)";
        }
        return String.format(Locale.ROOT, "FMA peak (measured, %d %s): float32 %.1f GFLOP/s, float64 %.1f GFLOP/s",
                threads, threads == 1 ? "thread" : "threads", float32, float64);
    }
}
