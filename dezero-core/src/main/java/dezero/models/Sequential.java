package dezero.models;

import dezero.Variable;
import dezero.layers.Layer;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Steps applied one after the other: layers and plain functions mixed. The layer at position i
 * is named {@code l<i>} (its parameters {@code l0/W}, {@code l2/b}, ...; functions take up
 * positions too), as in DeZero.
 *
 * <pre>{@code
 * jshell> var model = new Sequential(new Linear(10), F::sigmoid, new Linear(1));
 * jshell> model.apply(x).shape()         // x (100, 1)
 * $2 ==> int[2] { 100, 1 }
 * jshell> model.flattenParams().keySet()
 * $3 ==> [l0/W, l0/b, l2/W, l2/b]
 * }</pre>
 */
public class Sequential extends Model {
    /** Named {@code l} so that the layers are found as l0, l1, ... (see {@link dezero.layers.Layer}). */
    private final List<UnaryOperator<Variable>> l;

    @SafeVarargs
    public Sequential(UnaryOperator<Variable>... steps) {
        List<UnaryOperator<Variable>> list = new java.util.ArrayList<>(steps.length);
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] == null) {
                throw new IllegalArgumentException("Sequential: step " + i + " is null");
            }
            list.add(steps[i]);
        }
        this.l = List.copyOf(list);
    }

    @Override
    protected Variable forward(Variable... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("Sequential: expected one input, got " + inputs.length);
        }
        Variable x = inputs[0];
        for (int i = 0; i < l.size(); i++) {
            UnaryOperator<Variable> step = l.get(i);
            x = step.apply(x);
            if (x == null) {
                throw new IllegalStateException("Sequential: step l" + i + " (" + (step instanceof Layer
                        ? step.getClass().getSimpleName() : "a function") + ") returned null");
            }
        }
        return x;
    }

    /** The steps, in order. */
    public List<UnaryOperator<Variable>> steps() {
        return l;
    }
}
