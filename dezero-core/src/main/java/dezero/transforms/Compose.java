package dezero.transforms;

import dezero.ndarray.NdArray;

import java.util.List;
import java.util.Objects;

/**
 * Several transforms applied in order (DeZero's {@code transforms.Compose}). With none, it is
 * the identity.
 *
 * <pre>{@code
 * jshell> var t = new Compose(new Flatten(), new ToFloat(), new Normalize(0.0, 255.0));
 * jshell> t.apply(NdArray.full(255, DType.INT64, 1, 2, 2))
 * $2 ==> [1. 1. 1. 1.]
 * }</pre>
 */
public final class Compose implements Transform {
    private final List<Transform> transforms;

    public Compose(Transform... transforms) {
        this(List.of(transforms));
    }

    public Compose(List<? extends Transform> transforms) {
        for (int i = 0; i < transforms.size(); i++) {
            Objects.requireNonNull(transforms.get(i), "Compose: transform " + i + " is null");
        }
        this.transforms = List.copyOf(transforms);
    }

    /** The transforms, in the order they are applied. */
    public List<Transform> transforms() {
        return transforms;
    }

    @Override
    public NdArray apply(NdArray x) {
        for (Transform t : transforms) {
            x = t.apply(x);
        }
        return x;
    }

    @Override
    public NdArray applyBatch(NdArray batch) {
        for (Transform t : transforms) {
            batch = t.applyBatch(batch);
        }
        return batch;
    }

    @Override
    public String toString() {
        return "Compose" + transforms;
    }
}
