package dezero.examples;

import dezero.datasets.DataLoader;
import dezero.datasets.Spiral;
import dezero.examples.ui.Plots;
import dezero.examples.ui.ProgressBar;
import dezero.models.MLP;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.optimizers.SGD;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Steps 48–50: classify the three-armed spiral with {@code MLP((10, 3))} (sigmoid) trained by
 * SGD (lr 1.0) in mini-batches of 30 for 300 epochs, as the book's {@code steps/step50.py}.
 * The data are the reference's exactly and, as in the reference, the weights and batch orders
 * come from the global generator in the state that {@code Spiral(train=False)} leaves it in.
 * Prints train and test loss and accuracy, and writes the loss curve and the decision regions
 * as PNG files.
 */
public final class SpiralClassification implements Example {

    /** Per-epoch figures (index 0 is epoch 1) and the two plots. */
    public record Result(double[] trainLoss, double[] trainAccuracy, double[] testLoss, double[] testAccuracy,
                         Path lossPlot, Path boundaryPlot) {
        public double finalTestAccuracy() {
            return testAccuracy[testAccuracy.length - 1];
        }
    }

    @Override
    public String name() {
        return "spiral";
    }

    @Override
    public String summary() {
        return "steps 48-50: MLP (10 sigmoid, 3) on the spiral data, SGD lr 1.0; loss curve and decision boundary as PNG";
    }

    @Override
    public String options() {
        return "--epochs N   epochs (default 300)\n"
                + "--batch N    batch size (default 30)\n"
                + "--hidden N   hidden units (default 10)\n"
                + "--lr LR      learning rate (default 1.0)\n"
                + "--every K    print every K-th epoch, and the first and last (default 10; 1 prints all)\n"
                + "--out DIR    output directory of spiral_loss.png and spiral_boundary.png (default out/)";
    }

    @Override
    public void run(Options options, PrintStream out) throws IOException {
        train(options.getInt("epochs", 300, 1), options.getInt("batch", 30, 1), options.getInt("hidden", 10, 1),
                options.getDouble("lr", 1.0), options.getInt("every", 10, 1), Path.of(options.get("out", "out")), out);
    }

    public static Result train(int epochs, int batchSize, int hidden, double lr, int every, Path outDir,
                               PrintStream out) throws IOException {
        long start = System.nanoTime();
        // Like the reference: each split reseeds the global generator (1984, then 2020), and the
        // loader's shuffles and the lazily drawn weights continue from there.
        Spiral trainSet = new Spiral(true);
        Spiral testSet = new Spiral(false);
        DataLoader trainLoader = new DataLoader(trainSet, batchSize);
        DataLoader testLoader = new DataLoader(testSet, batchSize, false);
        MLP model = new MLP(new int[] {hidden, 3});
        var optimizer = new SGD(lr).setup(model);
        out.printf(Locale.ROOT, "spiral: %d training and %d test points in 3 classes; MLP (%d sigmoid, 3), "
                + "SGD lr %s, batch %d, %d epochs%n", trainSet.size(), testSet.size(), hidden, lr, batchSize, epochs);

        double[] trainLoss = new double[epochs];
        double[] trainAcc = new double[epochs];
        double[] testLoss = new double[epochs];
        double[] testAcc = new double[epochs];
        String width = Integer.toString(Integer.toString(epochs).length());
        for (int e = 0; e < epochs; e++) {
            boolean shown = e == 0 || e == epochs - 1 || (e + 1) % every == 0;
            ProgressBar bar = shown
                    ? new ProgressBar(out, String.format("epoch %" + width + "d/%d", e + 1, epochs), trainLoader.maxIter())
                    : null;
            Classifiers.Stats tr = Classifiers.trainEpoch(model, trainLoader, optimizer, bar);
            Classifiers.Stats te = Classifiers.evaluate(model, testLoader);
            trainLoss[e] = tr.loss();
            trainAcc[e] = tr.accuracy();
            testLoss[e] = te.loss();
            testAcc[e] = te.accuracy();
            if (bar != null) {
                bar.finish(String.format(Locale.ROOT, "train %s | test %s", tr.format(), te.format()));
            }
        }
        out.printf(Locale.ROOT, "test accuracy %.4f (train %.4f) after %d epochs, %.1f s%n", testAcc[epochs - 1],
                trainAcc[epochs - 1], epochs, (System.nanoTime() - start) / 1e9);

        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("train loss", trainLoss);
        curves.put("test loss", testLoss);
        Path lossPlot = Plots.line(outDir.resolve("spiral_loss.png"), "spiral: softmax cross-entropy per epoch",
                "epoch", "loss", curves);
        Path boundaryPlot = plotBoundary(model, trainSet, outDir.resolve("spiral_boundary.png"));
        out.println("wrote " + lossPlot.toAbsolutePath());
        out.println("wrote " + boundaryPlot.toAbsolutePath());
        return new Result(trainLoss, trainAcc, testLoss, testAcc, lossPlot, boundaryPlot);
    }

    /** The classes the model predicts over a grid around the training points, with the points on top. */
    private static Path plotBoundary(MLP model, Spiral trainSet, Path file) throws IOException {
        var all = Classifiers.all(trainSet);
        float[] xy = all.x().astype(DType.FLOAT32).floatData();
        long[] t = all.t().longData();
        double[] xs = new double[t.length];
        double[] ys = new double[t.length];
        int[] labels = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            xs[i] = xy[2 * i];
            ys[i] = xy[2 * i + 1];
            labels[i] = (int) t[i];
        }
        return Plots.decisionBoundary(file, "spiral: decision regions of the trained MLP (training points)",
                xs, ys, labels, (gx, gy) -> classify(model, gx, gy), 160);
    }

    /** The predicted class of each point (gx[i], gy[i]). */
    static int[] classify(MLP model, double[] gx, double[] gy) {
        float[] pts = new float[2 * gx.length];
        for (int i = 0; i < gx.length; i++) {
            pts[2 * i] = (float) gx[i];
            pts[2 * i + 1] = (float) gy[i];
        }
        long[] cls = Classifiers.predict(model, NdArray.wrap(pts, gx.length, 2)).argmax(1).longData();
        int[] out = new int[cls.length];
        for (int i = 0; i < cls.length; i++) {
            out[i] = (int) cls[i];
        }
        return out;
    }
}
