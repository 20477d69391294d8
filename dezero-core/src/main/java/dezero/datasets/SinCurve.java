package dezero.datasets;

import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.transforms.Transform;

/**
 * A noisy sine wave as a time series (DeZero's {@code datasets.SinCurve}, step 59): 1,000
 * points {@code y} over {@code [0, 2 pi]}, and example {@code i} is {@code (y[i], y[i + 1])},
 * each of shape (1), float64, so there are 999 examples: predict the next value.
 *
 * <p>Training data are {@code sin(x)} plus noise uniform in [-0.05, 0.05) drawn from the global
 * {@link NdRandom} (not reseeded, as in the reference) or the given one; test data are
 * {@code cos(x)} without noise (the noise is still drawn, as in the reference, so the generator
 * advances the same way for both splits).
 *
 * <pre>{@code
 * jshell> var train = new SinCurve(true);
 * jshell> train.size()
 * $2 ==> 999
 * jshell> new SinCurve(false).get(0)
 * $3 ==> Example[x=[1.], t=[0.99998022]]
 * }</pre>
 */
public final class SinCurve extends ArrayDataset {
    private static final int NUM_DATA = 1000;
    private static final double NOISE_LOW = -0.05;
    private static final double NOISE_HIGH = 0.05;

    public SinCurve(boolean train) {
        this(train, NdRandom.global());
    }

    public SinCurve(boolean train, NdRandom random) {
        this(train, random, null, null);
    }

    public SinCurve(boolean train, NdRandom random, Transform transform, Transform targetTransform) {
        this(curve(train, random), train, transform, targetTransform);
    }

    private SinCurve(double[] y, boolean train, Transform transform, Transform targetTransform) {
        super(shifted(y, 0), shifted(y, 1), train, transform, targetTransform);
    }

    private static double[] curve(boolean train, NdRandom random) {
        double[] x = NdArray.linspace(0, 2 * Math.PI, NUM_DATA).doubleData();
        double[] noise = random.uniform(NOISE_LOW, NOISE_HIGH, NUM_DATA).doubleData();
        double[] y = new double[NUM_DATA];
        for (int i = 0; i < NUM_DATA; i++) {
            y[i] = train ? Math.sin(x[i]) + noise[i] : Math.cos(x[i]);
        }
        return y;
    }

    /** {@code y[from : from + len(y) - 1][:, newaxis]}. */
    private static NdArray shifted(double[] y, int from) {
        double[] out = new double[y.length - 1];
        System.arraycopy(y, from, out, 0, out.length);
        return NdArray.wrap(out, out.length, 1);
    }
}
