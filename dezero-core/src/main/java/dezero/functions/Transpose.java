package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

/** Permutes axes ({@code null} reverses them); the gradient is permuted by the inverse permutation. */
public final class Transpose extends Function {
    private final int[] axes;

    /** @param axes a permutation of the input's axes (negative allowed), or {@code null} to reverse them */
    public Transpose(int[] axes) {
        this.axes = axes == null ? null : axes.clone();
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return axes == null ? xs[0].transpose() : xs[0].transpose(axes);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        if (axes == null) {
            return grads(F.transpose(gy));
        }
        int[] shape = input(0).shape();
        int[] inverse = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            inverse[Shapes.normalizeAxis(axes[i], shape, "transpose")] = i;
        }
        return grads(F.transpose(gy, inverse));
    }
}
