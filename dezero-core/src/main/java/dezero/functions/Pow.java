package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

/** {@code y = x ** c} for a constant exponent {@code c}: {@code gx = c * x^(c-1) * gy}. */
public final class Pow extends Function {
    private final double c;

    public Pow(double c) {
        this.c = c;
    }

    public double exponent() {
        return c;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        NdArray x = xs[0];
        // An integral exponent keeps an int64 array int64, as Python's int exponent does in NumPy.
        if (x.dtype() == DType.INT64 && c == Math.rint(c) && c >= 0) {
            return x.pow((long) c);
        }
        return x.pow(c);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(input(0).pow(c - 1).mul(c).mul(gy));
    }
}
