package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** {@code y = e^x}: {@code gx = gy * y}. */
public final class Exp extends Function {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public Exp() {
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].exp();
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(gy.mul(output()));
    }
}
