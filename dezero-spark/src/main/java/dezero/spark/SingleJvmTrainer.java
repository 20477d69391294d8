package dezero.spark;

import dezero.Variable;
import dezero.datasets.ArrayDataset;
import dezero.datasets.Batch;
import dezero.datasets.DataLoader;
import dezero.models.Model;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.optimizers.Optimizer;

import java.util.List;

/**
 * The plain single-JVM training loop that {@link DataParallelTrainer} reproduces: a shuffling
 * {@link DataLoader} with {@code new NdRandom(seed)}, the mean loss of each whole batch, backward, one
 * optimizer update. It is the baseline of the tests (equal up to float rounding) and of the benchmark.
 */
public final class SingleJvmTrainer {
    private final Model model;
    private final Optimizer optimizer;
    private final Loss loss;
    private final DataLoader loader;
    private long step;

    /**
     * @param samples the data set, {@code samples.get(i)} at position i
     */
    public SingleJvmTrainer(Model model, Optimizer optimizer, Loss loss, List<Sample> samples, int[] inputShape,
                            int batchSize, long seed) {
        this.model = model;
        this.optimizer = optimizer.setup(model);
        this.loss = loss;
        this.loader = new DataLoader(dataset(samples, inputShape), batchSize, true, new NdRandom(seed));
    }

    /** {@code samples} (position i at row i) as an in-memory data set of float32 inputs and int64 labels. */
    static ArrayDataset dataset(List<Sample> samples, int[] inputShape) {
        int n = samples.size();
        int width = samples.get(0).x().length;
        float[] x = new float[n * width];
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            if (s.index() != i) {
                throw new IllegalArgumentException("SingleJvmTrainer: sample " + i + " has position " + s.index());
            }
            System.arraycopy(s.x(), 0, x, i * width, width);
            t[i] = s.label();
        }
        int[] shape = new int[inputShape.length + 1];
        shape[0] = n;
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        return new ArrayDataset(NdArray.wrap(x, shape), NdArray.wrap(t, n));
    }

    /** One step on the next batch; returns its mean loss. */
    public double step() {
        if (!loader.hasNext()) {
            loader.reset();
        }
        Batch b = loader.next();
        Variable l = loss.apply(model, b.x(), b.t());
        model.cleargrads();
        l.backward();
        optimizer.update();
        step++;
        return l.data().item();
    }

    /** {@code steps} steps. */
    public void train(long steps) {
        for (long i = 0; i < steps; i++) {
            step();
        }
    }

    public long steps() {
        return step;
    }

    public Model model() {
        return model;
    }
}
