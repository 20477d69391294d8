package dezero.steps;

import dezero.Config;
import dezero.Variable;
import dezero.datasets.Batch;
import dezero.datasets.SeqDataLoader;
import dezero.datasets.SinCurve;
import dezero.functions.F;
import dezero.layers.LSTM;
import dezero.layers.Linear;
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
 * Step 60: LSTM and mini-batches of time series. A {@code SeqDataLoader} cuts the sine wave into
 * 30 sequences read in step (batch i takes the i-th value of each), so one update sees 30
 * sequences at once; the {@code LSTM} layer's gated cell state keeps information longer than
 * step 59's plain RNN. Same training loop and plot ({@code out/step60.png}) as step 59; the
 * prediction of the cosine is now close. {@code --out DIR} writes elsewhere.
 */
public final class Step60 {
    private Step60() {
    }

    static class BetterRNN extends Model {
        final LSTM rnn;
        final Linear fc;

        BetterRNN(int hiddenSize, int outSize) {
            this.rnn = new LSTM(hiddenSize);
            this.fc = new Linear(outSize);
        }

        void resetState() {
            rnn.resetState();
        }

        @Override
        protected Variable forward(Variable... inputs) {
            Variable y = rnn.apply(inputs[0]);
            y = fc.apply(y);
            return y;
        }
    }

    @SuppressWarnings("try") // the noGrad scope is not used inside its block
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length == 2 && args[0].equals("--out") ? args[1] : "out");
        NdRandom.seedGlobal(0);

        int maxEpoch = 100;
        int batchSize = 30;
        int hiddenSize = 100;
        int bpttLength = 30;

        SinCurve trainSet = new SinCurve(true);
        SeqDataLoader dataloader = new SeqDataLoader(trainSet, batchSize);
        int seqlen = trainSet.size();

        BetterRNN model = new BetterRNN(hiddenSize, 1);
        Optimizer optimizer = new Adam().setup(model);

        for (int epoch = 0; epoch < maxEpoch; epoch++) {
            model.resetState();
            Variable loss = Variable.of(0.0); // the book's loss = 0
            int count = 0;

            for (Batch batch : dataloader) {
                Variable y = model.apply(batch.x());
                loss = loss.add(F.meanSquaredError(y, new Variable(batch.t())));
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
        Path file = out.resolve("step60.png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        System.err.println("wrote " + file);
    }
}
