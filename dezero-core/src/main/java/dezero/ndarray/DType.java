package dezero.ndarray;

/**
 * Element types of {@link NdArray}, with NumPy's names and promotion rules.
 *
 * <p>Promotion follows NumPy between arrays: {@code bool < int64 < float32 < float64}, except
 * that {@code int64} combined with {@code float32} gives {@code float64} (as in NumPy, because
 * float32 cannot hold every int64). Java numbers are <em>weakly</em> typed (NEP 50): a float32
 * array combined with a Java {@code double} stays float32.
 *
 * <pre>{@code
 * jshell> DType.promote(DType.FLOAT32, DType.INT64)
 * $1 ==> FLOAT64
 * }</pre>
 */
public enum DType {
    BOOL("bool", 1),
    INT64("int64", 8),
    FLOAT32("float32", 4),
    FLOAT64("float64", 8);

    private final String numpyName;
    private final int itemSize;

    DType(String numpyName, int itemSize) {
        this.numpyName = numpyName;
        this.itemSize = itemSize;
    }

    /** The NumPy name of this type, e.g. {@code "float32"}. */
    public String numpyName() {
        return numpyName;
    }

    /** Bytes per element in NumPy's layout. */
    public int itemSize() {
        return itemSize;
    }

    public boolean isFloating() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** The type NumPy gives to a binary operation between arrays of types {@code a} and {@code b}. */
    public static DType promote(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if ((a == INT64 && b == FLOAT32) || (a == FLOAT32 && b == INT64)) {
            return FLOAT64;
        }
        return a.ordinal() > b.ordinal() ? a : b;
    }

    /** Looks a type up by its NumPy name ({@code float64}, {@code float32}, {@code int64}, {@code bool}). */
    public static DType fromNumpyName(String name) {
        for (DType t : values()) {
            if (t.numpyName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported dtype '" + name
                + "' (supported: bool, int64, float32, float64)");
    }

    @Override
    public String toString() {
        return numpyName;
    }
}
