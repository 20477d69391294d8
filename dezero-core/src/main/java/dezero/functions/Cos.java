package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** {@code y = cos x}: {@code gx = gy * -sin x}. */
public final class Cos extends Function {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public Cos() {
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].cos();
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(gy.mul(F.sin(input(0)).neg()));
    }
}
