package dezero.steps;

import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Step 43: a neural network. A straight line cannot fit y = sin(2 pi x) + noise; two linear
 * maps with a sigmoid between them (1 -> 10 -> 1) can. The weights start small and random, the
 * biases at zero, and 10,000 steps of gradient descent (learning rate 0.2) bring the mean squared
 * error from 0.85 to 0.077; the loss is printed every 1,000 iterations. The data and the fitted
 * curve go to {@code out/step43.png}. {@code --out DIR} writes elsewhere.
 */
public final class Step43 {
    private Step43() {
    }

    // the parameters, the book's W1, b1, W2, b2 (set in main)
    static Variable w1;
    static Variable b1;
    static Variable w2;
    static Variable b2;

    static Variable predict(Variable x) {
        Variable y = F.linear(x, w1, b1);
        y = F.sigmoid(y);
        y = F.linear(y, w2, b2);
        return y;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length == 2 && args[0].equals("--out") ? args[1] : "out");
        NdRandom.seedGlobal(0);
        NdArray x = NdRandom.global().rand(100, 1);
        NdArray y = x.mul(2 * Math.PI).sin().add(NdRandom.global().rand(100, 1));

        int inSize = 1;
        int hiddenSize = 10;
        int outSize = 1;
        w1 = new Variable(NdRandom.global().randn(inSize, hiddenSize).mul(0.01));
        b1 = new Variable(NdArray.zeros(hiddenSize));
        w2 = new Variable(NdRandom.global().randn(hiddenSize, outSize).mul(0.01));
        b2 = new Variable(NdArray.zeros(outSize));

        double lr = 0.2;
        int iters = 10000;

        for (int i = 0; i < iters; i++) {
            Variable yPred = predict(new Variable(x));
            Variable loss = F.meanSquaredError(new Variable(y), yPred);

            w1.cleargrad();
            b1.cleargrad();
            w2.cleargrad();
            b2.cleargrad();
            loss.backward();

            w1.data().subi(w1.grad().data().mul(lr));
            b1.data().subi(b1.grad().data().mul(lr));
            w2.data().subi(w2.grad().data().mul(lr));
            b2.data().subi(b2.grad().data().mul(lr));
            if (i % 1000 == 0) {
                System.out.println(loss);
            }
        }

        // plot
        XYChart chart = new XYChartBuilder().width(640).height(480).xAxisTitle("x").yAxisTitle("y").build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("data", x.toDoubleArray(), y.toDoubleArray())
                .setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        NdArray t = NdArray.arange(0, 1, .01).reshape(-1, 1);
        NdArray yPred = predict(new Variable(t)).data();
        chart.addSeries("fit", t.toDoubleArray(), yPred.toDoubleArray())
                .setMarker(SeriesMarkers.NONE).setLineColor(Color.RED);
        Files.createDirectories(out);
        Path file = out.resolve("step43.png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        System.err.println("wrote " + file);
    }
}
