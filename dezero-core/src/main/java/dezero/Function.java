package dezero;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

import java.lang.ref.WeakReference;

/**
 * A differentiable operation: {@link #forward} computes on arrays, {@link #backward} computes on
 * Variables, so that the backward pass can itself be recorded ({@code createGraph}) and
 * differentiated again. A Function holds its inputs strongly and its output weakly: a graph the
 * user no longer references is garbage as a whole (DeZero step 17).
 *
 * <p>Every function in DeZero has exactly one output, so this class models one output. A
 * function instance is used once: {@link #apply} connects it into the graph.
 *
 * <pre>{@code
 * final class Square extends Function {
 *     protected NdArray forward(NdArray... xs) { return xs[0].square(); }
 *     protected Variable[] backward(Variable gy) { return grads(input(0).mul(2.0).mul(gy)); }
 * }
 * Variable y = new Square().apply(x);
 * }</pre>
 */
public abstract class Function {
    /** For subclasses. */
    protected Function() {
    }

    private Variable[] inputs;
    private WeakReference<Variable> output;
    private int generation;

    /**
     * Runs {@link #forward} on the inputs' data and, when {@link Config#enableBackprop()} is on,
     * records this function as the creator of the returned output.
     */
    public final Variable apply(Variable... inputs) {
        NdArray[] xs = new NdArray[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) {
                throw new IllegalArgumentException(name() + ": input " + i + " is null");
            }
            NdArray d = inputs[i].data();
            if (d == null) {
                throw new IllegalArgumentException(name() + ": input " + i + " is a variable with no data");
            }
            xs[i] = d;
        }
        NdArray y = forward(xs);
        Variable out = new Variable(y);
        if (Config.enableBackprop()) {
            int g = 0;
            for (Variable x : inputs) {
                g = Math.max(g, x.generation());
            }
            this.generation = g;
            this.inputs = inputs;
            this.output = new WeakReference<>(out);
            out.setCreator(this);
        }
        return out;
    }

    /** The computation on arrays. */
    protected abstract NdArray forward(NdArray... xs);

    /**
     * The gradients with respect to each input, given the output gradient {@code gy}, computed
     * with differentiable Variable operations only. An element may be {@code null} for an input
     * that takes no gradient (labels, constants).
     */
    protected abstract Variable[] backward(Variable gy);

    /** Convenience for {@link #backward}: returns its arguments as an array. */
    protected static Variable[] grads(Variable... gxs) {
        return gxs;
    }

    /** The i-th input (held strongly). */
    protected final Variable input(int i) {
        return inputs[i];
    }

    /** How many inputs this function was applied to. */
    protected final int inputCount() {
        return inputs.length;
    }

    /** All inputs, in call order (for graph walkers; do not modify). */
    public final Variable[] inputs() {
        return inputs == null ? new Variable[0] : inputs.clone();
    }

    final Variable[] inputsInternal() {
        return inputs;
    }

    /** The output, or {@code null} if it has been garbage-collected. */
    public final Variable output() {
        return output == null ? null : output.get();
    }

    /** Whether input {@code i} needs a gradient (false for constants made from Java numbers and raw arrays). */
    protected final boolean needsGrad(int i) {
        return !inputs[i].isConstant();
    }

    /**
     * For {@link #backward}: an array the gradient of input {@code i} may be written into instead of
     * a new one (see {@link Parameter#releaseGrad()}), of that input's shape and {@code dtype}, or null
     * (allocate as usual). Non-null only for a parameter whose gradient was released and that has
     * received none yet, and only when backward records no graph: a gradient that is itself
     * differentiated must be a new variable.
     */
    protected final NdArray gradBuffer(int i, DType dtype) {
        if (Config.enableBackprop() || !(inputs[i] instanceof Parameter)) {
            return null;
        }
        return ((Parameter) inputs[i]).takeGradBuffer(dtype);
    }

    public final int generation() {
        return generation;
    }

    /** The name shown in graphs and error messages: the class's simple name. */
    public String name() {
        return getClass().getSimpleName();
    }

    /** Runs the backward step for the engine (package access). */
    final Variable[] runBackward(Variable gy) {
        return backward(gy);
    }

    @Override
    public String toString() {
        return name();
    }
}
