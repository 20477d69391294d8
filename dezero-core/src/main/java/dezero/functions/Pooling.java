package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.Conv;
import dezero.ndarray.ConvWindow;
import dezero.ndarray.NdArray;

/**
 * Max pooling of x (N, C, H, W): the maximum of each window, where zero padding takes part (as
 * DeZero). The position of each maximum (the first, on ties) is kept, and the gradient goes to it
 * alone ({@link PoolingGrad}).
 *
 * <pre>{@code
 * jshell> F.pooling(x, 2, 2, 0).shape()          // x (1, 1, 4, 4)
 * $1 ==> int[4] { 1, 1, 2, 2 }
 * }</pre>
 */
public final class Pooling extends Function {
    private final ConvWindow window;
    private NdArray argmax;

    public Pooling(ConvWindow window) {
        this.window = window;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        Conv.MaxPooled r = Conv.maxPool(xs[0], window);
        argmax = r.argmax;
        return r.output;
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(new PoolingGrad(argmax, input(0).shape(), window).apply(gy));
    }
}
