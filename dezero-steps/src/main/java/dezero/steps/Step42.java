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
 * Step 42: linear regression. 100 points y = 5 + 2x + noise are fitted with y = x W + b by
 * gradient descent on the mean squared error (written by hand here; step 43 uses
 * {@code F.meanSquaredError}), 100 iterations with learning rate 0.1, printing W, b and the loss
 * after each update. The data and the fitted line go to {@code out/step42.png} (the book shows
 * them with matplotlib). {@code --out DIR} writes elsewhere.
 */
public final class Step42 {
    private Step42() {
    }

    // the parameters, the book's W and b (set in main)
    static Variable w;
    static Variable b;

    static Variable predict(Variable x) {
        Variable y = F.matmul(x, w).add(b);
        return y;
    }

    static Variable meanSquaredError(Variable x0, Variable x1) {
        Variable diff = x0.sub(x1);
        return F.sum(diff.pow(2)).div(diff.len());
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length == 2 && args[0].equals("--out") ? args[1] : "out");
        // toy data set
        NdRandom.seedGlobal(0);
        NdArray xData = NdRandom.global().rand(100, 1);
        NdArray yData = xData.mul(2).add(5).add(NdRandom.global().rand(100, 1));
        Variable x = new Variable(xData);
        Variable y = new Variable(yData);

        w = new Variable(NdArray.zeros(1, 1));
        b = new Variable(NdArray.zeros(1));

        double lr = 0.1;
        int iters = 100;

        for (int i = 0; i < iters; i++) {
            Variable yPred = predict(x);
            Variable loss = meanSquaredError(y, yPred);

            w.cleargrad();
            b.cleargrad();
            loss.backward();

            // update the data in place (Python's -=): the update itself needs no graph
            w.data().subi(w.grad().data().mul(lr));
            b.data().subi(b.grad().data().mul(lr));
            System.out.println(w + " " + b + " " + loss);
        }

        // plot
        XYChart chart = new XYChartBuilder().width(640).height(480).xAxisTitle("x").yAxisTitle("y").build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("data", xData.toDoubleArray(), yData.toDoubleArray())
                .setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        chart.addSeries("fit", xData.toDoubleArray(), predict(x).data().toDoubleArray())
                .setMarker(SeriesMarkers.NONE).setLineColor(Color.RED);
        Files.createDirectories(out);
        Path file = out.resolve("step42.png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        System.err.println("wrote " + file);
    }
}
