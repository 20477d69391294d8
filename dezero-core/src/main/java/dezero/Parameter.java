package dezero;

import dezero.ndarray.NdArray;

/**
 * A {@link Variable} that a layer owns and an optimizer updates. It is only a marker: operations
 * on Parameters return plain Variables.
 *
 * <pre>{@code
 * jshell> var W = new Parameter(NdArray.zeros(2, 3), "W")
 * jshell> var lazy = Parameter.lazy("W", -1, 3)   // no data until the layer's first call: (in, 3)
 * }</pre>
 */
public class Parameter extends Variable {
    private final int[] lazyShape;

    public Parameter(NdArray data) {
        this(data, null);
    }

    public Parameter(NdArray data, String name) {
        super(data, name);
        this.lazyShape = null;
    }

    private Parameter(String name, int[] lazyShape) {
        super(null, name);
        this.lazyShape = lazyShape;
    }

    /**
     * A parameter without data, which its layer sizes at the first call: {@code shape} holds the
     * sizes the layer knows already and -1 for those the first input decides ({@code Linear(3)}'s
     * {@code W} is {@code (-1, 3)}). Weights loaded into it before that call must fit this shape.
     */
    public static Parameter lazy(String name, int... shape) {
        return new Parameter(name, shape.clone());
    }

    /** The shape given to {@link #lazy} (-1 for sizes not known yet), or null for a parameter not made so. */
    public int[] lazyShape() {
        return lazyShape == null ? null : lazyShape.clone();
    }
}
