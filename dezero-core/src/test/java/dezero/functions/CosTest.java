package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.uniform;
import static dezero.functions.FnTest.var;

class CosTest {
    @Test
    void forwardAndBackward() {
        Variable x = var(new double[] {0.0, Math.PI / 6, Math.PI / 2, 1.0}, 4);
        Variable y = F.cos(x);
        // NumPy: np.cos / -np.sin of [0, pi/6, pi/2, 1]
        assertValues(new double[] {1.0, 0.8660254037844387, 6.123233995736766e-17, 0.5403023058681398},
                new int[] {4}, y);
        y.backward();
        assertValues(new double[] {-0.0, -0.49999999999999994, -1.0, -0.8414709848078965}, new int[] {4}, x.grad());
    }

    @Test
    void gradientCheck() {
        checkGrad(xs -> F.cos(xs[0]), uniform(1200, -3, 3, 3, 2));
    }

    @Test
    void secondOrder() {
        checkSecondOrder(xs -> F.cos(xs[0]), uniform(1210, -3, 3, 3, 2));
    }
}
