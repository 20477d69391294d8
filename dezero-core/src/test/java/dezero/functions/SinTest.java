package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.uniform;
import static dezero.functions.FnTest.var;

class SinTest {
    private static final double[] X = {0.0, Math.PI / 6, Math.PI / 2, 1.0};

    @Test
    void forwardAndBackward() {
        Variable x = var(X, 2, 2);
        Variable y = F.sin(x);
        // NumPy: np.sin / np.cos of [0, pi/6, pi/2, 1]
        assertValues(new double[] {0.0, 0.49999999999999994, 1.0, 0.8414709848078965}, new int[] {2, 2}, y);
        y.backward();
        assertValues(new double[] {1.0, 0.8660254037844387, 6.123233995736766e-17, 0.5403023058681398},
                new int[] {2, 2}, x.grad());
    }

    @Test
    void gradientCheck() {
        checkGrad(xs -> F.sin(xs[0]), uniform(1100, -3, 3, 2, 3));
    }

    @Test
    void secondOrder() {
        checkSecondOrder(xs -> F.sin(xs[0]), uniform(1110, -3, 3, 2, 3));
    }

    @Test
    void higherDerivativesCycle() {
        // sin' = cos, sin'' = -sin, sin''' = -cos at x = 1
        Variable x = Variable.of(1.0);
        F.sin(x).backward(false, true);
        double[] expected = {Math.cos(1), -Math.sin(1), -Math.cos(1)};
        for (int k = 0; k < 3; k++) {
            Variable gx = x.grad();
            assertValues(new double[] {expected[k]}, new int[] {}, gx);
            x.cleargrad();
            gx.backward(false, true);
        }
    }
}
