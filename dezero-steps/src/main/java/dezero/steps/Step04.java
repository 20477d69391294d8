package dezero.steps;

import dezero.ndarray.NdArray;

import java.util.function.UnaryOperator;

/**
 * Step 4: numerical differentiation. The central difference (f(x + eps) - f(x - eps)) / 2eps
 * approximates a derivative with nothing but forward passes: of x^2 at 2 (exactly 4) and of the
 * composed function (e^(x^2))^2 at 0.5. It is slow and inexact, which is why the next steps
 * build backpropagation, but it stays useful to check gradients (step 10).
 *
 * <p>{@code numericalDiff} takes anything that maps a Variable to a Variable: a Function's
 * {@code call} or a plain method such as {@link #f}.
 */
public final class Step04 {
    private Step04() {
    }

    static class Variable {
        NdArray data;

        Variable(NdArray data) {
            this.data = data;
        }
    }

    abstract static class Function {
        Variable input;
        Variable output;

        Variable call(Variable input) {
            NdArray x = input.data;
            NdArray y = forward(x);
            Variable output = new Variable(y);
            this.input = input;
            this.output = output;
            return output;
        }

        abstract NdArray forward(NdArray x);
    }

    static class Square extends Function {
        @Override
        NdArray forward(NdArray x) {
            return x.pow(2);
        }
    }

    static class Exp extends Function {
        @Override
        NdArray forward(NdArray x) {
            return x.exp();
        }
    }

    static NdArray numericalDiff(UnaryOperator<Variable> f, Variable x) {
        return numericalDiff(f, x, 1e-4);
    }

    static NdArray numericalDiff(UnaryOperator<Variable> f, Variable x, double eps) {
        Variable x0 = new Variable(x.data.sub(eps));
        Variable x1 = new Variable(x.data.add(eps));
        Variable y0 = f.apply(x0);
        Variable y1 = f.apply(x1);
        return y1.data.sub(y0.data).div(2 * eps);
    }

    static Variable f(Variable x) {
        Function a = new Square();
        Function b = new Exp();
        Function c = new Square();
        return c.call(b.call(a.call(x)));
    }

    public static void main(String[] args) {
        Function square = new Square();
        Variable x = new Variable(NdArray.scalar(2.0));
        NdArray dy = numericalDiff(square::call, x);
        System.out.println(dy);

        x = new Variable(NdArray.scalar(0.5));
        dy = numericalDiff(Step04::f, x);
        System.out.println(dy);
    }
}
