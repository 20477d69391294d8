package dezero.functions;

import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

/**
 * Input checks shared by the losses, {@code accuracy} and {@code embedId}; each failure names the
 * function and the shapes, instead of surfacing later as a reshape or broadcasting error.
 */
final class InputChecks {
    private InputChecks() {
    }

    /**
     * DeZero's rule for binary targets: {@code t} is reshaped to {@code x}'s shape when their
     * numbers of dimensions differ (labels (N) for logits (N, 1)). Otherwise the shapes must be
     * equal: DeZero would broadcast silently, which turns a shape bug into a wrong loss.
     */
    static Variable targetLike(String op, Variable x, Variable t) {
        int[] xs = x.shape();
        int[] ts = t.shape();
        if (x.ndim() != t.ndim() && x.size() == t.size()) {
            return F.reshape(t, xs);
        }
        if (!java.util.Arrays.equals(xs, ts)) {
            throw new IllegalArgumentException(op + ": target of shape " + Shapes.str(ts)
                    + " does not match the input of shape " + Shapes.str(xs) + " (same shape, or same size with a"
                    + " different number of dimensions)");
        }
        return t;
    }

    /** The two operands of a binary loss must broadcast against each other. */
    static void requireBroadcastable(String op, NdArray a, NdArray b) {
        Shapes.broadcast(a.shape(), b.shape(), op);
    }

    /** Ids for {@code W[x]}: int64 values in [0, len(W)) for a W with at least one axis. */
    static void requireIds(String op, NdArray x, NdArray w) {
        if (x.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + ": ids must be int64, got " + x.dtype() + " of shape "
                    + Shapes.str(x.shape()));
        }
        if (w.ndim() == 0) {
            throw new IllegalArgumentException(op + ": W must have at least one axis, got shape ()");
        }
        long[] ids = x.toLongArray();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= w.shape(0)) {
                throw new IndexOutOfBoundsException(op + ": id " + ids[i] + " at flat position " + i + " is out of range"
                        + " for W of shape " + Shapes.str(w.shape()) + " (ids of shape " + Shapes.str(x.shape()) + ")");
            }
        }
    }

    /** {@code y} (N, C, ...) and one label per position of {@code y.argmax(axis=1)}. */
    static void requireOneLabelPerRow(String op, NdArray y, NdArray t) {
        if (y.ndim() < 2) {
            throw new IllegalArgumentException(op + ": scores must be at least 2-d (N, C), got shape "
                    + Shapes.str(y.shape()));
        }
        int predictions = y.size() / Math.max(1, y.shape(1));
        if (y.shape(1) == 0 || t.size() != predictions) {
            throw new IllegalArgumentException(op + ": labels of shape " + Shapes.str(t.shape())
                    + " do not give one label per row of scores of shape " + Shapes.str(y.shape()));
        }
    }

    /**
     * Class labels in {@code [0, classes)}, for scores of shape {@code scoresShape}: the loss and
     * {@code accuracy} refuse the same labels with the same message.
     */
    static void requireLabelsInRange(String op, NdArray t, int classes, int[] scoresShape) {
        int n = t.size();
        long[] ints = t.dtype() == DType.INT64 ? t.toLongArray() : null;
        for (int i = 0; i < n; i++) {
            double v = ints != null ? ints[i] : t.getFlat(i);
            if (!(v >= 0 && v < classes)) {
                throw new IndexOutOfBoundsException(op + ": label " + (ints != null ? Long.toString(ints[i])
                        : Double.toString(v)) + " at position " + i + " is out of range for " + classes
                        + " classes (x shape " + Shapes.str(scoresShape) + ")");
            }
        }
    }
}
