package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** {@code y = x0 - x1} with broadcasting. */
public final class Sub extends Function {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public Sub() {
    }

    /** The input shapes, kept so backward works after an input's data is freed (linearSimple does that). */
    private int[] x0Shape;
    private int[] x1Shape;

    @Override
    protected NdArray forward(NdArray... xs) {
        x0Shape = xs[0].shape();
        x1Shape = xs[1].shape();
        return xs[0].sub(xs[1]);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(needsGrad(0) ? F.sumTo(gy, x0Shape) : null,
                needsGrad(1) ? F.sumTo(gy.neg(), x1Shape) : null);
    }
}
