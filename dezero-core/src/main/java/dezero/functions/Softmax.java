package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

/**
 * Softmax along {@code axis}, fused and stable (the max is subtracted first):
 * {@code gx = y * gy - y * sum(y * gy, axis)}.
 */
public final class Softmax extends Function {
    private final int axis;

    public Softmax(int axis) {
        this.axis = axis;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        NdArray x = xs[0];
        Shapes.normalizeAxis(axis, x.shape(), "softmax");
        NdArray e = x.sub(x.max(axis, true)).exp();
        return e.div(e.sum(axis, true));
    }

    @Override
    protected Variable[] backward(Variable gy) {
        Variable y = output();
        Variable gx = y.mul(gy);
        Variable sumdx = gx.sum(axis, true);
        return grads(gx.sub(y.mul(sumdx)));
    }
}
