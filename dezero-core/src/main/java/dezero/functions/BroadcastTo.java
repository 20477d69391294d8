package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** Repeats the input to {@code shape} by broadcasting; the gradient is summed back with sumTo. */
public final class BroadcastTo extends Function {
    private final int[] shape;

    public BroadcastTo(int... shape) {
        this.shape = shape.clone();
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].broadcastTo(shape);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(F.sumTo(gy, input(0).shape()));
    }
}
