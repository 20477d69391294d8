package dezero.datasets;

import dezero.ndarray.NdArray;
import dezero.transforms.Transform;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An indexed collection of examples (DeZero's {@code dezero.datasets.Dataset}): {@link #size()}
 * examples, each an input and a target, with a {@code transform} applied to every input and a
 * {@code targetTransform} to every target when they are read.
 *
 * <p>A subclass supplies the raw data through {@link #data(int)} and {@link #label(int)}; it may
 * override the batch forms {@link #data(int[])} and {@link #label(int[])} to gather many
 * examples at once without building them one by one ({@link ArrayDataset} and {@link MNIST} do).
 * {@link #train()} says whether this is the training split.
 *
 * <pre>{@code
 * jshell> var train = new Spiral(true);
 * jshell> train.size()
 * $2 ==> 300
 * jshell> var e = train.get(0); e.x()
 * $3 ==> [-0.13981389 -0.00721657]
 * jshell> for (Example ex : train) { ... }          // every example in order
 * }</pre>
 */
public abstract class Dataset implements Iterable<Example> {
    private final boolean train;
    private final Transform transform;
    private final Transform targetTransform;

    /**
     * @param train           whether this is the training split
     * @param transform       applied to every input; {@code null} means none
     * @param targetTransform applied to every target; {@code null} means none
     */
    protected Dataset(boolean train, Transform transform, Transform targetTransform) {
        this.train = train;
        this.transform = transform == null ? Transform.identity() : transform;
        this.targetTransform = targetTransform == null ? Transform.identity() : targetTransform;
    }

    /** The number of examples (Python's {@code len(dataset)}). */
    public abstract int size();

    /** The raw (untransformed) input of example {@code index}, already range-checked. */
    protected abstract NdArray data(int index);

    /** The raw target of example {@code index}, or {@code null} when the dataset has no labels. */
    protected abstract NdArray label(int index);

    /**
     * The raw inputs of the given (range-checked) examples stacked along a new first axis. The
     * default stacks {@link #data(int)}; array-backed datasets override it to copy rows directly.
     */
    protected NdArray data(int[] indices) {
        List<NdArray> rows = new ArrayList<>(indices.length);
        for (int i : indices) {
            rows.add(data(i));
        }
        return NdArray.stack(rows, 0);
    }

    /** The raw targets of the given examples stacked, or {@code null} when the dataset has no labels. */
    protected NdArray label(int[] indices) {
        List<NdArray> rows = new ArrayList<>(indices.length);
        for (int i : indices) {
            NdArray t = label(i);
            if (t == null) {
                return null;
            }
            rows.add(t);
        }
        return NdArray.stack(rows, 0);
    }

    /**
     * Example {@code index} with the transforms applied (Python's {@code dataset[index]}); negative
     * indices count from the end as in Python.
     */
    public Example get(int index) {
        int i = checkIndex(index);
        NdArray t = label(i);
        return new Example(transform.apply(data(i)), t == null ? null : targetTransform.apply(t));
    }

    /**
     * The examples at {@code indices} as one batch: inputs and targets stacked along a new first
     * axis, with the transforms applied (equal to stacking {@link #get} of each index).
     */
    public Batch getBatch(int... indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("getBatch: no indices given (dataset of size " + size() + ")");
        }
        int[] checked = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            checked[k] = checkIndex(indices[k]);
        }
        NdArray t = label(checked);
        return new Batch(transform.applyBatch(data(checked)), t == null ? null : targetTransform.applyBatch(t));
    }

    /** Whether this is the training split (DeZero's {@code train} flag). */
    public boolean train() {
        return train;
    }

    /** The transform applied to every input (the identity when none was given). */
    public Transform transform() {
        return transform;
    }

    /** The transform applied to every target (the identity when none was given). */
    public Transform targetTransform() {
        return targetTransform;
    }

    /** The examples in index order, transformed. */
    @Override
    public Iterator<Example> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public Example next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("dataset of size " + size() + " has no example " + next);
                }
                return get(next++);
            }
        };
    }

    private int checkIndex(int index) {
        int n = size();
        int i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException(getClass().getSimpleName() + ": index " + index
                    + " is out of bounds for a dataset of size " + n);
        }
        return i;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(size=" + size() + ", train=" + train + ")";
    }
}
