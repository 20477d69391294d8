package dezero.examples;

import dezero.Variable;

import java.io.PrintStream;
import java.util.function.BinaryOperator;

/**
 * Step 24: gradients of three optimisation benchmark functions at (1, 1), written with the
 * Variable operators.
 */
public final class Gradients implements Example {

    /** The value and gradient of one function. */
    public record Result(String function, double z, double gradX, double gradY) {
    }

    @Override
    public String name() {
        return "gradients";
    }

    @Override
    public String summary() {
        return "step 24: sphere, matyas and Goldstein-Price gradients at (1, 1)";
    }

    @Override
    public void run(Options options, PrintStream out) {
        compute(out);
    }

    /** z = x^2 + y^2. */
    public static Variable sphere(Variable x, Variable y) {
        return x.pow(2).add(y.pow(2));
    }

    /** z = 0.26 (x^2 + y^2) - 0.48 x y. */
    public static Variable matyas(Variable x, Variable y) {
        return x.pow(2).add(y.pow(2)).mul(0.26).sub(x.mul(y).mul(0.48));
    }

    /**
     * z = [1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)]
     *   * [30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)].
     */
    public static Variable goldsteinPrice(Variable x, Variable y) {
        Variable a = x.add(y).add(1).pow(2);
        Variable b = x.mul(-14).add(19).add(x.pow(2).mul(3)).sub(y.mul(14)).add(x.mul(y).mul(6)).add(y.pow(2).mul(3));
        Variable c = x.mul(2).sub(y.mul(3)).pow(2);
        Variable d = x.mul(-32).add(18).add(x.pow(2).mul(12)).add(y.mul(48)).sub(x.mul(y).mul(36))
                .add(y.pow(2).mul(27));
        return a.mul(b).add(1).mul(c.mul(d).add(30));
    }

    /** Evaluates each function at (1, 1), backpropagates and prints the gradient. */
    public static Result[] compute(PrintStream out) {
        Result[] results = {
                evaluate("sphere", Gradients::sphere, out, "(2, 2)"),
                evaluate("matyas", Gradients::matyas, out, "(0.04, 0.04)"),
                evaluate("goldstein-price", Gradients::goldsteinPrice, out, "(-5376, 8064)"),
        };
        return results;
    }

    private static Result evaluate(String name, BinaryOperator<Variable> f, PrintStream out, String expected) {
        Variable x = Variable.of(1.0);
        Variable y = Variable.of(1.0);
        Variable z = f.apply(x, y);
        z.backward();
        double gx = x.grad().data().item();
        double gy = y.grad().data().item();
        out.printf("%-16s z(1, 1) = %-8s  grad = (%s, %s)   book: %s%n", name, fmt(z.data().item()), fmt(gx), fmt(gy),
                expected);
        return new Result(name, z.data().item(), gx, gy);
    }

    static String fmt(double v) {
        return Double.toString(v);
    }
}
