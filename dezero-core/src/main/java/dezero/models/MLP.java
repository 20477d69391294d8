package dezero.models;

import dezero.Variable;
import dezero.functions.F;
import dezero.layers.Linear;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A multi-layer perceptron: one {@link Linear} layer per output size, named {@code l0}, {@code l1},
 * ..., with the activation (default sigmoid) after every layer but the last.
 *
 * <pre>{@code
 * jshell> var model = new MLP(new int[] {10, 3});            // hidden 10 (sigmoid), 3 outputs
 * jshell> var relu = new MLP(new int[] {100, 100, 10}, F::relu);
 * }</pre>
 */
public class MLP extends Model {
    /** Named {@code l} so that the layers are found as l0, l1, ... (see {@link dezero.layers.Layer}). */
    private final List<Linear> l;
    private final UnaryOperator<Variable> activation;

    /** Sigmoid hidden activations, as DeZero's default. */
    public MLP(int[] fcOutputSizes) {
        this(fcOutputSizes, F::sigmoid);
    }

    public MLP(int[] fcOutputSizes, UnaryOperator<Variable> activation) {
        if (fcOutputSizes.length == 0) {
            throw new IllegalArgumentException("MLP: need at least one output size");
        }
        List<Linear> layers = new ArrayList<>();
        for (int size : fcOutputSizes) {
            layers.add(new Linear(size));
        }
        this.l = Collections.unmodifiableList(layers);
        this.activation = activation;
    }

    @Override
    protected Variable forward(Variable... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("MLP: expected one input, got " + inputs.length);
        }
        Variable x = inputs[0];
        for (int i = 0; i < l.size() - 1; i++) {
            x = activation.apply(l.get(i).apply(x));
        }
        return l.get(l.size() - 1).apply(x);
    }

    /** The layers, in order. */
    public List<Linear> layers() {
        return l;
    }
}
