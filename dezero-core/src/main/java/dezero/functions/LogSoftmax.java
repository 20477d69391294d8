package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

/** {@code y = x - logsumexp(x, axis)}, stable for large values: {@code gx = gy - exp(y) * sum(gy, axis)}. */
public final class LogSoftmax extends Function {
    private final int axis;

    public LogSoftmax(int axis) {
        this.axis = axis;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        Shapes.normalizeAxis(axis, xs[0].shape(), "logSoftmax");
        return xs[0].sub(logsumexp(xs[0], axis));
    }

    /** {@code log(sum(exp(x), axis, keepdims))} computed with the max subtracted first. */
    static NdArray logsumexp(NdArray x, int axis) {
        NdArray m = x.max(axis, true);
        NdArray s = x.sub(m).exp().sum(axis, true);
        return m.add(s.log());
    }

    @Override
    protected Variable[] backward(Variable gy) {
        Variable y = output();
        return grads(gy.sub(F.exp(y).mul(gy.sum(axis, true))));
    }
}
