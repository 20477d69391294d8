package dezero.ndarray;

import java.util.Arrays;

/**
 * One item of a NumPy-style index, for {@link NdArray#getItem(Index...)} and friends.
 *
 * <pre>{@code
 * x[1]            -> x.getItem(Index.at(1))
 * x[1:3]          -> x.getItem(Index.slice(1, 3))
 * x[:, 1]         -> x.getItem(Index.all(), Index.at(1))
 * x[::-1]         -> x.getItem(Index.slice(null, null, -1))
 * x[..., 2]       -> x.getItem(Index.ellipsis(), Index.at(2))
 * x[None, 1]      -> x.getItem(Index.newAxis(), Index.at(1))
 * x[[0, 2, 2]]    -> x.getItem(Index.of(0, 2, 2))
 * x[idx]          -> x.getItem(Index.array(idx))      // int64 indices or a bool mask
 * x[rows, cols]   -> x.getItem(Index.array(rows), Index.array(cols))
 * }</pre>
 */
public final class Index {
    /** What kind of index item this is. */
    public enum Kind { INT, SLICE, NEW_AXIS, ELLIPSIS, ARRAY }

    private final Kind kind;
    private final int value;
    private final Integer start;
    private final Integer stop;
    private final Integer step;
    private final NdArray array;

    private Index(Kind kind, int value, Integer start, Integer stop, Integer step, NdArray array) {
        this.kind = kind;
        this.value = value;
        this.start = start;
        this.stop = stop;
        this.step = step;
        this.array = array;
    }

    private static final Index ALL = new Index(Kind.SLICE, 0, null, null, null, null);
    private static final Index NEW_AXIS = new Index(Kind.NEW_AXIS, 0, null, null, null, null);
    private static final Index ELLIPSIS = new Index(Kind.ELLIPSIS, 0, null, null, null, null);

    /** A single position, negative counts from the end: {@code x[i]}. */
    public static Index at(int i) {
        return new Index(Kind.INT, i, null, null, null, null);
    }

    /** {@code x[start:stop:step]}; {@code null} parts are omitted as in Python. */
    public static Index slice(Integer start, Integer stop, Integer step) {
        if (step != null && step == 0) {
            throw new IllegalArgumentException("slice step cannot be zero");
        }
        return new Index(Kind.SLICE, 0, start, stop, step, null);
    }

    /** {@code x[start:stop]}. */
    public static Index slice(Integer start, Integer stop) {
        return slice(start, stop, null);
    }

    /** {@code x[:]}, the whole axis. */
    public static Index all() {
        return ALL;
    }

    /** {@code None} / {@code np.newaxis}: inserts an axis of length 1. */
    public static Index newAxis() {
        return NEW_AXIS;
    }

    /** {@code ...}: as many full slices as needed. */
    public static Index ellipsis() {
        return ELLIPSIS;
    }

    /** Advanced (fancy) indexing with an int64 array, or boolean masking with a bool array. */
    public static Index array(NdArray indices) {
        if (indices.dtype() != DType.INT64 && indices.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("index arrays must be int64 or bool, got " + indices.dtype()
                    + " with shape " + Shapes.str(indices.shape()));
        }
        return new Index(Kind.ARRAY, 0, null, null, null, indices);
    }

    /** A Python list used as a fancy index: {@code x[[0, 2, 2]]}. */
    public static Index of(int... positions) {
        long[] v = new long[positions.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = positions[i];
        }
        return array(NdArray.wrap(v, positions.length));
    }

    public Kind kind() {
        return kind;
    }

    /** The position of an {@link Kind#INT} item. */
    public int value() {
        return value;
    }

    public Integer start() {
        return start;
    }

    public Integer stop() {
        return stop;
    }

    public Integer step() {
        return step;
    }

    /** The index array of an {@link Kind#ARRAY} item. */
    public NdArray array() {
        return array;
    }

    @Override
    public String toString() {
        switch (kind) {
            case INT:
                return Integer.toString(value);
            case NEW_AXIS:
                return "None";
            case ELLIPSIS:
                return "...";
            case ARRAY:
                return "array" + Shapes.str(array.shape());
            default:
                return (start == null ? "" : start.toString()) + ":" + (stop == null ? "" : stop.toString())
                        + (step == null ? "" : ":" + step);
        }
    }

    /** Formats a whole index like Python would, e.g. {@code [1, :, array(3,)]}. */
    public static String str(Index[] index) {
        return Arrays.toString(index);
    }
}
