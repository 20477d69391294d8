package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** Gives the data a new shape (one dimension may be -1); the gradient is reshaped back. */
public final class Reshape extends Function {
    private final int[] shape;

    public Reshape(int... shape) {
        this.shape = shape.clone();
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].reshape(shape);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(F.reshape(gy, input(0).shape()));
    }
}
