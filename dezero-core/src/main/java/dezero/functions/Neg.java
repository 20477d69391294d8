package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** {@code y = -x}. */
public final class Neg extends Function {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public Neg() {
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].neg();
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(gy.neg());
    }
}
