package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;

/**
 * Maximum over {@code axes} ({@code null}: all). The gradient goes to every element equal to the
 * maximum (all ties, as DeZero's {@code F.max}); negative axes work (DeZero's backward fails there).
 */
public final class Max extends Function {
    private final int[] axes;
    private final boolean keepdims;
    private final boolean isMin;

    public Max(int[] axes, boolean keepdims) {
        this(axes, keepdims, false);
    }

    Max(int[] axes, boolean keepdims, boolean isMin) {
        this.axes = axes == null ? null : axes.clone();
        this.keepdims = keepdims;
        this.isMin = isMin;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return isMin ? xs[0].min(axes, keepdims) : xs[0].max(axes, keepdims);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        NdArray x = input(0).data();
        int[] kept = Sum.keptShape(x.shape(), axes, keepdims);
        NdArray y = output().data().reshape(kept);
        NdArray cond = x.eq(y);
        Variable g = F.broadcastTo(F.reshape(gy, kept), x.shape());
        return grads(g.mul(cond));
    }

    @Override
    public String name() {
        return isMin ? "Min" : "Max";
    }
}
