package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.Conv;
import dezero.ndarray.ConvWindow;
import dezero.ndarray.NdArray;

/**
 * Transposed convolution ("deconvolution"): x (N, C, H, W) with W (C, OC, KH, KW) (input channels
 * first, as DeZero) and an optional bias (OC,), giving (N, OC, outH, outW), by default
 * {@code SH*(H-1) + KH - 2*PH} high, or the given output size. It is the gradient of
 * {@link Conv2d} with respect to x. Backward: {@code gx = conv2d(gy, W)},
 * {@code gW = Conv2dGradW(gy, x)}, {@code gb = sum(gy, axes 0, 2, 3)}.
 *
 * <pre>{@code
 * jshell> F.deconv2d(x, w, b, 2, 1, null).shape()   // x (1, 2, 3, 3), W (2, 3, 3, 3)
 * $1 ==> int[4] { 1, 3, 5, 5 }
 * }</pre>
 */
public final class Deconv2d extends Function {
    private final int[] stride;
    private final int[] pad;
    private final int[] outSize;

    /** {@code stride} and {@code pad} are (h, w) pairs; {@code outSize} is (outH, outW) or null for the default. */
    public Deconv2d(int[] stride, int[] pad, int[] outSize) {
        this.stride = ConvWindow.pair("deconv2d", "stride", stride);
        this.pad = ConvWindow.pair("deconv2d", "pad", pad);
        this.outSize = outSize == null ? null : ConvWindow.pair("deconv2d", "outsize", outSize);
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return Conv.deconv2d(xs[0], xs[1], xs.length > 2 ? xs[2] : null, stride[0], stride[1], pad[0], pad[1],
                outSize);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        Variable x = input(0);
        Variable w = input(1);
        int[] ws = w.shape();
        Variable gx = needsGrad(0) ? new Conv2d(stride, pad).apply(gy, w) : null;
        Variable gw = needsGrad(1)
                ? new Conv2dGradW(ConvWindow.of("deconv2d", ws[2], ws[3], stride[0], stride[1], pad[0], pad[1]))
                        .apply(gy, x)
                : null;
        if (inputCount() == 2) {
            return grads(gx, gw);
        }
        return grads(gx, gw, needsGrad(2) ? F.sum(gy, new int[] {0, 2, 3}, false) : null);
    }
}
