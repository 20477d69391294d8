package dezero.datasets;

import dezero.ndarray.NdArray;

import java.util.Objects;

/**
 * A batch from a {@link DataLoader}: the inputs and the targets of several examples, each
 * stacked along a new first axis (DeZero's {@code x, t = next(loader)}). {@code t} is
 * {@code null} for a dataset without labels.
 *
 * <pre>{@code
 * jshell> var b = new DataLoader(new Spiral(true), 30).next();
 * jshell> b.x().shape()
 * $2 ==> int[2] { 30, 2 }
 * jshell> b.t().shape()
 * $3 ==> int[1] { 30 }
 * }</pre>
 */
public record Batch(NdArray x, NdArray t) {
    public Batch {
        Objects.requireNonNull(x, "Batch: x is null");
    }

    /** The number of examples in the batch. */
    public int size() {
        return x.shape(0);
    }
}
