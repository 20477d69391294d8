package dezero.examples;

import dezero.Config;
import dezero.Variable;
import dezero.examples.ui.Plots;
import dezero.functions.F;
import dezero.models.MLP;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.optimizers.SGD;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Steps 43–46: a neural network fits y = sin(2 pi x) + noise. As the book's {@code steps/step46.py}:
 * {@code np.random.seed(0)}, 100 points x uniform in [0, 1), noise uniform in [0, 1),
 * {@code MLP((10, 1))} (sigmoid hidden layer), mean squared error, {@code SGD(0.2)}, 10,000
 * full-batch iterations. The data and the initial weights are the reference's draws (the global
 * generator reproduces NumPy's), so the printed losses follow the book's. Writes the data and the
 * fitted curve as a PNG.
 */
public final class SinRegression implements Example {

    /** The losses printed (iterations 0, every, 2*every, ...), the loss after training, and the plot. */
    public record Result(double[] printedLosses, double finalLoss, Path plot) {
    }

    @Override
    public String name() {
        return "sin-regression";
    }

    @Override
    public String summary() {
        return "steps 43-46: MLP (10 sigmoid, 1) fits sin(2 pi x) + noise, SGD lr 0.2, 10,000 iters; data and fit as PNG";
    }

    @Override
    public String options() {
        return "--iters N    iterations (default 10000)\n"
                + "--lr LR      learning rate (default 0.2)\n"
                + "--hidden N   hidden units (default 10)\n"
                + "--every K    print the loss every K iterations (default 1000)\n"
                + "--out DIR    output directory of sin_regression.png (default out/)";
    }

    @Override
    public void run(Options options, PrintStream out) throws IOException {
        train(options.getInt("iters", 10_000, 1), options.getDouble("lr", 0.2), options.getInt("hidden", 10, 1),
                options.getInt("every", 1000, 1), Path.of(options.get("out", "out")), out);
    }

    /** The book's data: seed 0, x = rand(100, 1), y = sin(2 pi x) + rand(100, 1), from the global generator. */
    public static NdArray[] data() {
        NdRandom.seedGlobal(0);
        NdArray x = NdRandom.global().rand(100, 1);
        NdArray y = x.mul(2 * Math.PI).sin().add(NdRandom.global().rand(100, 1));
        return new NdArray[] {x, y};
    }

    public static Result train(int iters, double lr, int hidden, int every, Path outDir, PrintStream out)
            throws IOException {
        NdArray[] xy = data();
        Variable x = new Variable(xy[0]);
        Variable y = new Variable(xy[1]);
        MLP model = new MLP(new int[] {hidden, 1});
        var optimizer = new SGD(lr).setup(model);
        out.printf(Locale.ROOT, "sin regression: 100 points y = sin(2 pi x) + noise (seed 0); MLP (%d sigmoid, 1), "
                + "SGD lr %s, %d iterations%n", hidden, lr, iters);
        double[] printed = new double[(iters + every - 1) / every];
        for (int i = 0; i < iters; i++) {
            Variable loss = F.meanSquaredError(y, model.apply(x));
            model.cleargrads();
            loss.backward();
            optimizer.update();
            if (i % every == 0) {
                printed[i / every] = loss.data().item();
                out.printf(Locale.ROOT, "iter %5d  loss %.6f%n", i, loss.data().item());
            }
        }
        double finalLoss;
        try (var s = Config.noGrad()) {
            finalLoss = F.meanSquaredError(y, model.apply(x)).data().item();
        }
        out.printf(Locale.ROOT, "trained: loss %.6f (the noise, uniform in [0, 1), has variance 1/12 = %.4f: the floor for a perfect fit "
                + "of the curve, give or take the sample)%n",
                finalLoss, 1.0 / 12);
        Path plot = plot(model, xy[0], xy[1], outDir.resolve("sin_regression.png"));
        out.println("wrote " + plot.toAbsolutePath());
        return new Result(printed, finalLoss, plot);
    }

    private static Path plot(MLP model, NdArray x, NdArray y, Path file) throws IOException {
        int n = 400;
        NdArray grid = NdArray.linspace(0, 1, n).reshape(n, 1);
        NdArray pred;
        try (var s = Config.noGrad()) {
            pred = model.apply(grid).data().astype(DType.FLOAT64);
        }
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("data", new double[][] {x.copy().doubleData(), y.copy().doubleData()});
        series.put("prediction", new double[][] {grid.copy().doubleData(), pred.copy().doubleData()});
        return Plots.scatter(file, "sin regression: data and the trained MLP", series);
    }
}
