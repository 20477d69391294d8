package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.Conv;
import dezero.ndarray.ConvWindow;
import dezero.ndarray.NdArray;

/**
 * Average pooling of x (N, C, H, W): each window's sum divided by KH*KW (zero padding included, as
 * DeZero). The gradient spreads gy/(KH*KW) over each window ({@link AveragePoolingGrad}), for any
 * kernel shape (DeZero's backward fails on non-square kernels).
 *
 * <pre>{@code
 * jshell> F.averagePooling(x, new int[] {2, 3}, new int[] {2, 3}, new int[] {0, 0}).shape()   // x (1, 1, 4, 6)
 * $1 ==> int[4] { 1, 1, 2, 2 }
 * }</pre>
 */
public final class AveragePooling extends Function {
    private final ConvWindow window;

    public AveragePooling(ConvWindow window) {
        this.window = window;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return Conv.averagePool(xs[0], window);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(new AveragePoolingGrad(input(0).shape(), window).apply(gy));
    }
}
