package dezero;

import dezero.ndarray.NdArray;

/**
 * A {@link Variable} that a layer owns and an optimizer updates. It is only a marker: operations
 * on Parameters return plain Variables.
 *
 * <pre>{@code
 * jshell> var W = new Parameter(NdArray.zeros(2, 3), "W")
 * }</pre>
 */
public class Parameter extends Variable {
    public Parameter(NdArray data) {
        super(data);
    }

    public Parameter(NdArray data, String name) {
        super(data, name);
    }
}
