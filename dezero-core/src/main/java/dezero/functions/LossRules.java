package dezero.functions;

import dezero.Variable;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

/**
 * Input checks shared by the losses and {@code accuracy}; each failure names the function and the
 * shapes, instead of surfacing later as a reshape or broadcasting error.
 */
final class LossRules {
    private LossRules() {
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
}
