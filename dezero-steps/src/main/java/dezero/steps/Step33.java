package dezero.steps;

import dezero.Variable;

/**
 * Step 33: Newton's method with the second derivative from backpropagation. With
 * {@code backward(false, true)} (retainGrad false, createGraph true) the gradient gx = y'(x) is a
 * Variable with a graph; clearing x's gradient and backpropagating from gx gives y''(x). The
 * iterates are those of step 29, where y'' was written by hand.
 */
public final class Step33 {
    private Step33() {
    }

    static Variable f(Variable x) {
        Variable y = x.pow(4).sub(x.pow(2).mul(2));
        return y;
    }

    public static void main(String[] args) {
        Variable x = Variable.of(2.0);
        int iters = 10;

        for (int i = 0; i < iters; i++) {
            System.out.println(i + " " + x);

            Variable y = f(x);
            x.cleargrad();
            y.backward(false, true);

            Variable gx = x.grad();
            x.cleargrad();
            gx.backward();
            Variable gx2 = x.grad();

            x.data().subi(gx.data().div(gx2.data()));
        }
    }
}
