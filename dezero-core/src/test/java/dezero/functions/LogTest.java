package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.uniform;
import static dezero.functions.FnTest.var;

class LogTest {
    @Test
    void forwardAndBackward() {
        Variable x = var(new double[] {1, Math.E, 10, 0.5}, 4);
        Variable y = F.log(x);
        // NumPy: np.log([1, e, 10, 0.5])
        assertValues(new double[] {0.0, 1.0, 2.302585092994046, -0.6931471805599453}, new int[] {4}, y);
        y.backward();
        assertValues(new double[] {1, 1 / Math.E, 0.1, 2}, new int[] {4}, x.grad());
    }

    @Test
    void gradientChecks() {
        checkGrad(xs -> F.log(xs[0]), uniform(1000, 0.5, 3.0, 2, 3));
        checkSecondOrder(xs -> F.log(xs[0]), uniform(1001, 0.5, 3.0, 3));
    }
}
