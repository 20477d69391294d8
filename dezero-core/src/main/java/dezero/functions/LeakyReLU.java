package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/** {@code y = x} where {@code x > 0}, else {@code slope * x}; the gradient at 0 is {@code slope}, as DeZero. */
public final class LeakyReLU extends Function {
    private final double slope;

    public LeakyReLU(double slope) {
        this.slope = slope;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        NdArray x = xs[0];
        return NdArray.where(x.gt(0.0), x, x.mul(slope));
    }

    @Override
    protected Variable[] backward(Variable gy) {
        NdArray x = input(0).data();
        NdArray one = gy.data().scalarLike(1.0);
        NdArray mask = NdArray.where(x.gt(0.0), one, gy.data().scalarLike(slope));
        return grads(gy.mul(mask));
    }
}
