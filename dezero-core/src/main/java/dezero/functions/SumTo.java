package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** Sums a broadcast array back to {@code shape}; the gradient is broadcast to the input shape. */
public final class SumTo extends Function {
    private final int[] shape;

    public SumTo(int... shape) {
        this.shape = shape.clone();
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].sumTo(shape);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(F.broadcastTo(gy, input(0).shape()));
    }
}
