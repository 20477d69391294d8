package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/**
 * ReLU's backward as one function of the upstream gradient: {@code gx = gy where x > 0, else 0},
 * for the fixed ReLU input x (the masked entries are +0; the loop is
 * {@link NdArray#maskedByPositive}). Fused because {@code gy * (x > 0)} converted a bool mask to
 * floats and allocated it on every step (about a fifth of a CNN step); it is linear in gy, so its
 * own gradient is the same masking of the upstream one.
 */
final class ReLUGrad extends Function {
    private final NdArray x;

    ReLUGrad(NdArray x) {
        this.x = x;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].maskedByPositive(x);
    }

    @Override
    protected Variable[] backward(Variable ggx) {
        return grads(new ReLUGrad(x).apply(ggx));
    }
}
