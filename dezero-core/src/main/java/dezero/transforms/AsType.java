package dezero.transforms;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

import java.util.Objects;

/**
 * Converts an example to a dtype (DeZero's {@code transforms.AsType}, float32 by default);
 * {@link ToFloat} and {@link ToInt} are the usual instances.
 *
 * <pre>{@code
 * jshell> new AsType(DType.FLOAT64).apply(NdArray.array(new long[] {1, 2})).dtype()
 * $1 ==> float64
 * }</pre>
 */
public class AsType implements Transform {
    private final DType dtype;

    /** Converts to float32, as DeZero's default. */
    public AsType() {
        this(DType.FLOAT32);
    }

    public AsType(DType dtype) {
        this.dtype = Objects.requireNonNull(dtype, "AsType: dtype is null");
    }

    public DType dtype() {
        return dtype;
    }

    @Override
    public NdArray apply(NdArray x) {
        return x.astype(dtype);
    }

    @Override
    public NdArray applyBatch(NdArray batch) {
        return batch.astype(dtype);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + dtype + ")";
    }
}
