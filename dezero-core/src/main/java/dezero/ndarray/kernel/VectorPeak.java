package dezero.ndarray.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's fused multiply-add peak: twelve independent accumulator vectors of the preferred
 * species, each updated by one fma per step (no memory traffic; twelve chains cover the latency
 * of two fma pipes of up to six cycles), run on {@code threads} threads at once. What a gemm can
 * reach at most, so its figures can be read as a fraction of it. Loaded by {@link Kernels} by name.
 */
final class VectorPeak {
    private VectorPeak() {
    }

    private static final VectorSpecies<Float> SF = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> SD = DoubleVector.SPECIES_PREFERRED;
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
            int lanes = float32 ? SF.length() : SD.length();
            best = Math.max(best, threads * (double) (total / 3) * CHAINS * lanes * 2 / s / 1e9);
        }
        return best;
    }

    /** A sink for the results, so the loops are not removed. */
    static volatile double sink;

    private static void run(boolean float32, long steps) {
        sink = float32 ? loopF(steps) : loopD(steps);
    }

    private static float loopF(long steps) {
        FloatVector a = FloatVector.broadcast(SF, 0.5f);
        FloatVector b = FloatVector.broadcast(SF, 0.999999f);
        FloatVector c0 = a, c1 = a.add(1f), c2 = a.add(2f), c3 = a.add(3f), c4 = a.add(4f), c5 = a.add(5f);
        FloatVector c6 = a.add(6f), c7 = a.add(7f), c8 = a.add(8f), c9 = a.add(9f), c10 = a.add(10f), c11 = a.add(11f);
        for (long i = 0; i < steps; i++) {
            c0 = c0.fma(b, a); c1 = c1.fma(b, a); c2 = c2.fma(b, a); c3 = c3.fma(b, a);
            c4 = c4.fma(b, a); c5 = c5.fma(b, a); c6 = c6.fma(b, a); c7 = c7.fma(b, a);
            c8 = c8.fma(b, a); c9 = c9.fma(b, a); c10 = c10.fma(b, a); c11 = c11.fma(b, a);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }

    private static double loopD(long steps) {
        DoubleVector a = DoubleVector.broadcast(SD, 0.5);
        DoubleVector b = DoubleVector.broadcast(SD, 0.999999);
        DoubleVector c0 = a, c1 = a.add(1), c2 = a.add(2), c3 = a.add(3), c4 = a.add(4), c5 = a.add(5);
        DoubleVector c6 = a.add(6), c7 = a.add(7), c8 = a.add(8), c9 = a.add(9), c10 = a.add(10), c11 = a.add(11);
        for (long i = 0; i < steps; i++) {
            c0 = c0.fma(b, a); c1 = c1.fma(b, a); c2 = c2.fma(b, a); c3 = c3.fma(b, a);
            c4 = c4.fma(b, a); c5 = c5.fma(b, a); c6 = c6.fma(b, a); c7 = c7.fma(b, a);
            c8 = c8.fma(b, a); c9 = c9.fma(b, a); c10 = c10.fma(b, a); c11 = c11.fma(b, a);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }
}
