package dezero.layers;

import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.ndarray.Shapes;

/**
 * A fully connected layer, {@code y = x @ W + b}, with {@code W} of shape {@code (in, out)}.
 * When the input size is not given, {@code W} is drawn at the first call from the input's
 * {@code shape[1]}. The initialisation is DeZero's: {@code W = randn(in, out) * sqrt(1 / in)}
 * from {@link NdRandom#global()} (so {@code NdRandom.seedGlobal(0)} reproduces
 * {@code np.random.seed(0)}), {@code b = 0}.
 *
 * <p>Both parameters have the layer's dtype (float32 by default). DeZero under NumPy 2 ends up
 * with a float64 {@code W} (its {@code np.sqrt(1 / in)} is a strongly typed float64 scalar) but a
 * float32 {@code b}; here the scale is a weak Java number, so {@code W} stays float32, as it did
 * in DeZero under NumPy 1.
 *
 * <pre>{@code
 * jshell> NdRandom.seedGlobal(0); var l = new Linear(4);
 * jshell> l.apply(NdArray.ones(DType.FLOAT32, 2, 3)).shape()
 * $3 ==> int[2] { 2, 4 }
 * jshell> l.flattenParams().keySet()
 * $4 ==> [W, b]
 * }</pre>
 */
public class Linear extends Layer {
    // Named W and b (not Java style) because the field names are DeZero's parameter keys (l0/W, l0/b).
    private final Parameter W;
    private final Parameter b;
    private final int outSize;
    private final DType dtype;

    /** A float32 layer with a bias, the input size taken from the first input. */
    public Linear(int outSize) {
        this(outSize, false, DType.FLOAT32, null);
    }

    /**
     * @param outSize output features
     * @param nobias  no bias parameter when true
     * @param dtype   dtype of W and b (float32 or float64)
     * @param inSize  input features, or {@code null} to infer them at the first call
     */
    public Linear(int outSize, boolean nobias, DType dtype, Integer inSize) {
        if (outSize <= 0) {
            throw new IllegalArgumentException("Linear: outSize must be positive, got " + outSize);
        }
        if (!dtype.isFloating()) {
            throw new IllegalArgumentException("Linear: dtype must be float32 or float64, got " + dtype);
        }
        this.outSize = outSize;
        this.dtype = dtype;
        this.W = Parameter.lazy("W", -1, outSize);
        if (inSize != null) {
            initW(inSize);
        }
        this.b = nobias ? null : new Parameter(NdArray.zeros(dtype, outSize), "b");
    }

    private void initW(int inSize) {
        if (inSize <= 0) {
            throw new IllegalArgumentException("Linear: inSize must be positive, got " + inSize);
        }
        W.setData(NdRandom.global().randn(dtype, inSize, outSize).mul(Math.sqrt(1.0 / inSize)));
    }

    @Override
    protected Variable forward(Variable... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("Linear: expected one input, got " + inputs.length);
        }
        Variable x = inputs[0];
        if (x.ndim() != 2) {
            throw new IllegalArgumentException("Linear: input must be 2-D (N, in_size), got shape " + Shapes.str(x.shape()));
        }
        if (W.data() == null) {
            initW(x.shape()[1]);
        } else if (W.data().ndim() != 2 || W.data().shape(0) != x.shape()[1]) {
            throw new IllegalArgumentException("Linear: input of shape " + Shapes.str(x.shape()) + " has "
                    + x.shape()[1] + " features, but W has shape " + Shapes.str(W.data().shape()) + " (in_size "
                    + W.data().shape(0) + ", out_size " + outSize + ")");
        }
        return F.linear(x, W, b);
    }

    /** The weight (its data is null until the first call when the input size was not given). */
    public Parameter weight() {
        return W;
    }

    /** The bias, or null for {@code nobias}. */
    public Parameter bias() {
        return b;
    }
}
