package dezero.transforms;

import dezero.ndarray.Index;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;

import java.util.Objects;

/**
 * Mirrors an image array of shape (C, H, W) or (H, W) left to right with probability {@code p}
 * (0.5 by default), drawing one {@code random_sample} per image from an {@link NdRandom}, the
 * global one unless given. The reference declares this transform but leaves it empty.
 *
 * <pre>{@code
 * jshell> new RandomHorizontalFlip(1.0).apply(NdArray.arange(3).reshape(1, 3))
 * $1 ==> [[2 1 0]]
 * }</pre>
 */
public final class RandomHorizontalFlip implements Transform {
    private final double p;
    private final NdRandom random;

    public RandomHorizontalFlip() {
        this(0.5);
    }

    public RandomHorizontalFlip(double p) {
        this(p, NdRandom.global());
    }

    public RandomHorizontalFlip(double p, NdRandom random) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("RandomHorizontalFlip: probability must be in [0, 1], got " + p);
        }
        this.p = p;
        this.random = Objects.requireNonNull(random, "RandomHorizontalFlip: random generator is null");
    }

    @Override
    public NdArray apply(NdArray x) {
        ImageShapes.requireImage(x, "RandomHorizontalFlip");
        if (random.nextDouble() >= p) {
            return x;
        }
        return x.getItem(Index.ellipsis(), Index.slice(null, null, -1));
    }

    @Override
    public String toString() {
        return "RandomHorizontalFlip(" + p + ")";
    }
}
