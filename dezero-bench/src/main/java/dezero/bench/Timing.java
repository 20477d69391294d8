package dezero.bench;

import java.util.Arrays;

/** Wall-clock timing: warm-up runs (for the JIT), then the median of timed repetitions. */
final class Timing {
    private Timing() {
    }

    /** Warm-up lasts at least this long: the JIT compiles the SIMD loops late when the machine is busy. */
    static final double MIN_WARMUP_SECONDS = 1.0;

    /**
     * Median seconds of one call of {@code body} over {@code reps} timed calls, after at least
     * {@code warmups} untimed ones and at least {@link #MIN_WARMUP_SECONDS} of them.
     */
    static double median(int warmups, int reps, Runnable body) {
        long warmStart = System.nanoTime();
        for (int i = 0; i < warmups || System.nanoTime() - warmStart < MIN_WARMUP_SECONDS * 1e9; i++) {
            body.run();
        }
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            body.run();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return t[reps / 2];
    }
}
