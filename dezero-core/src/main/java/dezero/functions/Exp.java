package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** {@code y = e^x}: {@code gx = gy * y}. */
public final class Exp extends Function {
    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].exp();
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(gy.mul(output()));
    }
}
