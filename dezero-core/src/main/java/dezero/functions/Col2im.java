package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.Conv;
import dezero.ndarray.ConvWindow;
import dezero.ndarray.NdArray;

/**
 * The adjoint of {@link Im2col}: sums patches (laid out as im2col gives them for an image of
 * {@code imageShape}) back onto that (N, C, H, W) image; overlapping patches add up. The gradient is
 * {@link Im2col} of the output gradient.
 *
 * <pre>{@code
 * jshell> F.col2im(F.im2col(x, 2, 1, 0, true), x.shape(), 2, 1, 0, true)   // each pixel times its window count
 * }</pre>
 */
public final class Col2im extends Function {
    private final int[] imageShape;
    private final ConvWindow window;
    private final boolean toMatrix;

    public Col2im(int[] imageShape, ConvWindow window, boolean toMatrix) {
        this.imageShape = imageShape.clone();
        this.window = window;
        this.toMatrix = toMatrix;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return Conv.col2im(xs[0], imageShape, window, toMatrix);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(new Im2col(window, toMatrix).apply(gy));
    }
}
