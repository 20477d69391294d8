package dezero.steps;

import dezero.Variable;
import dezero.ndarray.NdArray;

/**
 * Step 29: Newton's method. For y = x^4 - 2x^2, the update x <- x - y'(x) / y''(x) uses the
 * curvature as well as the slope and reaches the minimum at x = 1 in about seven iterations,
 * where gradient descent needs thousands. Backpropagation gives y'; y'' = 12x^2 - 4 is still
 * written by hand (steps 32-33 let backpropagation compute it).
 */
public final class Step29 {
    private Step29() {
    }

    static Variable f(Variable x) {
        Variable y = x.pow(4).sub(x.pow(2).mul(2));
        return y;
    }

    static NdArray gx2(NdArray x) {
        return x.pow(2).mul(12).sub(4);
    }

    public static void main(String[] args) {
        Variable x = Variable.of(2.0);
        int iters = 10;

        for (int i = 0; i < iters; i++) {
            System.out.println(i + " " + x);

            Variable y = f(x);
            x.cleargrad();
            y.backward();

            x.data().subi(x.grad().data().div(gx2(x.data())));
        }
    }
}
