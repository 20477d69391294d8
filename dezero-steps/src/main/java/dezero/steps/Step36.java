package dezero.steps;

import dezero.Variable;

/**
 * Step 36: double backpropagation beyond higher derivatives. The gradient gx = dy/dx = 2x of
 * y = x^2 is used inside a new expression, z = gx^3 + y, and z is differentiated with respect
 * to x: dz/dx = 3 (2x)^2 * 2 + 2x = 100 at x = 2. The same mechanism gives the gradient penalty
 * of WGAN-GP and the Hessian-vector products of optimisation methods.
 */
public final class Step36 {
    private Step36() {
    }

    public static void main(String[] args) {
        Variable x = Variable.of(2.0);
        Variable y = x.pow(2);
        y.backward(false, true);
        Variable gx = x.grad();
        x.cleargrad();

        Variable z = gx.pow(3).add(y);
        z.backward();
        System.out.println(x.grad());
    }
}
