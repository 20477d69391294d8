package dezero.ndarray.kernel;

/**
 * The machine's fused multiply-add peak: twelve independent accumulator vectors of the preferred
 * species, each updated by one fma per step (no memory traffic; twelve chains cover the latency
 * of two fma pipes of up to six cycles), run on {@code threads} threads at once (the loops are
 * {@code VectorPeakF}/{@code VectorPeakD}, from one template). What a gemm can
 * reach at most, so its figures can be read as a fraction of it. Loaded by {@link Kernels} by name.
 */
final class VectorPeak {
    private VectorPeak() {
    }

    private static final int CHAINS = 12;

    /** GFLOP/s (2 flops per fused multiply-add), float32 or float64, on {@code threads} threads for {@code seconds}. */
    static double gflops(boolean float32, int threads, double seconds) throws InterruptedException {
        long steps = 1 << 16;
        // warm-up (compiles the loops), then size the run from one timed call
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 300_000_000L) {
            run(float32, steps);
        }
        long t1 = System.nanoTime();
        run(float32, steps);
        double perStep = Math.max(1, System.nanoTime() - t1) / (double) steps;
        long total = (long) Math.max(steps, seconds * 1e9 / perStep);
        double best = 0;
        for (int rep = 0; rep < 3; rep++) {
            Thread[] ts = new Thread[threads];
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                ts[t] = new Thread(() -> run(float32, total / 3));
                ts[t].start();
            }
            for (Thread t : ts) {
                t.join();
            }
            double s = (System.nanoTime() - start) / 1e9;
            int lanes = float32 ? VectorPeakF.lanes() : VectorPeakD.lanes();
            best = Math.max(best, threads * (double) (total / 3) * CHAINS * lanes * 2 / s / 1e9);
        }
        return best;
    }

    /** A sink for the results, so the loops are not removed. */
    static volatile double sink;

    private static void run(boolean float32, long steps) {
        sink = float32 ? VectorPeakF.loop(steps) : VectorPeakD.loop(steps);
    }
}
