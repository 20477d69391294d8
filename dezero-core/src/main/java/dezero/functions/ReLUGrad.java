package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

import java.util.Arrays;

/**
 * ReLU's backward as one function of the upstream gradient: {@code gx = gy where x > 0, else 0},
 * for the fixed ReLU input x (the masked entries are +0). Fused because {@code gy * (x > 0)}
 * converted a bool mask to floats and allocated it on every step (about a fifth of a CNN step);
 * it is linear in gy, so its own gradient is the same masking of the upstream one.
 */
final class ReLUGrad extends Function {
    private final NdArray x;

    ReLUGrad(NdArray x) {
        this.x = x;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        NdArray gy = xs[0];
        if (!Arrays.equals(gy.shape(), x.shape()) || gy.dtype() != x.dtype()) {
            return gy.mul(x.gt(0.0));
        }
        int n = x.size();
        if (x.dtype() == DType.FLOAT32) {
            float[] xd = x.floatData();
            float[] g = gy.floatData();
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = Float.intBitsToFloat(Float.floatToRawIntBits(g[i]) & positiveMask(Float.floatToRawIntBits(xd[i])));
            }
            return NdArray.wrap(out, x.shape());
        }
        if (x.dtype() == DType.FLOAT64) {
            double[] xd = x.doubleData();
            double[] g = gy.doubleData();
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(g[i])
                        & positiveMask(Double.doubleToRawLongBits(xd[i])));
            }
            return NdArray.wrap(out, x.shape());
        }
        return gy.mul(x.gt(0.0));
    }

    /**
     * All ones when the float with these bits is {@code > 0} (bits in [1, +inf], as signed ints),
     * else 0: computed without a branch, because {@code x > 0 ? g : 0} on the random signs of a
     * layer's pre-activations mispredicts about every other element (ten times slower).
     */
    static int positiveMask(int bits) {
        int b = bits - 1;
        return ((b - 0x7f800000) & ~b) >> 31;
    }

    /** {@link #positiveMask(int)} for the bits of a double. */
    static long positiveMask(long bits) {
        long b = bits - 1;
        return ((b - 0x7ff0000000000000L) & ~b) >> 63;
    }

    @Override
    protected Variable[] backward(Variable ggx) {
        return grads(new ReLUGrad(x).apply(ggx));
    }
}
