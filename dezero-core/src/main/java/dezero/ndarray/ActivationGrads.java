package dezero.ndarray;

import java.util.Arrays;

/**
 * The element loops of two activations' backward passes, fused so that a training step does
 * not allocate temporaries the size of a layer (see {@link NdArray#maskedByPositive} and
 * {@link NdArray#sigmoidBackward}). Operands of other shapes or dtypes take the array operations
 * they stand for, with their broadcasting and casting rules.
 */
final class ActivationGrads {
    private ActivationGrads() {
    }

    /** g where x > 0, else +0 (branch-free: see {@link #positiveMask(int)}). */
    static NdArray maskedByPositive(NdArray g, NdArray x) {
        if (!Arrays.equals(g.shape, x.shape) || g.dtype != x.dtype || !x.dtype.isFloating()) {
            return g.mul(x.gt(0.0));
        }
        int n = x.size;
        if (x.dtype == DType.FLOAT32) {
            float[] xd = x.data.floats();
            float[] gd = g.data.floats();
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = Float.intBitsToFloat(Float.floatToRawIntBits(gd[i]) & positiveMask(Float.floatToRawIntBits(xd[i])));
            }
            return new NdArray(DType.FLOAT32, x.shape.clone(), out);
        }
        double[] xd = x.data.doubles();
        double[] gd = g.data.doubles();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(gd[i]) & positiveMask(Double.doubleToRawLongBits(xd[i])));
        }
        return new NdArray(DType.FLOAT64, x.shape.clone(), out);
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

    /** gy * y * (1 - y), rounded after each operation as the array operations are. */
    static NdArray sigmoidBackward(NdArray y, NdArray gy) {
        if (!Arrays.equals(y.shape, gy.shape) || y.dtype != gy.dtype || !y.dtype.isFloating()) {
            return gy.mul(y).mul(y.rsub(1.0));
        }
        int n = y.size;
        if (y.dtype == DType.FLOAT32) {
            float[] yd = y.data.floats();
            float[] g = gy.data.floats();
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = g[i] * yd[i] * (1f - yd[i]);
            }
            return new NdArray(DType.FLOAT32, y.shape.clone(), out);
        }
        double[] yd = y.data.doubles();
        double[] g = gy.data.doubles();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = g[i] * yd[i] * (1.0 - yd[i]);
        }
        return new NdArray(DType.FLOAT64, y.shape.clone(), out);
    }
}
