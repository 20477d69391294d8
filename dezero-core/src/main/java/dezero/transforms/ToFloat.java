package dezero.transforms;

import dezero.ndarray.DType;

/**
 * Converts to a floating type, float32 unless told otherwise (DeZero's {@code ToFloat}, an alias
 * of {@code AsType}).
 *
 * <pre>{@code
 * jshell> new ToFloat().apply(NdArray.array(new long[] {1, 2}))
 * $1 ==> [1. 2.]
 * }</pre>
 */
public final class ToFloat extends AsType {
    public ToFloat() {
        super(DType.FLOAT32);
    }

    public ToFloat(DType dtype) {
        super(requireFloating(dtype));
    }

    private static DType requireFloating(DType dtype) {
        if (dtype == null || !dtype.isFloating()) {
            throw new IllegalArgumentException("ToFloat: dtype must be float32 or float64, got " + dtype);
        }
        return dtype;
    }
}
