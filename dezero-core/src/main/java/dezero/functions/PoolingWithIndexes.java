package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.Conv;
import dezero.ndarray.ConvWindow;
import dezero.ndarray.NdArray;

/**
 * Max pooling with the argmax held fixed (from an earlier {@link Pooling}): picks, in each window
 * of x, the pixel the argmax names. Linear; its gradient is {@link PoolingGrad}. (DeZero's version
 * has no backward.)
 */
final class PoolingWithIndexes extends Function {
    private final NdArray argmax;
    private final int[] inputShape;
    private final ConvWindow window;

    PoolingWithIndexes(NdArray argmax, int[] inputShape, ConvWindow window) {
        this.argmax = argmax;
        this.inputShape = inputShape.clone();
        this.window = window;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return Conv.maxPoolGather(xs[0], argmax, window);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(new PoolingGrad(argmax, inputShape, window).apply(gy));
    }
}
