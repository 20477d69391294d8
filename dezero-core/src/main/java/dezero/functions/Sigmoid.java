package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/**
 * The logistic function, fused for speed and stability: {@code y = tanh(x/2)/2 + 1/2},
 * {@code gx = gy * y * (1 - y)}.
 */
public final class Sigmoid extends Function {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public Sigmoid() {
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].sigmoid();
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(new SigmoidGrad().apply(output(), gy));
    }
}
