package dezero.steps;

import dezero.Config;
import dezero.Variable;
import dezero.datasets.Batch;
import dezero.datasets.Spiral;
import dezero.functions.F;
import dezero.models.MLP;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.optimizers.Optimizer;
import dezero.optimizers.SGD;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Step 48: training in mini-batches. The spiral data set has 300 points of three classes that no
 * straight line separates. Each epoch shuffles the points ({@code permutation}) and takes them in
 * batches of 30; an MLP (10 sigmoid units, 3 outputs) learns with SGD (learning rate 1.0) and
 * the softmax cross-entropy, and the average loss of each of the 300 epochs is printed. The
 * decision regions with the data on top go to {@code out/step48.png}: the book evaluates the
 * model on a grid with step 0.001; this program uses 0.01 (48,400 points rather than 4.8 million,
 * the same picture). {@code --out DIR} writes elsewhere.
 */
public final class Step48 {
    private Step48() {
    }

    @SuppressWarnings("try") // the noGrad scope is not used inside its block
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length == 2 && args[0].equals("--out") ? args[1] : "out");
        NdRandom.seedGlobal(0);

        // hyperparameters
        int maxEpoch = 300;
        int batchSize = 30;
        int hiddenSize = 10;
        double lr = 1.0;

        Batch data = Spiral.getSpiral(true);
        NdArray x = data.x();
        NdArray t = data.t();
        MLP model = new MLP(new int[] {hiddenSize, 3});
        Optimizer optimizer = new SGD(lr).setup(model);

        int dataSize = x.shape(0);
        int maxIter = (int) Math.ceil((double) dataSize / batchSize);

        for (int epoch = 0; epoch < maxEpoch; epoch++) {
            // shuffle the order of the data
            NdArray index = NdRandom.global().permutation(dataSize);
            double sumLoss = 0;

            for (int i = 0; i < maxIter; i++) {
                Index batchIndex = Index.array(index.getItem(Index.slice(i * batchSize, (i + 1) * batchSize)));
                NdArray batchX = x.getItem(batchIndex);
                NdArray batchT = t.getItem(batchIndex);

                Variable y = model.apply(batchX);
                Variable loss = F.softmaxCrossEntropy(y, batchT);
                model.cleargrads();
                loss.backward();
                optimizer.update();

                sumLoss += loss.data().item() * batchT.shape(0);
            }

            // the average loss of the epoch
            double avgLoss = sumLoss / dataSize;
            System.out.printf(Locale.ROOT, "epoch %d, loss %.2f%n", epoch + 1, avgLoss);
        }

        // plot the regions the model predicts for each class
        double h = 0.01;
        NdArray x0 = x.getItem(Index.all(), Index.at(0));
        NdArray x1 = x.getItem(Index.all(), Index.at(1));
        double xMin = x0.min().item() - .1;
        double xMax = x0.max().item() + .1;
        double yMin = x1.min().item() - .1;
        double yMax = x1.max().item() + .1;
        int nx = (int) Math.ceil((xMax - xMin) / h);
        int ny = (int) Math.ceil((yMax - yMin) / h);
        double[] grid = new double[nx * ny * 2];
        for (int i = 0; i < ny; i++) {
            for (int j = 0; j < nx; j++) {
                grid[(i * nx + j) * 2] = xMin + j * h;
                grid[(i * nx + j) * 2 + 1] = yMin + i * h;
            }
        }
        NdArray gridX = NdArray.wrap(grid, nx * ny, 2);
        NdArray predictCls;
        try (Config.Scope noGrad = Config.noGrad()) {
            Variable score = model.apply(gridX);
            predictCls = score.data().argmax(1);
        }

        Color[] colors = {Color.ORANGE, Color.BLUE, new Color(0, 128, 0)};
        Marker[] markers = {SeriesMarkers.CIRCLE, SeriesMarkers.CROSS, SeriesMarkers.TRIANGLE_UP};
        XYChart chart = new XYChartBuilder().width(640).height(600).build();
        chart.getStyler().setXAxisMin(xMin).setXAxisMax(xMax).setYAxisMin(yMin).setYAxisMax(yMax);
        chart.getStyler().setLegendVisible(false).setMarkerSize(4);
        for (int c = 0; c < 3; c++) {
            NdArray region = gridX.getItem(Index.array(predictCls.eq(c)));
            XYSeries s = chart.addSeries("region " + c, region.getItem(Index.all(), Index.at(0)).toDoubleArray(),
                    region.getItem(Index.all(), Index.at(1)).toDoubleArray());
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.SQUARE)
                    .setMarkerColor(new Color(colors[c].getRed(), colors[c].getGreen(), colors[c].getBlue(), 60));
        }
        for (int c = 0; c < 3; c++) {
            NdArray points = x.getItem(Index.array(t.eq(c)));
            chart.addSeries("class " + c, points.getItem(Index.all(), Index.at(0)).toDoubleArray(),
                    points.getItem(Index.all(), Index.at(1)).toDoubleArray())
                    .setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter).setMarker(markers[c])
                    .setMarkerColor(colors[c]);
        }
        Files.createDirectories(out);
        Path file = out.resolve("step48.png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        System.err.println("wrote " + file);
    }
}
