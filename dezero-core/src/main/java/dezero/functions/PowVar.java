package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/**
 * {@code y = x0 ** x1} element-wise with broadcasting, both operands differentiable:
 * {@code gx0 = x1 * x0^(x1-1) * gy}, {@code gx1 = y * log(x0) * gy}.
 */
public final class PowVar extends Function {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public PowVar() {
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].pow(xs[1]);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        Variable x0 = input(0);
        Variable x1 = input(1);
        Variable gx0 = needsGrad(0) ? F.sumTo(x1.mul(F.pow(x0, x1.sub(1.0))).mul(gy), x0.shape()) : null;
        Variable gx1 = needsGrad(1) ? F.sumTo(F.pow(x0, x1).mul(F.log(x0)).mul(gy), x1.shape()) : null;
        return grads(gx0, gx1);
    }
}
