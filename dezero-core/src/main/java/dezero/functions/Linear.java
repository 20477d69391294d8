package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/**
 * {@code y = x @ W + b}, fused so the intermediate {@code x @ W} is not kept for backward.
 * Inputs are {@code (x, W)} or {@code (x, W, b)}.
 */
public final class Linear extends Function {
    @Override
    protected NdArray forward(NdArray... xs) {
        NdArray y = xs[0].matmul(xs[1]);
        return xs.length > 2 ? y.add(xs[2]) : y;
    }

    @Override
    protected Variable[] backward(Variable gy) {
        Variable x = input(0);
        Variable w = input(1);
        Variable gx = needsGrad(0) ? F.matmul(gy, w.T()) : null;
        Variable gw = needsGrad(1) ? F.matmul(x.T(), gy) : null;
        if (inputCount() == 2) {
            return grads(gx, gw);
        }
        Variable gb = needsGrad(2) ? F.sumTo(gy, input(2).shape()) : null;
        return grads(gx, gw, gb);
    }
}
