package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** {@code y = x0 + x1} with broadcasting; each gradient is {@code gy} summed back to its input's shape. */
public final class Add extends Function {
    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].add(xs[1]);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(needsGrad(0) ? F.sumTo(gy, input(0).shape()) : null,
                needsGrad(1) ? F.sumTo(gy, input(1).shape()) : null);
    }
}
