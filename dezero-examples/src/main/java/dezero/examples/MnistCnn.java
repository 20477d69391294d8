package dezero.examples;

import dezero.Config;
import dezero.Variable;
import dezero.datasets.ArrayDataset;
import dezero.datasets.Batch;
import dezero.datasets.DataLoader;
import dezero.examples.ui.Plots;
import dezero.examples.ui.ProgressBar;
import dezero.functions.F;
import dezero.layers.Conv2d;
import dezero.layers.Linear;
import dezero.models.Model;
import dezero.ndarray.NdRandom;
import dezero.optimizers.Adam;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A small convolutional network on MNIST: conv 3x3 (C) - relu - max pool 2 - conv 3x3 (2C) -
 * relu - max pool 2 - linear (100) - relu - dropout - linear (10), trained with Adam on softmax cross
 * entropy. Prints loss and accuracy per epoch and plots both to {@code mnist-cnn.png}.
 *
 * <p>With {@code --data ../shared/data/mnist-10k} (8,000 training, 2,000 test images) the defaults
 * (C = 16, batch 100, alpha 0.001, 8 epochs, seed 0) end at 97.5 % test accuracy.
 */
public final class MnistCnn implements Example {

    /** Per epoch: training loss, training accuracy, test accuracy; the wall time; the plot. */
    public record Result(double[] trainLoss, double[] trainAccuracy, double[] testAccuracy, double seconds, Path plot) {
        public double finalTestAccuracy() {
            return testAccuracy[testAccuracy.length - 1];
        }
    }

    /** The network. */
    static final class ConvNet extends Model {
        private final Conv2d conv1;
        private final Conv2d conv2;
        private final Linear fc1;
        private final Linear fc2;

        ConvNet(int channels1, int channels2, int hidden) {
            conv1 = new Conv2d(channels1, 3, 1, 1);
            conv2 = new Conv2d(channels2, 3, 1, 1);
            fc1 = new Linear(hidden);
            fc2 = new Linear(10);
        }

        @Override
        protected Variable forward(Variable... inputs) {
            Variable x = F.pooling(F.relu(conv1.apply(inputs[0])), 2, 2, 0);   // (N, c1, 14, 14)
            x = F.pooling(F.relu(conv2.apply(x)), 2, 2, 0);                     // (N, c2, 7, 7)
            // dropout (training only): 8,000 images are few enough that the network otherwise overfits
            x = F.dropout(F.relu(fc1.apply(F.flatten(x))), 0.5);
            return fc2.apply(x);
        }
    }

    @Override
    public String name() {
        return "mnist-cnn";
    }

    @Override
    public String summary() {
        return "a small CNN (2 conv + pool, 2 linear) on MNIST with Adam; accuracy per epoch (mnist-cnn.png)";
    }

    @Override
    public String options() {
        return MnistData.DATA_OPTION + "\n"
                + "--epochs N    training epochs (default 8)\n"
                + "--batch N     batch size (default 100)\n"
                + "--lr LR       Adam's learning rate alpha (default 0.001)\n"
                + "--train N     use the first N training images (default all)\n"
                + "--test N      use the first N test images (default all)\n"
                + "--channels C  channels of the first convolution; the second has 2C (default 16)\n"
                + "--seed S      seed of the weights and the shuffling (default 0)\n"
                + "--out DIR     where mnist-cnn.png goes (default out)";
    }

    @Override
    public void run(Options options, PrintStream out) throws IOException {
        Path data = MnistData.dataDir(options);
        ArrayDataset train = MnistData.load(data, true, options.getInt("train", 0), out);
        ArrayDataset test = MnistData.load(data, false, options.getInt("test", 0), out);
        train(train, test, options.getInt("epochs", 8, 1), options.getInt("batch", 100, 1),
                options.getDouble("lr", 0.001), options.getInt("channels", 16, 1), options.getLong("seed", 0),
                Path.of(options.get("out", "out")), out);
    }

    public static Result train(ArrayDataset trainSet, ArrayDataset testSet, int epochs, int batchSize, double lr,
                               int channels, long seed, Path outDir, PrintStream out) throws IOException {
        NdRandom.seedGlobal(seed);
        long start = System.nanoTime();
        DataLoader trainLoader = new DataLoader(trainSet, batchSize);
        DataLoader testLoader = new DataLoader(testSet, batchSize, false);
        ConvNet model = new ConvNet(channels, 2 * channels, 100);
        Adam optimizer = new Adam(lr);
        optimizer.setup(model);
        out.printf("mnist-cnn: %d training / %d test images, channels %d/%d, batch %d, Adam(%s), %d epochs%n",
                trainSet.size(), testSet.size(), channels, 2 * channels, batchSize, lr, epochs);
        double[] trainLoss = new double[epochs];
        double[] trainAcc = new double[epochs];
        double[] testAcc = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            ProgressBar bar = new ProgressBar(out, String.format("epoch %2d/%d", epoch + 1, epochs), trainLoader.maxIter());
            double sumLoss = 0;
            double sumAcc = 0;
            for (Batch batch : trainLoader) {
                Variable y = model.apply(batch.x());
                Variable loss = F.softmaxCrossEntropy(y, batch.t());
                model.cleargrads();
                loss.backward();
                optimizer.update();
                sumLoss += loss.data().item() * batch.size();
                sumAcc += F.accuracy(y, batch.t()).data().item() * batch.size();
                bar.step(String.format(Locale.ROOT, "loss %.4f", loss.data().item()));
            }
            trainLoss[epoch] = sumLoss / trainSet.size();
            trainAcc[epoch] = sumAcc / trainSet.size();
            testAcc[epoch] = accuracy(model, testLoader);
            bar.finish(String.format(Locale.ROOT, "loss %.4f  train accuracy %.4f  test accuracy %.4f",
                    trainLoss[epoch], trainAcc[epoch], testAcc[epoch]));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("train accuracy", trainAcc);
        series.put("test accuracy", testAcc);
        Path plot = Plots.line(outDir.resolve("mnist-cnn.png"), "mnist-cnn: accuracy per epoch", "epoch", "accuracy",
                series);
        out.printf(Locale.ROOT, "test accuracy %.4f after %d epochs, %.1f s%n", testAcc[epochs - 1], epochs, seconds);
        out.println("wrote " + plot);
        return new Result(trainLoss, trainAcc, testAcc, seconds, plot);
    }

    /** Accuracy over a whole split, in test mode and without a graph. */
    static double accuracy(Model model, DataLoader loader) {
        double correct = 0;
        int n = 0;
        try (var noGrad = Config.noGrad(); var test = Config.testMode()) {
            for (Batch batch : loader) {
                correct += F.accuracy(model.apply(batch.x()), batch.t()).data().item() * batch.size();
                n += batch.size();
            }
        }
        return correct / n;
    }
}
