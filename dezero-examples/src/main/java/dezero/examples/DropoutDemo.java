package dezero.examples;

import dezero.Config;
import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Step 54: dropout in train mode and in test mode. As the book's {@code steps/step54.py}, x is
 * {@code np.ones(5)}; in train mode (the default) {@code F.dropout} zeroes each element with
 * probability {@code ratio} and scales the others by {@code 1 / (1 - ratio)} (inverted dropout),
 * so the expected value is unchanged; inside {@code Config.testMode()} it returns x itself. The
 * masks come from the global generator seeded with {@code --seed}, so they are the ones NumPy
 * draws after {@code np.random.seed(seed)}. The example also shows that the gradient flows only
 * through the kept elements, and the mean over many elements stays near 1.
 */
public final class DropoutDemo implements Example {

    /** x, dropout(x) in train mode, its gradient, dropout(x) in test mode, and the train-mode mean over {@code large} ones. */
    public record Result(NdArray x, NdArray train, NdArray trainGrad, NdArray test, double largeMean, int large) {
    }

    @Override
    public String name() {
        return "dropout";
    }

    @Override
    public String summary() {
        return "step 54: F.dropout on ones(5) in train mode (masked and scaled) and in test mode (unchanged)";
    }

    @Override
    public String options() {
        return "--ratio R    probability of dropping an element (default 0.5)\n"
                + "--size N     elements of x (default 5)\n"
                + "--seed S     seed of the masks (default 0)";
    }

    @Override
    public void run(Options options, PrintStream out) {
        double ratio = options.getDouble("ratio", 0.5);
        if (!(ratio >= 0 && ratio < 1)) {
            throw new Options.UsageException("option '--ratio' must be in [0, 1), got " + ratio);
        }
        show(ratio, options.getInt("size", 5, 1), options.getLong("seed", 0), out);
    }

    public static Result show(double ratio, int size, long seed, PrintStream out) {
        NdRandom.seedGlobal(seed);
        Variable x = new Variable(NdArray.ones(size));
        out.printf(Locale.ROOT, "dropout ratio %s, masks from seed %d%n", ratio, seed);
        out.println("x                    = " + x.data());

        Variable y = F.dropout(x, ratio);
        out.println("train mode:   y      = " + y.data() + "   (kept elements scaled by 1 / (1 - ratio) = "
                + 1 / (1 - ratio) + ")");
        F.sum(y).backward();
        out.println("              dsum/dx = " + x.grad().data() + "   (gradient only through the kept elements)");

        NdArray test;
        try (var mode = Config.testMode()) {
            test = F.dropout(x, ratio).data();
        }
        out.println("test mode:    y      = " + test + "   (x itself: nothing dropped, nothing scaled)");

        int large = 100_000;
        double mean = F.dropout(new Variable(NdArray.ones(large)), ratio).data().mean().item();
        out.printf(Locale.ROOT, "train mode over %,d ones: mean %.4f (the expectation stays 1)%n", large, mean);
        return new Result(x.data(), y.data(), x.grad().data(), test, mean, large);
    }
}
