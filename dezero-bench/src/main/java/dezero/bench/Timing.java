package dezero.bench;

import java.util.Arrays;

/** Wall-clock timing: warm-up runs (for the JIT), then the median of timed repetitions. */
final class Timing {
    private Timing() {
    }

    /** Median seconds of one call of {@code body} over {@code reps} timed calls after {@code warmups} untimed ones. */
    static double median(int warmups, int reps, Runnable body) {
        for (int i = 0; i < warmups; i++) {
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
