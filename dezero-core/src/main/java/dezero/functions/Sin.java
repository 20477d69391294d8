package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** {@code y = sin x}: {@code gx = gy * cos x}. */
public final class Sin extends Function {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public Sin() {
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].sin();
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(gy.mul(F.cos(input(0))));
    }
}
