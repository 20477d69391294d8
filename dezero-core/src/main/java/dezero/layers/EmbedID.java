package dezero.layers;

import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;

/**
 * A lookup table of {@code inSize} vectors of {@code outSize}: the input is an int64 array of ids and
 * the output is {@code W[ids]} (shape {@code ids.shape + (outSize,)}). {@code W} is drawn at
 * construction from {@link NdRandom#global()} as DeZero's {@code np.random.randn(in, out)} (float64);
 * repeated ids accumulate in W's gradient.
 *
 * <pre>{@code
 * jshell> var embed = new EmbedID(1000, 64);
 * jshell> embed.apply(NdArray.array(new long[] {3, 3, 7})).shape()
 * $2 ==> int[2] { 3, 64 }
 * }</pre>
 */
public class EmbedID extends Layer {
    // Named W because the field name is DeZero's parameter key.
    private final Parameter W;

    public EmbedID(int inSize, int outSize) {
        if (inSize <= 0 || outSize <= 0) {
            throw new IllegalArgumentException("EmbedID: sizes must be positive, got (" + inSize + ", " + outSize + ")");
        }
        this.W = new Parameter(NdRandom.global().randn(DType.FLOAT64, inSize, outSize), "W");
    }

    @Override
    protected Variable forward(Variable... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("EmbedID: expected one input (the ids), got " + inputs.length);
        }
        NdArray ids = inputs[0].data();
        if (ids.dtype() != DType.INT64) {
            throw new IllegalArgumentException("EmbedID: ids must be int64, got " + ids.dtype());
        }
        return F.embedId(ids, W);
    }

    public Parameter weight() {
        return W;
    }
}
