package dezero.examples;

import dezero.datasets.DataLoader;
import dezero.datasets.MNIST;
import dezero.examples.ui.ProgressBar;
import dezero.functions.F;
import dezero.models.MLP;
import dezero.ndarray.NdRandom;
import dezero.optimizers.Adam;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Step 51 and the reference's {@code examples/mnist.py}: an MLP (784 inputs, one ReLU hidden
 * layer of 1,000 units, 10 outputs) trained with Adam on MNIST in batches of 100, printing train
 * and test loss and accuracy per epoch. The data come from a directory of the standard IDX files
 * ({@code --data DIR}) or are downloaded once into the cache ({@code ~/.dezero}, or
 * {@code -Ddezero.cache=DIR}). {@code --save FILE} writes the trained weights as {@code .npz}.
 */
public final class MnistMlp implements Example {

    /** Per-epoch figures (index 0 is epoch 1), the wall time of training and testing, and the model. */
    public record Result(double[] trainLoss, double[] trainAccuracy, double[] testLoss, double[] testAccuracy,
                         double seconds, MLP model) {
        public double finalTestAccuracy() {
            return testAccuracy[testAccuracy.length - 1];
        }
    }

    @Override
    public String name() {
        return "mnist";
    }

    @Override
    public String summary() {
        return "step 51: MLP (1000 ReLU, 10) on MNIST with Adam, 10 epochs; --data DIR or download to ~/.dezero";
    }

    @Override
    public String options() {
        return "--data DIR   directory of the MNIST IDX files (default: download once to ~/.dezero\n"
                + "             or -Ddezero.cache=DIR, then read from there)\n"
                + "--epochs N   epochs (default 10)\n"
                + "--batch N    batch size (default 100)\n"
                + "--hidden N   hidden units (default 1000)\n"
                + "--lr LR      Adam's step size alpha (default 0.001)\n"
                + "--seed S     seed of the weights and the shuffling (default 0)\n"
                + "--save FILE  save the trained weights to FILE (.npz) at the end";
    }

    @Override
    public void run(Options options, PrintStream out) throws IOException {
        String data = options.get("data", null);
        String save = options.get("save", null);
        train(data == null ? null : Path.of(data), options.getInt("epochs", 10, 1), options.getInt("batch", 100, 1),
                options.getInt("hidden", 1000, 1), options.getDouble("lr", 0.001), options.getLong("seed", 0),
                save == null ? null : Path.of(save), out);
    }

    /** The training or test split from {@code dataDir}, or from the cache (downloading once) when it is null. */
    static MNIST load(Path dataDir, boolean train) throws IOException {
        return dataDir == null ? new MNIST(train) : MNIST.fromDirectory(dataDir, train);
    }

    /**
     * Trains and tests; {@code dataDir} null means the download, {@code save} null means no file.
     */
    public static Result train(Path dataDir, int epochs, int batchSize, int hidden, double lr, long seed, Path save,
                               PrintStream out) throws IOException {
        MNIST trainSet = load(dataDir, true);
        MNIST testSet = load(dataDir, false);
        NdRandom.seedGlobal(seed);
        DataLoader trainLoader = new DataLoader(trainSet, batchSize);
        DataLoader testLoader = new DataLoader(testSet, batchSize, false);
        MLP model = new MLP(new int[] {hidden, 10}, F::relu);
        var optimizer = new Adam(lr).setup(model);
        out.printf(Locale.ROOT, "mnist: %d training and %d test images from %s; MLP (784, %d ReLU, 10), Adam alpha %s, "
                        + "batch %d, %d epochs%n", trainSet.size(), testSet.size(),
                dataDir == null ? "the cache" : dataDir.toString(), hidden, lr, batchSize, epochs);

        long start = System.nanoTime();
        double[] trainLoss = new double[epochs];
        double[] trainAcc = new double[epochs];
        double[] testLoss = new double[epochs];
        double[] testAcc = new double[epochs];
        String width = Integer.toString(Integer.toString(epochs).length());
        for (int e = 0; e < epochs; e++) {
            ProgressBar bar = new ProgressBar(out, String.format("epoch %" + width + "d/%d", e + 1, epochs),
                    trainLoader.maxIter());
            Classifiers.Stats tr = Classifiers.trainEpoch(model, trainLoader, optimizer, bar);
            Classifiers.Stats te = Classifiers.evaluate(model, testLoader);
            trainLoss[e] = tr.loss();
            trainAcc[e] = tr.accuracy();
            testLoss[e] = te.loss();
            testAcc[e] = te.accuracy();
            bar.finish(String.format(Locale.ROOT, "train %s | test %s", tr.format(), te.format()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "test accuracy %.4f after %d epochs (%.1f s)%n", testAcc[epochs - 1], epochs, seconds);
        if (save != null) {
            Path parent = save.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            model.saveWeights(save);
            out.println("saved the weights to " + save.toAbsolutePath() + " (" + String.join(", ",
                    model.flattenParams().keySet()) + ")");
        }
        return new Result(trainLoss, trainAcc, testLoss, testAcc, seconds, model);
    }
}
