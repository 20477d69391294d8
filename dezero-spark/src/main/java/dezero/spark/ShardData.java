package dezero.spark;

import dezero.ndarray.NdArray;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The examples of one partition, packed for the gradient tasks: inputs as one float32 block, labels
 * and data-set positions, sorted by position so that an executor finds its share of a global batch
 * by binary search. Built once per partition and cached by Spark.
 */
public final class ShardData implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] indices;
    private final float[] features;
    private final long[] labels;
    private final int[] inputShape;
    private final int width;

    private ShardData(int[] indices, float[] features, long[] labels, int[] inputShape) {
        this.indices = indices;
        this.features = features;
        this.labels = labels;
        this.inputShape = inputShape.clone();
        this.width = features.length / Math.max(1, indices.length);
    }

    /** Packs {@code samples} (any order), whose inputs must each hold product(inputShape) values. */
    public static ShardData of(Iterator<Sample> samples, int[] inputShape) {
        int width = 1;
        for (int s : inputShape) {
            width *= s;
        }
        List<Sample> list = new ArrayList<>();
        while (samples.hasNext()) {
            Sample s = samples.next();
            if (s.x().length != width) {
                throw new IllegalArgumentException("ShardData: sample " + s.index() + " has " + s.x().length
                        + " input values, the input shape " + Arrays.toString(inputShape) + " needs " + width);
            }
            list.add(s);
        }
        list.sort((a, b) -> Integer.compare(a.index(), b.index()));
        int n = list.size();
        int[] indices = new int[n];
        float[] features = new float[n * width];
        long[] labels = new long[n];
        for (int i = 0; i < n; i++) {
            Sample s = list.get(i);
            if (i > 0 && s.index() == indices[i - 1]) {
                throw new IllegalArgumentException("ShardData: two samples have index " + s.index());
            }
            indices[i] = s.index();
            System.arraycopy(s.x(), 0, features, i * width, width);
            labels[i] = s.label();
        }
        return new ShardData(indices, features, labels, inputShape);
    }

    /** The number of examples. */
    public int size() {
        return indices.length;
    }

    /** The data-set positions held, ascending. */
    public int[] indices() {
        return indices.clone();
    }

    /**
     * The positions held as runs of consecutive ones, {@code {start0, length0, start1, length1, ...}}:
     * one run for a partition that holds a slice of the data set.
     */
    public int[] runs() {
        int[] out = new int[2 * Math.max(1, indices.length)];
        int n = 0;
        for (int i = 0; i < indices.length; i++) {
            if (i > 0 && indices[i] == indices[i - 1] + 1) {
                out[n - 1]++;
            } else {
                out[n++] = indices[i];
                out[n++] = 1;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The rows of this shard's examples in the global {@code batch} (data-set positions), in the
     * batch's order.
     */
    public int[] rowsOf(int[] batch) {
        int[] rows = new int[batch.length];
        int n = 0;
        for (int position : batch) {
            int r = Arrays.binarySearch(indices, position);
            if (r >= 0) {
                rows[n++] = r;
            }
        }
        return Arrays.copyOf(rows, n);
    }

    /** The inputs of {@code rows}, float32 of shape (rows, input shape...). */
    public NdArray inputs(int[] rows) {
        float[] out = new float[rows.length * width];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(features, rows[k] * width, out, k * width, width);
        }
        int[] shape = new int[inputShape.length + 1];
        shape[0] = rows.length;
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        return NdArray.wrap(out, shape);
    }

    /** The labels of {@code rows}, int64 of shape (rows). */
    public NdArray labels(int[] rows) {
        long[] out = new long[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = labels[rows[k]];
        }
        return NdArray.wrap(out, rows.length);
    }
}
