package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/**
 * The sigmoid's backward {@code gx = gy * y * (1 - y)} as one function of {@code (y, gy)}, fused
 * ({@link NdArray#logisticSlopeTimes}) because the three array operations allocated two temporaries
 * the size of the layer on every step. Its gradient: {@code g_y = ggx * gy * (1 - 2y)}, {@code g_gy = ggx * y * (1 - y)}.
 */
final class SigmoidGrad extends Function {
    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].logisticSlopeTimes(xs[1]);
    }

    @Override
    protected Variable[] backward(Variable ggx) {
        Variable y = input(0);
        Variable gy = input(1);
        Variable gY = needsGrad(0) ? ggx.mul(gy).mul(y.mul(-2.0).add(1.0)) : null;
        Variable gGy = needsGrad(1) ? new SigmoidGrad().apply(y, ggx) : null;
        return grads(gY, gGy);
    }
}
