package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.ndarray.Shapes;

/**
 * Inverted dropout in training mode: {@code y = x * mask / (1 - ratio)} with
 * {@code mask = rand(x.shape) > ratio}, drawn from an {@link NdRandom} exactly as DeZero draws it
 * from {@code np.random.rand}; {@code gx = gy * mask / (1 - ratio)}. {@link F#dropout} decides
 * whether to apply it (only in train mode); this class always drops.
 *
 * <pre>{@code
 * jshell> new Dropout(0.5, new NdRandom(0)).apply(new Variable(NdArray.ones(4)))   // RandomState(0).rand(4) > 0.5
 * $1 ==> variable([2. 2. 2. 2.])
 * }</pre>
 */
public final class Dropout extends Function {
    private final double ratio;
    private final NdRandom rng;
    private NdArray mask;
    private NdArray scale;

    /**
     * @param ratio the probability of dropping an element, in [0, 1)
     * @param rng   the generator of the mask ({@link NdRandom#global()} in DeZero's usage)
     */
    public Dropout(double ratio, NdRandom rng) {
        if (!(ratio >= 0.0 && ratio < 1.0)) {
            throw new IllegalArgumentException("dropout: ratio must be in [0, 1), got " + ratio);
        }
        if (rng == null) {
            throw new IllegalArgumentException("dropout: the random generator is null");
        }
        this.ratio = ratio;
        this.rng = rng;
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        NdArray x = xs[0];
        if (!x.dtype().isFloating()) {
            throw new IllegalArgumentException("dropout: x must be float32 or float64, got " + x.dtype() + " of shape "
                    + Shapes.str(x.shape()));
        }
        mask = rng.rand(x.shape()).gt(ratio);
        // The scale has x's dtype, as in DeZero (xp.array(1 - ratio).astype(x.dtype)).
        scale = NdArray.scalar(1.0 - ratio, x.dtype());
        return x.mul(mask).div(scale);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(gy.mul(mask).div(scale));
    }
}
