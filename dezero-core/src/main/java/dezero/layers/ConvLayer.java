package dezero.layers;

import dezero.Parameter;
import dezero.Variable;
import dezero.ndarray.ConvWindow;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.ndarray.Shapes;

/**
 * What {@link Conv2d} and {@link Deconv2d} share: the (h, w) kernel, stride and padding, a weight
 * {@code W} drawn lazily from the first input's channel count with DeZero's scale
 * {@code sqrt(1 / (C*KH*KW))}, an optional bias {@code b = 0} of the output channels, and the
 * checks of the input against {@code W}.
 */
abstract class ConvLayer extends Layer {
    // Named W and b (not Java style) because the field names are DeZero's parameter keys (conv1/W, conv1/b).
    private final Parameter W;
    private final Parameter b;
    private final String op;
    private final int outChannels;
    private final int[] kernel;
    private final int[] stride;
    private final int[] pad;
    private final DType dtype;

    ConvLayer(String op, int outChannels, int[] kernel, int[] stride, int[] pad, boolean nobias, DType dtype,
            Integer inChannels) {
        if (outChannels <= 0) {
            throw new IllegalArgumentException(op + ": outChannels must be positive, got " + outChannels);
        }
        if (dtype == null || !dtype.isFloating()) {
            throw new IllegalArgumentException(op + ": dtype must be float32 or float64, got " + dtype);
        }
        ConvWindow window = ConvWindow.of(op, kernel, stride, pad); // validates all three
        this.op = op;
        this.outChannels = outChannels;
        this.kernel = new int[] {window.kh, window.kw};
        this.stride = stride.clone();
        this.pad = pad.clone();
        this.dtype = dtype;
        this.W = Parameter.lazy("W", weightShape(-1));
        if (inChannels != null) {
            initW(inChannels);
        }
        this.b = nobias ? null : new Parameter(NdArray.zeros(dtype, outChannels), "b");
    }

    static int[] pair(int v) {
        return new int[] {v, v};
    }

    /** The shape of W for {@code inChannels} input channels. */
    abstract int[] weightShape(int inChannels);

    /** Which axis of W counts the input channels. */
    abstract int inChannelAxis();

    /** The function call, once the input and W are known to fit. */
    abstract Variable compute(Variable x, Parameter w, Parameter b);

    private void initW(int inChannels) {
        if (inChannels <= 0) {
            throw new IllegalArgumentException(op + ": inChannels must be positive, got " + inChannels);
        }
        double scale = Math.sqrt(1.0 / ((double) inChannels * kernel[0] * kernel[1]));
        W.setData(NdRandom.global().randn(dtype, weightShape(inChannels)).mul(scale));
    }

    @Override
    protected final Variable forward(Variable... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException(op + ": expected one input, got " + inputs.length);
        }
        Variable x = inputs[0];
        if (x.ndim() != 4) {
            throw new IllegalArgumentException(op + ": input must be 4-D (N, C, H, W), got shape " + Shapes.str(x.shape()));
        }
        int channels = x.shape()[1];
        NdArray w = W.data();
        if (w == null) {
            initW(channels);
        } else if (w.ndim() != 4 || w.shape(inChannelAxis()) != channels) {
            throw new IllegalArgumentException(op + ": input of shape " + Shapes.str(x.shape()) + " has " + channels
                    + " channels, but W has shape " + Shapes.str(w.shape()) + " (in_channels on axis " + inChannelAxis()
                    + ")");
        }
        return compute(x, W, b);
    }

    /** The weight (its data is null until the first call when the input channels were not given). */
    public Parameter weight() {
        return W;
    }

    /** The bias, or null for {@code nobias}. */
    public Parameter bias() {
        return b;
    }

    public int outChannels() {
        return outChannels;
    }

    /** (KH, KW). */
    public int[] kernelSize() {
        return kernel.clone();
    }

    /** (SH, SW). */
    public int[] stride() {
        return stride.clone();
    }

    /** (PH, PW). */
    public int[] pad() {
        return pad.clone();
    }

    public DType dtype() {
        return dtype;
    }
}
