package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** {@code y = x0 / x1} with broadcasting: {@code gx0 = gy / x1}, {@code gx1 = gy * (-x0 / x1^2)}. */
public final class Div extends Function {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public Div() {
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].div(xs[1]);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        Variable x0 = input(0);
        Variable x1 = input(1);
        return grads(needsGrad(0) ? F.sumTo(gy.div(x1), x0.shape()) : null,
                needsGrad(1) ? F.sumTo(gy.mul(x0.neg().div(x1.pow(2.0))), x1.shape()) : null);
    }
}
