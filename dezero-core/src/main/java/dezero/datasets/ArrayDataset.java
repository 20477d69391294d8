package dezero.datasets;

import dezero.ndarray.NdArray;
import dezero.transforms.Transform;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dataset held in two arrays: inputs {@code data} of shape {@code (N, ...)} and targets
 * {@code label} of shape {@code (N, ...)} (or none), as DeZero's {@code Dataset} with its
 * {@code self.data} and {@code self.label}. Example {@code i} is row {@code i} of each; batches
 * are gathered with bulk row copies.
 *
 * <pre>{@code
 * jshell> var ds = new ArrayDataset(NdArray.arange(6).reshape(3, 2), NdArray.array(new long[] {0, 1, 0}));
 * jshell> ds.get(1)
 * $2 ==> Example[x=[2 3], t=1]
 * jshell> ds.getBatch(2, 0).x()
 * $3 ==> [[4 5]
 *         [0 1]]
 * }</pre>
 */
public class ArrayDataset extends Dataset {
    private final NdArray data;
    private final NdArray label;

    /** A training dataset without transforms. {@code label} may be {@code null}. */
    public ArrayDataset(NdArray data, NdArray label) {
        this(data, label, true, null, null);
    }

    /**
     * @param data            inputs, one example per row (first axis)
     * @param label           targets, one per row of {@code data}, or {@code null} for none
     * @param train           whether this is the training split
     * @param transform       applied to every input, or {@code null}
     * @param targetTransform applied to every target, or {@code null}
     */
    public ArrayDataset(NdArray data, NdArray label, boolean train, Transform transform, Transform targetTransform) {
        super(train, transform, targetTransform);
        Objects.requireNonNull(data, "ArrayDataset: data is null");
        if (data.ndim() == 0) {
            throw new IllegalArgumentException("ArrayDataset: data must have an example axis, got a 0-d array");
        }
        if (label != null && (label.ndim() == 0 || label.shape(0) != data.shape(0))) {
            throw new IllegalArgumentException("ArrayDataset: label of shape " + Arrays.toString(label.shape())
                    + " does not have one row per example of data of shape " + Arrays.toString(data.shape()));
        }
        this.data = data;
        this.label = label;
    }

    /** All raw inputs (DeZero's {@code dataset.data}), shape {@code (N, ...)}; do not modify. */
    public NdArray data() {
        return data;
    }

    /** All raw targets (DeZero's {@code dataset.label}), or {@code null}; do not modify. */
    public NdArray label() {
        return label;
    }

    @Override
    public int size() {
        return data.shape(0);
    }

    @Override
    protected NdArray data(int index) {
        return Rows.row(data, index);
    }

    @Override
    protected NdArray label(int index) {
        return label == null ? null : Rows.row(label, index);
    }

    @Override
    protected NdArray data(int[] indices) {
        return Rows.gather(data, indices);
    }

    @Override
    protected NdArray label(int[] indices) {
        return label == null ? null : Rows.gather(label, indices);
    }
}
