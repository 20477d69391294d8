package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.Conv;
import dezero.ndarray.ConvWindow;
import dezero.ndarray.NdArray;

/**
 * The gradient of {@link Pooling} as a function of gy: each value goes to its window's argmax
 * pixel. It is linear; its gradient is {@link PoolingWithIndexes} (its adjoint) of the upstream
 * gradient, so max pooling has derivatives of every order.
 */
final class PoolingGrad extends Function {
    private final NdArray argmax;
    private final int[] inputShape;
    private final ConvWindow window;

    PoolingGrad(NdArray argmax, int[] inputShape, ConvWindow window) {
        this.argmax = argmax;
        this.inputShape = inputShape.clone();
        this.window = window;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return Conv.maxPoolGrad(xs[0], argmax, inputShape, window);
    }

    @Override
    protected Variable[] backward(Variable ggx) {
        return grads(new PoolingWithIndexes(argmax, inputShape, window).apply(ggx));
    }
}
