package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.uniform;
import static dezero.functions.FnTest.var;

class TanhTest {
    @Test
    void forwardAndBackward() {
        Variable x = var(new double[] {0.0, 0.5, -1.0, 2.0}, 4);
        Variable y = F.tanh(x);
        // NumPy: np.tanh and 1 - np.tanh**2 of [0, 0.5, -1, 2]
        assertValues(new double[] {0.0, 0.46211715726000974, -0.7615941559557649, 0.9640275800758169},
                new int[] {4}, y);
        y.backward();
        assertValues(new double[] {1.0, 0.7864477329659274, 0.41997434161402614, 0.07065082485316443},
                new int[] {4}, x.grad());
    }

    @Test
    void gradientCheck() {
        checkGrad(xs -> F.tanh(xs[0]), uniform(1300, -2, 2, 2, 3));
    }

    @Test
    void secondOrder() {
        checkSecondOrder(xs -> F.tanh(xs[0]), uniform(1310, -2, 2, 2, 3));
        checkSecondOrder(xs -> F.tanh(F.tanh(xs[0])), uniform(1311, -2, 2, 4));
    }
}
