package dezero.layers;

import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.DType;

/**
 * An Elman RNN cell with tanh: {@code h = tanh(x2h(x) + h2h(h_prev))}, where the first step after
 * {@link #resetState()} has no {@code h2h} term. The hidden state is kept between calls; for truncated
 * backprop through time call {@code loss.backward()} and then {@code loss.unchainBackward()}.
 *
 * <p>{@code h2h} maps the hidden state, so its input size is {@code hiddenSize}. (DeZero passes
 * {@code in_size} to it as well, which breaks any RNN whose input size differs from the hidden size.)
 *
 * <pre>{@code
 * var rnn = new RNN(10);
 * for (Variable xt : sequence) { var h = rnn.apply(xt); ... }
 * rnn.resetState();
 * }</pre>
 */
public class RNN extends Layer {
    private final Linear x2h;
    private final Linear h2h;
    private Variable h;

    /** Input size inferred at the first call. */
    public RNN(int hiddenSize) {
        this(hiddenSize, null);
    }

    public RNN(int hiddenSize, Integer inSize) {
        this.x2h = new Linear(hiddenSize, false, DType.FLOAT32, inSize);
        // drawn lazily when no input size is given, so the random draws come in DeZero's order
        this.h2h = new Linear(hiddenSize, true, DType.FLOAT32, inSize == null ? null : hiddenSize);
    }

    /** Forgets the hidden state (the next call starts a new sequence). */
    public void resetState() {
        h = null;
    }

    /** The current hidden state, or null after {@link #resetState()}. */
    public Variable hiddenState() {
        return h;
    }

    @Override
    protected Variable forward(Variable... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("RNN: expected one input, got " + inputs.length);
        }
        Variable x = inputs[0];
        h = h == null ? F.tanh(x2h.apply(x)) : F.tanh(x2h.apply(x).add(h2h.apply(h)));
        return h;
    }
}
