package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** {@code y = ln x}: {@code gx = gy / x}. */
public final class Log extends Function {
    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].log();
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(gy.div(input(0)));
    }
}
