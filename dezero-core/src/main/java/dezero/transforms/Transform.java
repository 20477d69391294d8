package dezero.transforms;

import dezero.ndarray.Index;
import dezero.ndarray.NdArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A function applied to each example of a {@link dezero.datasets.Dataset} (DeZero's
 * {@code transform} and {@code target_transform} callables).
 *
 * <p>A lambda is a transform. Data loaders hand whole batches to {@link #applyBatch}, whose
 * default applies {@link #apply} to every example and stacks the results; the built-in
 * transforms override it with one vectorised operation that gives the same result.
 *
 * <pre>{@code
 * jshell> Transform t = new Compose(new Flatten(), new ToFloat(), new Normalize(0.0, 255.0));
 * jshell> t.apply(NdArray.full(51, DType.INT64, 1, 2, 2))
 * $2 ==> [0.2 0.2 0.2 0.2]
 * jshell> Transform twice = x -> x.mul(2.0);      // any lambda
 * }</pre>
 */
@FunctionalInterface
public interface Transform {
    /** Transforms one example. */
    NdArray apply(NdArray x);

    /**
     * Transforms a batch: examples stacked along a new first axis. The result must equal applying
     * {@link #apply} to each example and stacking; this default does exactly that.
     */
    default NdArray applyBatch(NdArray batch) {
        if (batch.ndim() == 0) {
            throw new IllegalArgumentException("applyBatch: a batch needs a leading example axis, got a 0-d array");
        }
        int n = batch.shape(0);
        if (n == 0) {
            throw new IllegalArgumentException("applyBatch: empty batch of shape " + Arrays.toString(batch.shape())
                    + " (the shape of the transformed examples is unknown)");
        }
        List<NdArray> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(apply(batch.getItem(Index.at(i))));
        }
        return NdArray.stack(out, 0);
    }

    /** This transform, then {@code next}. */
    default Transform andThen(Transform next) {
        return new Compose(this, next);
    }

    /** The transform that returns its input (DeZero's default {@code lambda x: x}). */
    static Transform identity() {
        return Identity.INSTANCE;
    }
}
