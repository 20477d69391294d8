package dezero.examples;

import dezero.Variable;
import dezero.functions.F;

import java.io.PrintStream;

/**
 * Step 27: sin(x) as its Taylor series, summed until a term is smaller than a threshold; the
 * graph grows with the number of terms and backward differentiates it like any other.
 */
public final class TaylorSin implements Example {

    /** The Taylor value and gradient next to {@link F#sin}'s, and how many terms were summed. */
    public record Result(double taylorY, double taylorGrad, double sinY, double sinGrad, int terms) {
    }

    @Override
    public String name() {
        return "taylor-sin";
    }

    @Override
    public String summary() {
        return "step 27: sin(x) by Taylor series (threshold 1e-4) and its gradient vs F.sin";
    }

    @Override
    public String options() {
        return "--x X            the point (default pi/4)\n"
                + "--threshold T    stop when a term is below T in absolute value (default 1e-4)";
    }

    @Override
    public void run(Options options, PrintStream out) {
        compute(options.getDouble("x", Math.PI / 4), options.getDouble("threshold", 1e-4), out);
    }

    /** sin(x) = sum_i (-1)^i x^(2i+1) / (2i+1)!, stopping after the first term with |term| < threshold. */
    public static Variable taylorSin(Variable x, double threshold, int[] termsUsed) {
        Variable y = null;
        double factorial = 1.0; // (2i+1)!
        for (int i = 0; i < 100_000; i++) {
            if (i > 0) {
                factorial *= (2.0 * i) * (2.0 * i + 1);
            }
            double c = (i % 2 == 0 ? 1.0 : -1.0) / factorial;
            Variable t = x.pow(2 * i + 1).mul(c);
            y = y == null ? t : y.add(t);
            if (Math.abs(t.data().item()) < threshold) {
                if (termsUsed != null) {
                    termsUsed[0] = i + 1;
                }
                break;
            }
        }
        return y;
    }

    public static Result compute(double at, double threshold, PrintStream out) {
        Variable x = Variable.of(at);
        int[] terms = new int[1];
        Variable y = taylorSin(x, threshold, terms);
        y.backward();
        double ty = y.data().item();
        double tg = x.grad().data().item();

        Variable x2 = Variable.of(at);
        Variable s = F.sin(x2);
        s.backward();
        double sy = s.data().item();
        double sg = x2.grad().data().item();

        out.println("x = " + at + ", threshold = " + threshold + ", terms summed: " + terms[0]);
        out.println("Taylor series: sin(x) = " + ty + ", d/dx = " + tg);
        out.println("F.sin:         sin(x) = " + sy + ", d/dx = " + sg);
        out.printf("difference:    %.3e in value, %.3e in gradient%n", Math.abs(ty - sy), Math.abs(tg - sg));
        return new Result(ty, tg, sy, sg, terms[0]);
    }
}
