package dezero.steps;

import dezero.Variable;

/**
 * Step 24: differentiating complicated functions. Three test functions of optimisation, the
 * sphere, Matyas and Goldstein-Price, are written with the operator methods just as they read on
 * paper, and one {@code backward()} gives their gradients at (1, 1). The operations keep the
 * book's order (e.g. {@code 19 - 14*x} is {@code x.mul(14).rsub(19)}), so the rounding is the
 * same as in Python.
 */
public final class Step24 {
    private Step24() {
    }

    static Variable sphere(Variable x, Variable y) {
        Variable z = x.pow(2).add(y.pow(2));
        return z;
    }

    static Variable matyas(Variable x, Variable y) {
        Variable z = x.pow(2).add(y.pow(2)).mul(0.26).sub(x.mul(0.48).mul(y));
        return z;
    }

    static Variable goldstein(Variable x, Variable y) {
        Variable a = x.add(y).add(1).pow(2)
                .mul(x.mul(14).rsub(19).add(x.pow(2).mul(3)).sub(y.mul(14)).add(x.mul(6).mul(y))
                        .add(y.pow(2).mul(3)));
        Variable b = x.mul(2).sub(y.mul(3)).pow(2)
                .mul(x.mul(32).rsub(18).add(x.pow(2).mul(12)).add(y.mul(48)).sub(x.mul(36).mul(y))
                        .add(y.pow(2).mul(27)));
        Variable z = a.add(1).mul(b.add(30));
        return z;
    }

    public static void main(String[] args) {
        Variable x = Variable.of(1.0);
        Variable y = Variable.of(1.0);
        Variable z = goldstein(x, y); // sphere(x, y) / matyas(x, y)
        z.backward();
        System.out.println(x.grad() + " " + y.grad());
    }
}
