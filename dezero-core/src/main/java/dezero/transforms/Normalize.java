package dezero.transforms;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

import java.util.Arrays;

/**
 * {@code (x - mean) / std}, with one mean and std for all values or one per channel (the first
 * axis of an example, C of CHW), as DeZero's {@code transforms.Normalize}.
 *
 * <p>Java numbers are weakly typed, as Python floats in NumPy 2: a float32 example stays float32,
 * an integer one becomes float64. Per-channel means and stds take the example's dtype when it is
 * floating and float64 otherwise (the reference casts them to the example's dtype even when
 * that is an integer type, which truncates them; see DIVERGENCES.md).
 *
 * <pre>{@code
 * jshell> new Normalize(0.0, 255.0).apply(NdArray.array(new float[] {0, 51, 255}))
 * $1 ==> [0.  0.2 1. ]
 * jshell> new Normalize(new double[] {1, 2}, new double[] {1, 2}).apply(NdArray.ones(2, 1, 1)).flatten()
 * $2 ==> [ 0.  -0.5]
 * }</pre>
 */
public final class Normalize implements Transform {
    private final double[] mean;
    private final double[] std;

    /** DeZero's defaults: mean 0, std 1. */
    public Normalize() {
        this(0.0, 1.0);
    }

    public Normalize(double mean, double std) {
        this(new double[] {mean}, new double[] {std});
    }

    /**
     * Per-channel statistics. An array of length 1 applies to every value; otherwise its length
     * must be the number of channels (the example's first axis).
     */
    public Normalize(double[] mean, double[] std) {
        if (mean == null || std == null || mean.length == 0 || std.length == 0) {
            throw new IllegalArgumentException("Normalize: mean and std must be non-empty, got mean "
                    + Arrays.toString(mean) + ", std " + Arrays.toString(std));
        }
        for (double s : std) {
            if (s == 0 || Double.isNaN(s)) {
                throw new IllegalArgumentException("Normalize: std must be non-zero, got " + Arrays.toString(std));
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    @Override
    public NdArray apply(NdArray x) {
        return normalize(x, 0, "Normalize");
    }

    @Override
    public NdArray applyBatch(NdArray batch) {
        return normalize(batch, 1, "Normalize.applyBatch");
    }

    private NdArray normalize(NdArray x, int channelAxis, String op) {
        NdArray shifted = mean.length == 1 ? x.sub(mean[0]) : x.sub(perChannel(mean, x, channelAxis, op, "mean"));
        return std.length == 1 ? shifted.div(std[0]) : shifted.div(perChannel(std, x, channelAxis, op, "std"));
    }

    /** The statistics as an array of shape (C, 1, ..., 1) (or (1, C, 1, ...) for a batch) that broadcasts over x. */
    private static NdArray perChannel(double[] values, NdArray x, int channelAxis, String op, String what) {
        if (x.ndim() <= channelAxis || x.shape(channelAxis) != values.length) {
            throw new IllegalArgumentException(op + ": " + values.length + " per-channel " + what
                    + " values do not match the channel axis of an input of shape " + Arrays.toString(x.shape())
                    + (channelAxis == 1 ? " (batch: axis 1)" : " (axis 0)"));
        }
        int[] shape = new int[x.ndim()];
        Arrays.fill(shape, 1);
        shape[channelAxis] = values.length;
        DType dtype = x.dtype().isFloating() ? x.dtype() : DType.FLOAT64;
        return NdArray.wrap(values.clone(), shape).astype(dtype);
    }

    @Override
    public String toString() {
        return "Normalize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
    }
}
