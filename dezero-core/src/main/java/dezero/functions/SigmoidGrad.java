package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

import java.util.Arrays;

/**
 * The sigmoid's backward {@code gx = gy * y * (1 - y)} as one function of {@code (y, gy)}, fused
 * because the three array operations allocated two temporaries the size of the layer on every
 * step. Its gradient: {@code g_y = ggx * gy * (1 - 2y)}, {@code g_gy = ggx * y * (1 - y)}.
 */
final class SigmoidGrad extends Function {
    @Override
    protected NdArray forward(NdArray... xs) {
        NdArray y = xs[0];
        NdArray gy = xs[1];
        if (!Arrays.equals(y.shape(), gy.shape()) || y.dtype() != gy.dtype()) {
            return gy.mul(y).mul(y.rsub(1.0));
        }
        int n = y.size();
        if (y.dtype() == DType.FLOAT32) {
            float[] yd = y.floatData();
            float[] g = gy.floatData();
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = g[i] * yd[i] * (1f - yd[i]);
            }
            return NdArray.wrap(out, y.shape());
        }
        if (y.dtype() == DType.FLOAT64) {
            double[] yd = y.doubleData();
            double[] g = gy.doubleData();
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = g[i] * yd[i] * (1.0 - yd[i]);
            }
            return NdArray.wrap(out, y.shape());
        }
        return gy.mul(y).mul(y.rsub(1.0));
    }

    @Override
    protected Variable[] backward(Variable ggx) {
        Variable y = input(0);
        Variable gy = input(1);
        Variable gY = needsGrad(0) ? ggx.mul(gy).mul(y.mul(-2.0).add(1.0)) : null;
        Variable gGy = needsGrad(1) ? new SigmoidGrad().apply(y, ggx) : null;
        return grads(gY, gGy);
    }
}
