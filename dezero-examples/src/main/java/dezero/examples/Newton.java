package dezero.examples;

import dezero.Variable;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 33: Newton's method on y = x^4 - 2x^2 from x = 2. The second derivative is not written
 * by hand: backward with {@code createGraph=true} records the graph of the first derivative,
 * and a second backward through it gives y''.
 */
public final class Newton implements Example {

    /** The iterates x_0 = 2, x_1, ... (one more than the number of iterations). */
    public record Result(List<Double> iterates) {
        public double last() {
            return iterates.get(iterates.size() - 1);
        }
    }

    @Override
    public String name() {
        return "newton";
    }

    @Override
    public String summary() {
        return "step 33: Newton's method on x^4 - 2x^2 from x = 2, y'' by double backprop -> 1.0";
    }

    @Override
    public String options() {
        return "--iters N    Newton iterations (default 10)";
    }

    @Override
    public void run(Options options, PrintStream out) {
        optimize(options.getInt("iters", 10, 0), out);
    }

    public static Variable f(Variable x) {
        return x.pow(4).sub(x.pow(2).mul(2));
    }

    public static Result optimize(int iters, PrintStream out) {
        Variable x = Variable.of(2.0);
        List<Double> seq = new ArrayList<>();
        out.println("Newton's method on y = x^4 - 2x^2, x <- x - y'/y'' with y'' from double backprop");
        for (int i = 0; i < iters; i++) {
            seq.add(x.data().item());
            Variable y = f(x);
            x.cleargrad();
            y.backward(false, true);           // records the graph of y' = 4x^3 - 4x
            Variable gx = x.grad();
            x.cleargrad();
            gx.backward();                      // y'' = 12x^2 - 4
            Variable gx2 = x.grad();
            out.printf("%2d  x = %-20s y' = %-24s y'' = %s%n", i, x.data().item(), gx.data().item(),
                    gx2.data().item());
            x.setData(x.data().sub(gx.data().div(gx2.data())));
        }
        seq.add(x.data().item());
        out.printf("%2d  x = %s   (the minimum is at x = 1)%n", iters, x.data().item());
        return new Result(seq);
    }
}
