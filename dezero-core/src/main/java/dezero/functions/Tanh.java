package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** {@code y = tanh x}: {@code gx = gy * (1 - y^2)}. */
public final class Tanh extends Function {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public Tanh() {
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].tanh();
    }

    @Override
    protected Variable[] backward(Variable gy) {
        Variable y = output();
        return grads(gy.mul(y.mul(y).rsub(1.0)));
    }
}
