package dezero.examples;

import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdArray;

import java.io.PrintStream;
import java.util.Random;

/**
 * Step 42: linear regression on 100 generated points y = 5 + 2x + noise, with x and the noise
 * uniform in [0, 1) (as the book's {@code np.random.rand}), so the best fit is about
 * W = 2, b = 5.5. W (1x1) and b (1) start at zero and are trained by gradient descent on the
 * mean squared error.
 */
public final class LinearRegression implements Example {

    /** The trained parameters, the first and final loss. */
    public record Result(double w, double b, double firstLoss, double finalLoss, int iters) {
    }

    @Override
    public String name() {
        return "linear-regression";
    }

    @Override
    public String summary() {
        return "step 42: fit y = Wx + b to 100 points y = 5 + 2x + noise by gradient descent (lr 0.1, 100 iters)";
    }

    @Override
    public String options() {
        return "--iters N    iterations (default 100)\n"
                + "--lr LR      learning rate (default 0.1)\n"
                + "--seed S     seed of the generated data (default 0)\n"
                + "--every K    print the loss every K iterations (default 10)";
    }

    @Override
    public void run(Options options, PrintStream out) {
        train(options.getInt("iters", 100, 1), options.getDouble("lr", 0.1), options.getLong("seed", 0),
                options.getInt("every", 10, 1), out);
    }

    /** The data set: x (100, 1) and y = 5 + 2x + noise (100, 1), both from a generator seeded with {@code seed}. */
    public static NdArray[] data(long seed) {
        Random rng = new Random(seed);
        int n = 100;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble();
        }
        for (int i = 0; i < n; i++) {
            y[i] = 5 + 2 * x[i] + rng.nextDouble();
        }
        return new NdArray[] {NdArray.wrap(x, n, 1), NdArray.wrap(y, n, 1)};
    }

    public static Variable predict(Variable x, Variable w, Variable b) {
        return F.matmul(x, w).add(b);
    }

    public static Result train(int iters, double lr, long seed, int every, PrintStream out) {
        NdArray[] xy = data(seed);
        Variable x = new Variable(xy[0]);
        Variable y = new Variable(xy[1]);
        Variable w = new Variable(NdArray.zeros(1, 1), "W");
        Variable b = new Variable(NdArray.zeros(1), "b");
        out.printf("linear regression: %d points y = 5 + 2x + noise (seed %d), W and b from zero, lr = %s, %d iterations%n",
                x.len(), seed, lr, iters);
        double firstLoss = Double.NaN;
        double lastLoss = Double.NaN;
        for (int i = 0; i < iters; i++) {
            Variable yPred = predict(x, w, b);
            Variable loss = F.meanSquaredError(y, yPred);
            w.cleargrad();
            b.cleargrad();
            loss.backward();
            w.setData(w.data().sub(w.grad().data().mul(lr)));
            b.setData(b.data().sub(b.grad().data().mul(lr)));
            lastLoss = loss.data().item();
            if (i == 0) {
                firstLoss = lastLoss;
            }
            if (i % every == 0 || i == iters - 1) {
                out.printf("iter %4d  loss = %-22s W = %-22s b = %s%n", i, lastLoss, w.data().item(), b.data().item());
            }
        }
        double finalLoss;
        try (var s = dezero.Config.noGrad()) {
            finalLoss = F.meanSquaredError(y, predict(x, w, b)).data().item();
        }
        out.println("trained: W = " + w.data() + ", b = " + b.data() + ", loss = " + finalLoss);
        out.println("(the data were drawn around W = 2, b = 5.5: the noise is uniform in [0, 1), mean 0.5)");
        return new Result(w.data().item(), b.data().item(), firstLoss, finalLoss, iters);
    }
}
