package dezero.examples;

import dezero.Config;
import dezero.Variable;
import dezero.datasets.Batch;
import dezero.datasets.SeqDataLoader;
import dezero.datasets.SinCurve;
import dezero.examples.ui.Plots;
import dezero.examples.ui.ProgressBar;
import dezero.functions.F;
import dezero.layers.LSTM;
import dezero.layers.Linear;
import dezero.models.Model;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.optimizers.Adam;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Step 60: an LSTM (then a linear layer) learns to predict the next value of a noisy sine wave
 * ({@link SinCurve}), fed by a {@link SeqDataLoader} and trained with truncated backpropagation
 * through time: the loss of {@code bptt} consecutive steps is backpropagated, then
 * {@code unchainBackward()} cuts the graph so the next stretch starts from the current state
 * without backpropagating into the past. After training, the model runs freely along
 * {@code cos(x)} over two periods (a curve it never saw) and the prediction is plotted against
 * the truth in {@code sin-lstm.png}.
 */
public final class SinLstm implements Example {

    /** Average loss per epoch, the test curve and the model's one-step predictions of it, the PNG. */
    public record Result(double[] epochLosses, double[] truth, double[] prediction, double predictionMse, Path plot) {
    }

    /** The book's BetterRNN: LSTM then Linear, with a resettable state. */
    static final class BetterRnn extends Model {
        private final LSTM rnn;
        private final Linear fc;

        BetterRnn(int hiddenSize, int outSize) {
            rnn = new LSTM(hiddenSize);
            fc = new Linear(outSize);
        }

        void resetState() {
            rnn.resetState();
        }

        @Override
        protected Variable forward(Variable... inputs) {
            return fc.apply(rnn.apply(inputs[0]));
        }
    }

    @Override
    public String name() {
        return "sin-lstm";
    }

    @Override
    public String summary() {
        return "step 60: LSTM on a noisy sine wave, truncated BPTT; plots its prediction of cos(x) (sin-lstm.png)";
    }

    @Override
    public String options() {
        return "--epochs N    training epochs (default 100)\n"
                + "--batch N     batch size: parallel stretches of the series (default 30)\n"
                + "--hidden N    LSTM hidden size (default 100)\n"
                + "--bptt N      steps backpropagated before the graph is cut (default 30)\n"
                + "--seed S      seed of the noise and the initial weights (default 0)\n"
                + "--out DIR     where sin-lstm.png goes (default out)";
    }

    @Override
    public void run(Options options, PrintStream out) throws IOException {
        train(options.getInt("epochs", 100, 1), options.getInt("batch", 30, 1), options.getInt("hidden", 100, 1),
                options.getInt("bptt", 30, 1), options.getLong("seed", 0), Path.of(options.get("out", "out")), out);
    }

    public static Result train(int epochs, int batchSize, int hiddenSize, int bpttLength, long seed, Path outDir,
                               PrintStream out) throws IOException {
        NdRandom.seedGlobal(seed);
        SinCurve trainSet = new SinCurve(true);
        SeqDataLoader loader = new SeqDataLoader(trainSet, batchSize);
        int seqLen = trainSet.size();
        BetterRnn model = new BetterRnn(hiddenSize, 1);
        Adam optimizer = new Adam();
        optimizer.setup(model);
        out.printf("sin-lstm: %d examples, batch %d (%d steps per epoch), hidden %d, bptt %d, %d epochs%n",
                seqLen, batchSize, loader.maxIter(), hiddenSize, bpttLength, epochs);

        double[] epochLosses = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            model.resetState();
            ProgressBar bar = new ProgressBar(out, String.format("epoch %3d/%d", epoch + 1, epochs), loader.maxIter());
            Variable loss = null;
            int count = 0;
            for (Batch batch : loader) {
                Variable y = model.apply(batch.x());
                Variable stepLoss = F.meanSquaredError(y, new Variable(batch.t()));
                loss = loss == null ? stepLoss : loss.add(stepLoss);
                count++;
                if (count % bpttLength == 0 || count == seqLen) {
                    model.cleargrads();
                    loss.backward();
                    // truncated BPTT: later steps build on the state, but backprop stops here
                    loss.unchainBackward();
                    optimizer.update();
                }
                bar.step(String.format(Locale.ROOT, "loss %.6f", loss.data().item() / count));
            }
            epochLosses[epoch] = loss.data().item() / count;
            bar.finish(String.format(Locale.ROOT, "loss %.6f", epochLosses[epoch]));
        }

        // free run along cos over two periods, one value at a time
        double[] truth = NdArray.linspace(0, 4 * Math.PI, 1000).cos().doubleData();
        double[] prediction = new double[truth.length];
        model.resetState();
        try (var noGrad = Config.noGrad()) {
            for (int i = 0; i < truth.length; i++) {
                prediction[i] = model.apply(NdArray.wrap(new double[] {truth[i]}, 1, 1)).data().item();
            }
        }
        // prediction[i] is the model's guess of truth[i + 1]
        double mse = 0;
        for (int i = 0; i + 1 < truth.length; i++) {
            mse += (prediction[i] - truth[i + 1]) * (prediction[i] - truth[i + 1]);
        }
        mse /= truth.length - 1;
        double[] index = new double[truth.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("y = cos(x)", new double[][] {index, truth});
        series.put("predict", new double[][] {index, prediction});
        Path plot = Plots.lineXY(outDir.resolve("sin-lstm.png"), "sin-lstm: LSTM prediction of cos(x), x in [0, 4 pi]",
                "step", "y", series);
        out.printf(Locale.ROOT, "one-step prediction of cos(x): mean squared error %.6f%n", mse);
        out.println("wrote " + plot);
        return new Result(epochLosses, truth, prediction, mse, plot);
    }
}
