package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.Conv;
import dezero.ndarray.ConvWindow;
import dezero.ndarray.NdArray;

/**
 * Extracts the patches of an (N, C, H, W) image under a sliding window: (N, C, KH, KW, OH, OW), or
 * with {@code toMatrix} (N*OH*OW, C*KH*KW). The gradient is {@link Col2im} of the output gradient
 * (col2im is im2col's adjoint), so it can be differentiated again.
 *
 * <pre>{@code
 * jshell> F.im2col(x, 3, 1, 1, true).shape()    // x: (2, 3, 5, 5)
 * $1 ==> int[2] { 50, 27 }
 * }</pre>
 */
public final class Im2col extends Function {
    private final ConvWindow window;
    private final boolean toMatrix;

    public Im2col(ConvWindow window, boolean toMatrix) {
        this.window = window;
        this.toMatrix = toMatrix;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return Conv.im2col(xs[0], window, toMatrix);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(new Col2im(input(0).shape(), window, toMatrix).apply(gy));
    }
}
