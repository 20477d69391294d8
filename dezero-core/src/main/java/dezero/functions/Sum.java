package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

/** Sum over all axes ({@code axes == null}) or the given ones; the gradient is broadcast back. */
public final class Sum extends Function {
    private final int[] axes;
    private final boolean keepdims;

    public Sum(int[] axes, boolean keepdims) {
        this.axes = axes == null ? null : axes.clone();
        this.keepdims = keepdims;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].sum(axes, keepdims);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        int[] xShape = input(0).shape();
        Variable g = F.reshape(gy, keptShape(xShape, axes, keepdims));
        return grads(F.broadcastTo(g, xShape));
    }

    /**
     * The shape of a reduction's result with the reduced axes kept as 1, so that the gradient
     * broadcasts back to the input. Negative axes are normalised (DeZero's
     * {@code reshape_sum_backward} misses this for max/min).
     */
    static int[] keptShape(int[] xShape, int[] axes, boolean keepdims) {
        int[] out = xShape.clone();
        if (axes == null) {
            java.util.Arrays.fill(out, 1);
            return out;
        }
        for (int a : Shapes.normalizeAxes(axes, xShape, "sum")) {
            out[a] = 1;
        }
        return out;
    }
}
