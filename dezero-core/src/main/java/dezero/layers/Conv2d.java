package dezero.layers;

import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.DType;
import dezero.ndarray.NdRandom;

/**
 * A 2-d convolution layer over {@code (N, C, H, W)} images (see {@link F#conv2d}), with
 * {@code W} of shape {@code (OC, C, KH, KW)} and a bias {@code b} of shape {@code (OC,)}.
 * When the input channels are not given, {@code W} is drawn at the first call from the input's
 * {@code shape[1]}. The initialisation is DeZero's: {@code W = randn(OC, C, KH, KW) * sqrt(1 / (C*KH*KW))}
 * from {@link NdRandom#global()} (so {@code NdRandom.seedGlobal(0)} gives {@code np.random.seed(0)}'s
 * values), {@code b = 0}. Kernel size, stride and padding are an int (both axes) or an (h, w) pair.
 *
 * <p>W and b have the layer's dtype (float32 by default); as for {@link Linear}, the scale is a weak
 * Java number, so W stays float32 where DeZero under NumPy 2 makes it float64.
 *
 * <pre>{@code
 * jshell> var conv = new Conv2d(8, 3, 1, 1);                  // 8 filters 3x3, stride 1, pad 1
 * jshell> conv.apply(NdArray.ones(DType.FLOAT32, 2, 3, 28, 28)).shape()
 * $2 ==> int[4] { 2, 8, 28, 28 }
 * jshell> conv.weight().shape()                               // C = 3 taken from the input
 * $3 ==> int[4] { 8, 3, 3, 3 }
 * }</pre>
 */
public class Conv2d extends ConvLayer {

    /** Stride 1, no padding, with a bias, float32, input channels from the first call. */
    public Conv2d(int outChannels, int kernelSize) {
        this(outChannels, kernelSize, 1, 0);
    }

    /** With a bias, float32, input channels from the first call. */
    public Conv2d(int outChannels, int kernelSize, int stride, int pad) {
        this(outChannels, kernelSize, stride, pad, false);
    }

    /** Float32, input channels from the first call. */
    public Conv2d(int outChannels, int kernelSize, int stride, int pad, boolean nobias) {
        this(outChannels, kernelSize, stride, pad, nobias, DType.FLOAT32, null);
    }

    /** Every option of DeZero's {@code L.Conv2d}, with int sizes (both axes). */
    public Conv2d(int outChannels, int kernelSize, int stride, int pad, boolean nobias, DType dtype,
            Integer inChannels) {
        this(outChannels, pair(kernelSize), pair(stride), pair(pad), nobias, dtype, inChannels);
    }

    /**
     * @param outChannels output channels OC
     * @param kernelSize  (KH, KW)
     * @param stride      (SH, SW)
     * @param pad         (PH, PW)
     * @param nobias      no bias parameter when true
     * @param dtype       dtype of W and b (float32 or float64)
     * @param inChannels  input channels C, or {@code null} to take them from the first input
     */
    public Conv2d(int outChannels, int[] kernelSize, int[] stride, int[] pad, boolean nobias, DType dtype,
            Integer inChannels) {
        super("Conv2d", outChannels, kernelSize, stride, pad, nobias, dtype, inChannels);
    }

    @Override
    int[] weightShape(int inChannels) {
        int[] k = kernelSize();
        return new int[] {outChannels(), inChannels, k[0], k[1]};
    }

    @Override
    int inChannelAxis() {
        return 1;
    }

    @Override
    Variable compute(Variable x, Parameter w, Parameter b) {
        return F.conv2d(x, w, b, stride(), pad());
    }
}
