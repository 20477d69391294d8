package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.Conv;
import dezero.ndarray.ConvWindow;
import dezero.ndarray.NdArray;

/**
 * The weight gradient of a convolution as a function of {@code (x, gy)}:
 * {@code gW[o, c, i, j] = sum over n, p, q of gy[n, o, p, q] * xpad[n, c, p*SH + i, q*SW + j]},
 * (OC, C, KH, KW). It is bilinear, so its gradient for an upstream {@code ggW} is
 * {@code gx = deconv2d(gy, ggW)} (to x's size) and {@code ggy = conv2d(x, ggW)}. (DeZero's
 * backward passes its own output where {@code ggW} belongs, and fails.)
 */
public final class Conv2dGradW extends Function {
    private final ConvWindow window;

    public Conv2dGradW(ConvWindow window) {
        this.window = window;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return Conv.conv2dGradW(xs[0], xs[1], window);
    }

    @Override
    protected Variable[] backward(Variable ggw) {
        Variable x = input(0);
        Variable gy = input(1);
        int[] xs = x.shape();
        int[] stride = {window.sh, window.sw};
        int[] pad = {window.ph, window.pw};
        Variable gx = needsGrad(0) ? new Deconv2d(stride, pad, new int[] {xs[2], xs[3]}).apply(gy, ggw) : null;
        Variable ggy = needsGrad(1) ? new Conv2d(stride, pad).apply(x, ggw) : null;
        return grads(gx, ggy);
    }
}
