package dezero.layers;

import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.DType;

/**
 * An LSTM cell, as DeZero's: gates {@code f, i, o = sigmoid(x2*(x) + h2*(h))}, candidate
 * {@code u = tanh(x2u(x) + h2u(h))}, {@code c = f * c_prev + i * u}, {@code h = o * tanh(c)}. After
 * {@link #resetState()} the first step has no {@code h2*} terms and {@code c = i * u}. The state is
 * kept between calls (truncated backprop: {@code loss.unchainBackward()} after each backward).
 *
 * <pre>{@code
 * var lstm = new LSTM(100);
 * for (Variable xt : sequence) { var h = lstm.apply(xt); ... }
 * }</pre>
 */
public class LSTM extends Layer {
    private final Linear x2f;
    private final Linear x2i;
    private final Linear x2o;
    private final Linear x2u;
    private final Linear h2f;
    private final Linear h2i;
    private final Linear h2o;
    private final Linear h2u;
    private Variable h;
    private Variable c;

    /** Input size inferred at the first call. */
    public LSTM(int hiddenSize) {
        this(hiddenSize, null);
    }

    public LSTM(int hiddenSize, Integer inSize) {
        x2f = new Linear(hiddenSize, false, DType.FLOAT32, inSize);
        x2i = new Linear(hiddenSize, false, DType.FLOAT32, inSize);
        x2o = new Linear(hiddenSize, false, DType.FLOAT32, inSize);
        x2u = new Linear(hiddenSize, false, DType.FLOAT32, inSize);
        h2f = new Linear(hiddenSize, true, DType.FLOAT32, hiddenSize);
        h2i = new Linear(hiddenSize, true, DType.FLOAT32, hiddenSize);
        h2o = new Linear(hiddenSize, true, DType.FLOAT32, hiddenSize);
        h2u = new Linear(hiddenSize, true, DType.FLOAT32, hiddenSize);
    }

    /** Forgets the hidden and cell states. */
    public void resetState() {
        h = null;
        c = null;
    }

    public Variable hiddenState() {
        return h;
    }

    public Variable cellState() {
        return c;
    }

    @Override
    protected Variable forward(Variable... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("LSTM: expected one input, got " + inputs.length);
        }
        Variable x = inputs[0];
        Variable f = F.sigmoid(gate(x2f, h2f, x));
        Variable i = F.sigmoid(gate(x2i, h2i, x));
        Variable o = F.sigmoid(gate(x2o, h2o, x));
        Variable u = F.tanh(gate(x2u, h2u, x));
        c = c == null ? i.mul(u) : f.mul(c).add(i.mul(u));
        h = o.mul(F.tanh(c));
        return h;
    }

    private Variable gate(Linear fromX, Linear fromH, Variable x) {
        return h == null ? fromX.apply(x) : fromX.apply(x).add(fromH.apply(h));
    }
}
