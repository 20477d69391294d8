package dezero.steps;

import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdArray;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 34: the derivatives of sin. {@code F.sin}'s backward is built from differentiable
 * functions, so with {@code createGraph} the gradient can be differentiated again and again:
 * y = sin(x), y' = cos(x), y'' = -sin(x), y''' = -cos(x) over 200 points of [-7, 7]. The book
 * shows the four curves with matplotlib; this program draws them with XChart into
 * {@code out/step34.png} (standard error names the file) and, like the book's, prints nothing
 * on standard output. {@code --out DIR} writes elsewhere.
 */
public final class Step34 {
    private Step34() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length == 2 && args[0].equals("--out") ? args[1] : "out");
        Variable x = new Variable(NdArray.linspace(-7, 7, 200));
        Variable y = F.sin(x);
        y.backward(false, true);

        List<NdArray> logs = new ArrayList<>(List.of(y.data()));

        for (int i = 0; i < 3; i++) {
            logs.add(x.grad().data());
            Variable gx = x.grad();
            x.cleargrad();
            gx.backward(false, true);
        }

        // plot
        String[] labels = {"y=sin(x)", "y'", "y''", "y'''"};
        XYChart chart = new XYChartBuilder().width(640).height(480).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisDecimalPattern("#0.#");
        for (int i = 0; i < logs.size(); i++) {
            chart.addSeries(labels[i], x.data().toDoubleArray(), logs.get(i).toDoubleArray())
                    .setMarker(SeriesMarkers.NONE);
        }
        Files.createDirectories(out);
        Path file = out.resolve("step34.png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        System.err.println("wrote " + file);
    }
}
