package dezero.layers;

import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.DType;
import dezero.ndarray.NdRandom;

/**
 * A 2-d transposed convolution ("deconvolution") layer over {@code (N, C, H, W)} images (see
 * {@link F#deconv2d}): the output is {@code (N, OC, SH*(H-1) + KH - 2*PH, SW*(W-1) + KW - 2*PW)}.
 * As in DeZero, {@code W} has the input channels first, {@code (C, OC, KH, KW)}, and a bias
 * {@code b} of shape {@code (OC,)}. When the input channels are not given, W is drawn at the first
 * call: {@code W = randn(C, OC, KH, KW) * sqrt(1 / (C*KH*KW))} from {@link NdRandom#global()},
 * {@code b = 0}. Kernel size, stride and padding are an int (both axes) or an (h, w) pair.
 *
 * <pre>{@code
 * jshell> var up = new Deconv2d(16, 4, 2, 1);                 // doubles H and W
 * jshell> up.apply(NdArray.ones(DType.FLOAT32, 1, 32, 7, 7)).shape()
 * $2 ==> int[4] { 1, 16, 14, 14 }
 * jshell> up.weight().shape()
 * $3 ==> int[4] { 32, 16, 4, 4 }
 * }</pre>
 */
public class Deconv2d extends ConvLayer {

    /** Stride 1, no padding, with a bias, float32, input channels from the first call. */
    public Deconv2d(int outChannels, int kernelSize) {
        this(outChannels, kernelSize, 1, 0);
    }

    /** With a bias, float32, input channels from the first call. */
    public Deconv2d(int outChannels, int kernelSize, int stride, int pad) {
        this(outChannels, kernelSize, stride, pad, false);
    }

    /** Float32, input channels from the first call. */
    public Deconv2d(int outChannels, int kernelSize, int stride, int pad, boolean nobias) {
        this(outChannels, kernelSize, stride, pad, nobias, DType.FLOAT32, null);
    }

    /** Every option of DeZero's {@code L.Deconv2d}, with int sizes (both axes). */
    public Deconv2d(int outChannels, int kernelSize, int stride, int pad, boolean nobias, DType dtype,
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
    public Deconv2d(int outChannels, int[] kernelSize, int[] stride, int[] pad, boolean nobias, DType dtype,
            Integer inChannels) {
        super("Deconv2d", outChannels, kernelSize, stride, pad, nobias, dtype, inChannels);
    }

    @Override
    int[] weightShape(int inChannels) {
        int[] k = kernelSize();
        return new int[] {inChannels, outChannels(), k[0], k[1]};
    }

    @Override
    int inChannelAxis() {
        return 0;
    }

    @Override
    Variable compute(Variable x, Parameter w, Parameter b) {
        return F.deconv2d(x, w, b, stride(), pad(), null);
    }
}
