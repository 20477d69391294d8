package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.Conv;
import dezero.ndarray.ConvWindow;
import dezero.ndarray.NdArray;

/**
 * 2-d convolution of x (N, C, H, W) with W (OC, C, KH, KW) and an optional bias b (OC,), giving
 * (N, OC, OH, OW) with {@code OH = (H + 2*PH - KH) / SH + 1}. Inputs are {@code (x, W)} or
 * {@code (x, W, b)}. Backward as DeZero: {@code gx = deconv2d(gy, W)} to x's size,
 * {@code gW = Conv2dGradW(x, gy)}, {@code gb = sum(gy, axes 0, 2, 3)}.
 *
 * <pre>{@code
 * jshell> F.conv2d(x, w, b, 1, 1).shape()        // x (2, 3, 5, 5), W (4, 3, 3, 3)
 * $1 ==> int[4] { 2, 4, 5, 5 }
 * }</pre>
 */
public final class Conv2d extends Function {
    private final int[] stride;
    private final int[] pad;

    /** {@code stride} and {@code pad} are (h, w) pairs. */
    public Conv2d(int[] stride, int[] pad) {
        this.stride = ConvWindow.pair("conv2d", "stride", stride);
        this.pad = ConvWindow.pair("conv2d", "pad", pad);
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return Conv.conv2d(xs[0], xs[1], xs.length > 2 ? xs[2] : null, stride[0], stride[1], pad[0], pad[1]);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        Variable x = input(0);
        Variable w = input(1);
        int[] xs = x.shape();
        int[] ws = w.shape();
        Variable gx = needsGrad(0)
                ? new Deconv2d(stride, pad, new int[] {xs[2], xs[3]}).apply(gy, w) : null;
        Variable gw = needsGrad(1)
                ? new Conv2dGradW(ConvWindow.of("conv2d", ws[2], ws[3], stride[0], stride[1], pad[0], pad[1]))
                        .apply(x, gy)
                : null;
        if (inputCount() == 2) {
            return grads(gx, gw);
        }
        return grads(gx, gw, needsGrad(2) ? F.sum(gy, new int[] {0, 2, 3}, false) : null);
    }
}
