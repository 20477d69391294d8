package dezero.datasets;

import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.transforms.Transform;

/**
 * The three-armed spiral of step 48 (DeZero's {@code datasets.Spiral} and {@code get_spiral}):
 * 300 points in the plane, 100 per class, in a fixed shuffled order; inputs float32 of shape
 * (2), targets int64 class indices 0..2.
 *
 * <p>The data equal the reference's exactly. Like the reference, which calls
 * {@code np.random.seed(1984)} (train) or {@code np.random.seed(2020)} (test) and then draws,
 * the constructors without a generator <b>reseed the global {@link NdRandom}</b> and leave it
 * where the reference leaves NumPy's, so a following shuffling {@link DataLoader} and weight
 * initialisation draw what the Python program draws. Pass a generator of your own to leave the
 * global one alone (it is reseeded instead; the data are the same).
 *
 * <pre>{@code
 * jshell> var train = new Spiral(true);
 * jshell> train.get(0)
 * $2 ==> Example[x=[-0.13981389 -0.00721657], t=1]
 * jshell> var test = new Spiral(false, new NdRandom());   // same data as new Spiral(false), global generator untouched
 * }</pre>
 */
public final class Spiral extends ArrayDataset {
    /** The reference's seeds of the training and test sets. */
    public static final long TRAIN_SEED = 1984;
    public static final long TEST_SEED = 2020;

    private static final int NUM_DATA = 100;
    private static final int NUM_CLASS = 3;
    private static final int INPUT_DIM = 2;

    /** The training or test spiral, reseeding the global generator as the reference does. */
    public Spiral(boolean train) {
        this(train, null, null);
    }

    public Spiral(boolean train, Transform transform, Transform targetTransform) {
        this(train, NdRandom.global(), transform, targetTransform);
    }

    /** The spiral drawn from {@code random} (which is reseeded with the split's seed). */
    public Spiral(boolean train, NdRandom random) {
        this(train, random, null, null);
    }

    public Spiral(boolean train, NdRandom random, Transform transform, Transform targetTransform) {
        this(getSpiral(train, random), train, transform, targetTransform);
    }

    private Spiral(Batch all, boolean train, Transform transform, Transform targetTransform) {
        super(all.x(), all.t(), train, transform, targetTransform);
    }

    /** DeZero's {@code get_spiral(train)}: all inputs (300, 2) and targets (300), reseeding the global generator. */
    public static Batch getSpiral(boolean train) {
        return getSpiral(train, NdRandom.global());
    }

    /** {@code get_spiral(train)} drawing from {@code random}, which is first seeded with 1984 (train) or 2020 (test). */
    public static Batch getSpiral(boolean train, NdRandom random) {
        synchronized (random) {
            random.seed(train ? TRAIN_SEED : TEST_SEED);
            int n = NUM_CLASS * NUM_DATA;
            float[] x = new float[n * INPUT_DIM];
            long[] t = new long[n];
            for (int j = 0; j < NUM_CLASS; j++) {
                for (int i = 0; i < NUM_DATA; i++) {
                    double rate = (double) i / NUM_DATA;
                    double radius = 1.0 * rate;
                    double theta = j * 4.0 + 4.0 * rate + random.nextGaussian() * 0.2;
                    int ix = NUM_DATA * j + i;
                    x[ix * INPUT_DIM] = (float) (radius * Math.sin(theta));
                    x[ix * INPUT_DIM + 1] = (float) (radius * Math.cos(theta));
                    t[ix] = j;
                }
            }
            long[] order = random.permutation(n).longData();
            float[] xs = new float[x.length];
            long[] ts = new long[n];
            for (int k = 0; k < n; k++) {
                int src = (int) order[k];
                xs[k * INPUT_DIM] = x[src * INPUT_DIM];
                xs[k * INPUT_DIM + 1] = x[src * INPUT_DIM + 1];
                ts[k] = t[src];
            }
            return new Batch(NdArray.wrap(xs, n, INPUT_DIM), NdArray.wrap(ts, n));
        }
    }
}
