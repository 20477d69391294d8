package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** {@code y = ln x}: {@code gx = gy / x}. */
public final class Log extends Function {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public Log() {
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].log();
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(gy.div(input(0)));
    }
}
