package dezero.steps;

import dezero.Config;
import dezero.Variable;
import dezero.datasets.Example;
import dezero.datasets.SinCurve;
import dezero.functions.F;
import dezero.layers.Linear;
import dezero.layers.RNN;
import dezero.models.Model;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.optimizers.Adam;
import dezero.optimizers.Optimizer;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Step 59: a recurrent network. An RNN layer keeps a hidden state from one call to the next, so
 * a sequence fed one value at a time leaves a trace: trained on a noisy sine wave to predict each
 * next value, it learns the curve. The loss is summed over the sequence and backpropagated every
 * 30 steps, after which {@code unchainBackward()} cuts the graph (truncated backpropagation
 * through time); Adam updates the weights. 100 epochs, printing the average loss of each. The
 * trained model then predicts a cosine it never saw; the prediction and the truth go to
 * {@code out/step59.png}. {@code --out DIR} writes elsewhere.
 */
public final class Step59 {
    private Step59() {
    }

    static class SimpleRNN extends Model {
        final RNN rnn;
        final Linear fc;

        SimpleRNN(int hiddenSize, int outSize) {
            this.rnn = new RNN(hiddenSize);
            this.fc = new Linear(outSize);
        }

        void resetState() {
            rnn.resetState();
        }

        @Override
        protected Variable forward(Variable... inputs) {
            Variable h = rnn.apply(inputs[0]);
            Variable y = fc.apply(h);
            return y;
        }
    }

    @SuppressWarnings("try") // the noGrad scope is not used inside its block
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length == 2 && args[0].equals("--out") ? args[1] : "out");
        NdRandom.seedGlobal(0);

        // hyperparameters
        int maxEpoch = 100;
        int hiddenSize = 100;
        int bpttLength = 30;

        SinCurve trainSet = new SinCurve(true);
        int seqlen = trainSet.size();

        SimpleRNN model = new SimpleRNN(hiddenSize, 1);
        Optimizer optimizer = new Adam().setup(model);

        // start training
        for (int epoch = 0; epoch < maxEpoch; epoch++) {
            model.resetState();
            Variable loss = Variable.of(0.0); // the book's loss = 0
            int count = 0;

            for (Example example : trainSet) {
                NdArray x = example.x().reshape(1, 1);
                Variable y = model.apply(x);
                loss = loss.add(F.meanSquaredError(y, new Variable(example.t())));
                count += 1;

                if (count % bpttLength == 0 || count == seqlen) {
                    model.cleargrads();
                    loss.backward();
                    loss.unchainBackward();
                    optimizer.update();
                }
            }
            double avgLoss = loss.data().item() / count;
            System.out.printf(Locale.ROOT, "| epoch %d | loss %f%n", epoch + 1, avgLoss);
        }

        // plot
        double[] xs = NdArray.linspace(0, 4 * Math.PI, 1000).cos().toDoubleArray();
        model.resetState();
        double[] predList = new double[xs.length];
        try (Config.Scope noGrad = Config.noGrad()) {
            for (int i = 0; i < xs.length; i++) {
                NdArray x = NdArray.scalar(xs[i]).reshape(1, 1);
                Variable y = model.apply(x);
                predList[i] = y.data().item();
            }
        }
        double[] steps = NdArray.arange(xs.length).astype(DType.FLOAT64).toDoubleArray();
        XYChart chart = new XYChartBuilder().width(640).height(480).xAxisTitle("x").yAxisTitle("y").build();
        chart.getStyler().setXAxisDecimalPattern("#0");
        chart.addSeries("y=cos(x)", steps, xs).setMarker(SeriesMarkers.NONE);
        chart.addSeries("predict", steps, predList).setMarker(SeriesMarkers.NONE);
        Files.createDirectories(out);
        Path file = out.resolve("step59.png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        System.err.println("wrote " + file);
    }
}
