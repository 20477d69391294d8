package dezero.spark;

import dezero.datasets.Batch;
import dezero.datasets.DataLoader;
import dezero.datasets.Dataset;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;

/**
 * The global batches of a run as data-set positions, drawn on the driver exactly as a shuffling
 * {@link DataLoader} over the same number of examples with {@code new NdRandom(seed)} draws them
 * (it is one, over a data set of positions): the same permutation per epoch, the same batches, a
 * smaller last batch. So a single-JVM loop over {@code new DataLoader(data, batchSize, true,
 * new NdRandom(seed))} sees the same examples in the same steps.
 */
final class BatchOrder {
    private final DataLoader loader;
    private long steps;
    private int epoch;

    BatchOrder(int size, int batchSize, long seed) {
        this.loader = new DataLoader(new Positions(size), batchSize, true, new NdRandom(seed));
    }

    /** The next batch's positions; an ended epoch is followed by the next one (a new permutation). */
    int[] next() {
        if (!loader.hasNext()) {
            loader.reset();
            epoch++;
        }
        Batch b = loader.next();
        steps++;
        long[] p = b.x().longData();
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (int) p[i];
        }
        return out;
    }

    /** Skips {@code n} batches (replaying their draws), as a resumed run must. */
    void skip(long n) {
        for (long i = 0; i < n; i++) {
            next();
        }
    }

    /** Batches handed out so far. */
    long steps() {
        return steps;
    }

    /** The epoch of the last batch handed out (0 first). */
    int epoch() {
        return epoch;
    }

    /** Batches per epoch. */
    int perEpoch() {
        return loader.maxIter();
    }

    /** Data-set positions 0..n-1 as a data set whose batches are the positions themselves. */
    private static final class Positions extends Dataset {
        private final int size;

        Positions(int size) {
            super(true, null, null);
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        protected NdArray data(int index) {
            return NdArray.scalar((long) index);
        }

        @Override
        protected NdArray label(int index) {
            return null;
        }

        @Override
        protected NdArray data(int[] indices) {
            long[] out = new long[indices.length];
            for (int i = 0; i < indices.length; i++) {
                out[i] = indices[i];
            }
            return NdArray.wrap(out, indices.length);
        }

        @Override
        protected NdArray label(int[] indices) {
            return null;
        }
    }
}
