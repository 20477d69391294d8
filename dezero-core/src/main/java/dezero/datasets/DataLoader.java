package dezero.datasets;

import dezero.ndarray.NdRandom;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Cuts a dataset into batches, one epoch at a time (DeZero's {@code DataLoader}).
 *
 * <p>An epoch is {@link #maxIter()} = ceil(size / batchSize) batches; the last one holds the
 * remaining examples and may be smaller. With {@code shuffle}, the order of every epoch is a
 * permutation drawn from an {@link NdRandom}, by default the global one, exactly when the reference
 * draws it: once at construction and again when an epoch ends. So a program that seeds
 * {@code NdRandom.seedGlobal(s)} gets the same batches as the Python one after
 * {@code np.random.seed(s)}.
 *
 * <p>Iterating is Python's protocol: a for-each loop runs through the rest of the current epoch;
 * when it ends the loader resets (drawing the next epoch's order), so the next loop is the next
 * epoch. {@link #next()} and {@link #hasNext()} are DeZero's {@code next(loader)} style.
 *
 * <pre>{@code
 * jshell> NdRandom.seedGlobal(0);
 * jshell> var loader = new DataLoader(new Spiral(true), 30);
 * jshell> for (int epoch = 0; epoch < 300; epoch++) {
 *    ...>     for (Batch b : loader) { ... b.x() ... b.t() ... }   // 10 batches of 30
 *    ...> }
 * jshell> var b = loader.next(); b.x().shape()
 * $4 ==> int[2] { 30, 2 }
 * }</pre>
 */
public class DataLoader implements Iterable<Batch> {
    private final Dataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final NdRandom random;
    private final int dataSize;
    private final int maxIter;
    private int[] index;
    private int iteration;

    /** A shuffling loader drawing from the global {@link NdRandom} (DeZero's default). */
    public DataLoader(Dataset dataset, int batchSize) {
        this(dataset, batchSize, true);
    }

    /** A loader drawing its shuffles (if any) from the global {@link NdRandom}. */
    public DataLoader(Dataset dataset, int batchSize, boolean shuffle) {
        this(dataset, batchSize, shuffle, NdRandom.global());
    }

    /** A loader drawing its shuffles from {@code random}. */
    public DataLoader(Dataset dataset, int batchSize, boolean shuffle, NdRandom random) {
        this.dataset = Objects.requireNonNull(dataset, "DataLoader: dataset is null");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("DataLoader: batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.random = Objects.requireNonNull(random, "DataLoader: random generator is null");
        this.dataSize = dataset.size();
        this.maxIter = (int) ((dataSize + (long) batchSize - 1) / batchSize);
        reset();
    }

    /** Starts a new epoch: iteration 0 and, when shuffling, a freshly drawn order. */
    public final void reset() {
        iteration = 0;
        if (shuffle) {
            long[] order = random.permutation(dataSize).longData();
            index = new int[dataSize];
            for (int i = 0; i < dataSize; i++) {
                index[i] = (int) order[i];
            }
        } else {
            index = new int[dataSize];
            for (int i = 0; i < dataSize; i++) {
                index[i] = i;
            }
        }
    }

    /** Whether the current epoch has batches left. */
    public boolean hasNext() {
        return iteration < maxIter;
    }

    /**
     * The next batch of the current epoch (DeZero's {@code loader.next()}). At the end of an epoch
     * it resets the loader, as the reference does, and throws {@link NoSuchElementException} (the
     * reference's {@code StopIteration}); the following call begins the new epoch.
     */
    public Batch next() {
        if (iteration >= maxIter) {
            reset();
            throw new NoSuchElementException("DataLoader: end of epoch (" + maxIter + " batches); the loader was reset");
        }
        Batch b = dataset.getBatch(batchIndices(iteration));
        iteration++;
        return b;
    }

    /**
     * The examples of batch {@code iteration} of the current epoch: the next {@code batchSize}
     * positions of the epoch's order, fewer for the last batch.
     */
    protected int[] batchIndices(int iteration) {
        int from = iteration * batchSize;
        int to = Math.min(from + batchSize, dataSize);
        int[] out = new int[to - from];
        System.arraycopy(index, from, out, 0, out.length);
        return out;
    }

    /**
     * The rest of the current epoch. When it is used up (its {@code hasNext()} first answers
     * {@code false}), the loader resets, so the next iterator is the next epoch.
     */
    @Override
    public Iterator<Batch> iterator() {
        return new Iterator<>() {
            private boolean ended;

            @Override
            public boolean hasNext() {
                if (ended) {
                    return false;
                }
                if (DataLoader.this.hasNext()) {
                    return true;
                }
                ended = true;
                reset();
                return false;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("DataLoader: this epoch has ended");
                }
                return DataLoader.this.next();
            }
        };
    }

    /** Batches per epoch: ceil(size / batchSize). */
    public int maxIter() {
        return maxIter;
    }

    /** How many batches of the current epoch have been handed out. */
    public int iteration() {
        return iteration;
    }

    public int batchSize() {
        return batchSize;
    }

    public boolean shuffle() {
        return shuffle;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** The number of examples, {@code dataset.size()} when the loader was made. */
    public int dataSize() {
        return dataSize;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + dataset + ", batchSize=" + batchSize + ", shuffle=" + shuffle
                + ", " + maxIter + " batches per epoch)";
    }
}
