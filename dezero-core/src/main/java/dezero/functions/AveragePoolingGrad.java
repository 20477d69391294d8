package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.Conv;
import dezero.ndarray.ConvWindow;
import dezero.ndarray.NdArray;

/**
 * The gradient of {@link AveragePooling} as a function of gy: gy/(KH*KW) added to every pixel of
 * each window. Linear; its adjoint, and so its gradient, is average pooling itself.
 */
final class AveragePoolingGrad extends Function {
    private final int[] inputShape;
    private final ConvWindow window;

    AveragePoolingGrad(int[] inputShape, ConvWindow window) {
        this.inputShape = inputShape.clone();
        this.window = window;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return Conv.averagePoolGrad(xs[0], inputShape, window);
    }

    @Override
    protected Variable[] backward(Variable ggx) {
        return grads(new AveragePooling(window).apply(ggx));
    }
}
