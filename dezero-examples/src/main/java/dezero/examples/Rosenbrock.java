package dezero.examples;

import dezero.Variable;

import java.io.PrintStream;

/**
 * Step 28: minimising the Rosenbrock function y = 100 (x1 - x0^2)^2 + (x0 - 1)^2 by plain
 * gradient descent from (0, 2). The minimum is at (1, 1), at the end of a long flat valley, so
 * it takes tens of thousands of small steps.
 */
public final class Rosenbrock implements Example {

    /** The final point and value. */
    public record Result(double x0, double x1, double y, int iters) {
    }

    @Override
    public String name() {
        return "rosenbrock";
    }

    @Override
    public String summary() {
        return "step 28: gradient descent on Rosenbrock from (0, 2), lr 0.001, 50,000 iterations -> (1, 1)";
    }

    @Override
    public String options() {
        return "--iters N    iterations (default 50000)\n"
                + "--lr LR      learning rate (default 0.001)\n"
                + "--every K    print progress every K iterations (default 5000)";
    }

    @Override
    public void run(Options options, PrintStream out) {
        train(options.getInt("iters", 50_000, 0), options.getDouble("lr", 0.001), options.getInt("every", 5000, 1), out);
    }

    public static Variable rosenbrock(Variable x0, Variable x1) {
        return x1.sub(x0.pow(2)).pow(2).mul(100).add(x0.sub(1).pow(2));
    }

    public static Result train(int iters, double lr, int every, PrintStream out) {
        Variable x0 = Variable.of(0.0);
        Variable x1 = Variable.of(2.0);
        out.printf("gradient descent on y = 100 (x1 - x0^2)^2 + (x0 - 1)^2 from (0, 2), lr = %s, %d iterations%n", lr, iters);
        long start = System.nanoTime();
        for (int i = 0; i < iters; i++) {
            Variable y = rosenbrock(x0, x1);
            if (i % every == 0) {
                out.printf("iter %6d  x0 = %-20s x1 = %-20s y = %s%n", i, x0.data().item(), x1.data().item(),
                        y.data().item());
            }
            x0.cleargrad();
            x1.cleargrad();
            y.backward();
            x0.setData(x0.data().sub(x0.grad().data().mul(lr)));
            x1.setData(x1.data().sub(x1.grad().data().mul(lr)));
        }
        double y = rosenbrock(x0, x1).data().item();
        double secs = (System.nanoTime() - start) / 1e9;
        out.printf("final      x0 = %-20s x1 = %-20s y = %s%n", x0.data().item(), x1.data().item(), y);
        out.printf("(the minimum is at (1, 1); %d iterations took %.2f s)%n", iters, secs);
        return new Result(x0.data().item(), x1.data().item(), y, iters);
    }
}
