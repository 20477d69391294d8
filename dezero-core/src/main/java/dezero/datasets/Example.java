package dezero.datasets;

import dezero.ndarray.NdArray;

import java.util.Objects;

/**
 * One example of a {@link Dataset}: input {@code x} and target {@code t} (DeZero's
 * {@code (x, t)} tuple). {@code t} is {@code null} for a dataset without labels.
 *
 * <pre>{@code
 * jshell> var e = new Spiral(true).get(0);
 * jshell> e.x().shape()
 * $2 ==> int[1] { 2 }
 * jshell> e.t()
 * $3 ==> 1
 * }</pre>
 */
public record Example(NdArray x, NdArray t) {
    public Example {
        Objects.requireNonNull(x, "Example: x is null");
    }
}
