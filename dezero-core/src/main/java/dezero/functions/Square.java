package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** {@code y = x^2}: {@code gx = 2 * x * gy}. */
public final class Square extends Function {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public Square() {
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].square();
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(input(0).mul(2.0).mul(gy));
    }
}
