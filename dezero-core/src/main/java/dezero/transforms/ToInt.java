package dezero.transforms;

import dezero.ndarray.DType;

/**
 * Converts to int64, truncating floats toward zero (DeZero's {@code ToInt}, whose default is
 * Python's {@code int}, i.e. int64).
 *
 * <pre>{@code
 * jshell> new ToInt().apply(NdArray.array(new double[] {1.7, -2.5}))
 * $1 ==> [ 1 -2]
 * }</pre>
 */
public final class ToInt extends AsType {
    public ToInt() {
        super(DType.INT64);
    }
}
