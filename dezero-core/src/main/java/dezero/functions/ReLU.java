package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** {@code y = max(x, 0)}; the gradient passes where {@code x > 0} (0 at 0, as DeZero). */
public final class ReLU extends Function {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public ReLU() {
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].maximum(0.0);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(new ReLUGrad(input(0).data()).apply(gy));
    }
}
