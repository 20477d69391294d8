package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** Clamps to {@code [min, max]}; the gradient passes where {@code min <= x <= max} (inclusive, as DeZero). */
public final class Clip extends Function {
    private final double min;
    private final double max;

    public Clip(double min, double max) {
        if (min > max) {
            throw new IllegalArgumentException("clip: min " + min + " is greater than max " + max);
        }
        this.min = min;
        this.max = max;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].clip(min, max);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        NdArray x = input(0).data();
        NdArray mask = NdArray.where(x.ge(min), x.le(max), NdArray.wrap(new boolean[] {false}));
        return grads(gy.mul(mask));
    }
}
