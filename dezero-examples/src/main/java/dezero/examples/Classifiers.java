package dezero.examples;

import dezero.Config;
import dezero.Variable;
import dezero.datasets.Batch;
import dezero.datasets.DataLoader;
import dezero.datasets.Dataset;
import dezero.examples.ui.ProgressBar;
import dezero.functions.F;
import dezero.layers.Layer;
import dezero.ndarray.NdArray;
import dezero.optimizers.Optimizer;

import java.util.Locale;

/**
 * The training and evaluation loops that the classification examples (spiral, MNIST, save-load)
 * share: the book's step 50/51 loop with softmax cross-entropy, summing loss and accuracy
 * weighted by batch size.
 */
final class Classifiers {
    private Classifiers() {
    }

    /** Average loss and accuracy over one pass of a data set. */
    record Stats(double loss, double accuracy) {
        String format() {
            return String.format(Locale.ROOT, "loss %.4f  accuracy %.4f", loss, accuracy);
        }
    }

    /**
     * One epoch: for every batch of {@code loader}, forward, softmax cross-entropy, backward and an
     * optimizer step. {@code bar} (may be null) advances once per batch showing the running loss.
     */
    static Stats trainEpoch(Layer model, DataLoader loader, Optimizer optimizer, ProgressBar bar) {
        double sumLoss = 0;
        double sumAcc = 0;
        int seen = 0;
        for (Batch b : loader) {
            Variable y = model.apply(b.x());
            Variable loss = F.softmaxCrossEntropy(y, b.t());
            Variable acc = F.accuracy(y, b.t());
            model.cleargrads();
            loss.backward();
            optimizer.update();
            sumLoss += loss.data().item() * b.size();
            sumAcc += acc.data().item() * b.size();
            seen += b.size();
            if (bar != null) {
                bar.step(String.format(Locale.ROOT, "loss %.4f", sumLoss / seen));
            }
        }
        return new Stats(sumLoss / seen, sumAcc / seen);
    }

    /** Loss and accuracy over one pass of {@code loader}, in test mode and without recording a graph. */
    static Stats evaluate(Layer model, DataLoader loader) {
        double sumLoss = 0;
        double sumAcc = 0;
        int seen = 0;
        try (var noGrad = Config.noGrad(); var test = Config.testMode()) {
            for (Batch b : loader) {
                Variable y = model.apply(b.x());
                sumLoss += F.softmaxCrossEntropy(y, b.t()).data().item() * b.size();
                sumAcc += F.accuracy(y, b.t()).data().item() * b.size();
                seen += b.size();
            }
        }
        return new Stats(sumLoss / seen, sumAcc / seen);
    }

    /** Every example of {@code dataset} as one batch, in index order. */
    static Batch all(Dataset dataset) {
        int[] index = new int[dataset.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        return dataset.getBatch(index);
    }

    /** The model's outputs (scores) for {@code x}, in test mode and without recording a graph. */
    static NdArray predict(Layer model, NdArray x) {
        try (var noGrad = Config.noGrad(); var test = Config.testMode()) {
            return model.apply(x).data();
        }
    }
}
