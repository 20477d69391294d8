package dezero.examples;

import dezero.datasets.DataLoader;
import dezero.datasets.MNIST;
import dezero.examples.ui.ProgressBar;
import dezero.functions.F;
import dezero.models.MLP;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.optimizers.Adam;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Step 53: save a trained model's weights and load them into a new one. An MLP (784, hidden
 * ReLU, 10) is trained on MNIST for a little while (Adam), its parameters are written with
 * {@code saveWeights} as a NumPy {@code .npz} keyed {@code l0/W, l0/b, l1/W, l1/b} (loadable by
 * Python DeZero and {@code numpy.load}), then a fresh, untrained MLP of the same shape calls
 * {@code loadWeights} and is tested: its scores on the test set equal the trained model's and so
 * does its accuracy. The book's script trains with SGD for 3 epochs and resumes from the file when
 * it exists; this example uses Adam so that one short epoch already gives a useful model.
 */
public final class SaveLoad implements Example {

    /**
     * The accuracy of the trained model, of a fresh model before and after loading, the largest
     * difference between the two models' test scores, and the weights file.
     */
    public record Result(double trainedAccuracy, double untrainedAccuracy, double loadedAccuracy,
                         double maxScoreDifference, Path file) {
    }

    @Override
    public String name() {
        return "save-load";
    }

    @Override
    public String summary() {
        return "step 53: train an MLP on MNIST a bit, saveWeights to .npz, loadWeights into a new MLP: same predictions";
    }

    @Override
    public String options() {
        return "--data DIR   directory of the MNIST IDX files (default: download once to ~/.dezero)\n"
                + "--epochs N   epochs (default 1)\n"
                + "--batch N    batch size (default 100)\n"
                + "--hidden N   hidden units (default 100)\n"
                + "--file FILE  the weights file (default out/my_mlp.npz)";
    }

    @Override
    public void run(Options options, PrintStream out) throws IOException {
        String data = options.get("data", null);
        roundTrip(data == null ? null : Path.of(data), options.getInt("epochs", 1, 1), options.getInt("batch", 100, 1),
                options.getInt("hidden", 100, 1), Path.of(options.get("file", "out/my_mlp.npz")), out);
    }

    public static Result roundTrip(Path dataDir, int epochs, int batchSize, int hidden, Path file, PrintStream out)
            throws IOException {
        MNIST trainSet = MnistMlp.load(dataDir, true);
        MNIST testSet = MnistMlp.load(dataDir, false);
        NdRandom.seedGlobal(0);
        DataLoader trainLoader = new DataLoader(trainSet, batchSize);
        DataLoader testLoader = new DataLoader(testSet, batchSize, false);
        MLP model = new MLP(new int[] {hidden, 10}, F::relu);
        var optimizer = new Adam().setup(model);
        out.printf(Locale.ROOT, "save-load: MLP (784, %d ReLU, 10) trained with Adam on %d MNIST images for %d epoch%s%n",
                hidden, trainSet.size(), epochs, epochs == 1 ? "" : "s");
        for (int e = 0; e < epochs; e++) {
            ProgressBar bar = new ProgressBar(out, "epoch " + (e + 1) + "/" + epochs, trainLoader.maxIter());
            bar.finish("train " + Classifiers.trainEpoch(model, trainLoader, optimizer, bar).format());
        }
        double trained = Classifiers.evaluate(model, testLoader).accuracy();
        out.printf(Locale.ROOT, "trained model:        test accuracy %.4f%n", trained);

        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        model.saveWeights(file);
        out.printf(Locale.ROOT, "saveWeights(%s): %s, %,d bytes%n", file, String.join(", ", model.flattenParams().keySet()),
                Files.size(file));

        MLP fresh = new MLP(new int[] {hidden, 10}, F::relu);
        // one forward pass draws the fresh model's (lazily sized) weights, so it starts as a genuinely different model
        double untrained = Classifiers.evaluate(fresh, testLoader).accuracy();
        out.printf(Locale.ROOT, "new model:            test accuracy %.4f (random weights)%n", untrained);
        fresh.loadWeights(file);
        double loaded = Classifiers.evaluate(fresh, testLoader).accuracy();
        NdArray all = Classifiers.all(testSet).x();
        double diff = Classifiers.predict(model, all).sub(Classifiers.predict(fresh, all)).abs().max().item();
        out.printf(Locale.ROOT, "after loadWeights:    test accuracy %.4f; largest score difference to the trained model %s%n",
                loaded, diff);
        return new Result(trained, untrained, loaded, diff, file);
    }
}
