package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/**
 * {@code sum((x0 - x1)^2) / len(x0 - x1)}: like DeZero, divided by the first-axis length, not the
 * element count. Gradients are summed back to each input's shape (DeZero returns the broadcast
 * shape when the inputs differ).
 */
public final class MeanSquaredError extends Function {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public MeanSquaredError() {
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        InputChecks.requireBroadcastable("meanSquaredError", xs[0], xs[1]);
        NdArray diff = xs[0].sub(xs[1]);
        return diff.square().sum().div((double) firstAxis(diff));
    }

    private static int firstAxis(NdArray a) {
        if (a.ndim() == 0) {
            throw new IllegalArgumentException("meanSquaredError: inputs are 0-d; len() of unsized object");
        }
        return a.shape(0);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        Variable x0 = input(0);
        Variable x1 = input(1);
        Variable diff = x0.sub(x1);
        Variable gx0 = gy.mul(diff).mul(2.0 / diff.len());
        return grads(needsGrad(0) ? F.sumTo(gx0, x0.shape()) : null,
                needsGrad(1) ? F.sumTo(gx0.neg(), x1.shape()) : null);
    }
}
