package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

/**
 * {@code y = x @ W + b}, fused so the intermediate {@code x @ W} is not kept for backward.
 * Inputs are {@code (x, W)} or {@code (x, W, b)}; x may have batch axes ({@code np.matmul} rules,
 * whose gradients are summed back over broadcast axes, where DeZero's backward assumes 2-D x).
 */
public final class Linear extends Function {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public Linear() {
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        NdArray y = xs[0].matmul(xs[1]);
        if (xs.length == 2) {
            return y;
        }
        // b must not enlarge the product, so that gy has the product's shape in backward.
        if (!Shapes.broadcastsTo(xs[2].shape(), y.shape())) {
            throw new IllegalArgumentException("linear: bias of shape " + Shapes.str(xs[2].shape())
                    + " does not broadcast to x @ W of shape " + Shapes.str(y.shape()) + " (x "
                    + Shapes.str(xs[0].shape()) + ", W " + Shapes.str(xs[1].shape()) + ")");
        }
        // the product is a new array of this function's: the bias goes into it unless it changes the dtype
        return y.dtype() == DType.promote(y.dtype(), xs[2].dtype()) ? y.addi(xs[2]) : y.add(xs[2]);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        DType t = MatMul.weightGradInPlace(input(0), input(1), gy, needsGrad(1));
        Variable[] g = MatMul.productGrads(input(0), input(1), gy, needsGrad(0), needsGrad(1),
                t == null ? null : gradBuffer(1, t));
        if (inputCount() == 2) {
            return g;
        }
        Variable gb = needsGrad(2) ? F.sumTo(gy, input(2).shape()) : null;
        return grads(g[0], g[1], gb);
    }
}
