package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.randAwayFromZero;
import static dezero.functions.FnTest.var;

/** F.relu and F.leakyRelu, with DeZero's choice of subgradient at 0. */
class ReLUTest {
    @Test
    void reluForwardAndBackwardWithZeroGradAtZero() {
        Variable x = var(new double[] {-1, 0, 2}, 3);
        Variable y = F.relu(x);
        assertValues(new double[] {0, 0, 2}, new int[] {3}, y);
        y.backward();
        assertValues(new double[] {0, 0, 1}, new int[] {3}, x.grad());
    }

    @Test
    void leakyReluForwardAndBackwardWithSlopeAtZero() {
        Variable x = var(new double[] {-1, 0, 2}, 3);
        Variable y = F.leakyRelu(x);
        assertValues(new double[] {-0.2, 0, 2}, new int[] {3}, y);
        y.backward();
        assertValues(new double[] {0.2, 0.2, 1}, new int[] {3}, x.grad());

        Variable x2 = var(new double[] {-3, 0.5}, 2);
        Variable y2 = F.leakyRelu(x2, 0.1);
        assertValues(new double[] {-0.30000000000000004, 0.5}, new int[] {2}, y2);
        y2.backward();
        assertValues(new double[] {0.1, 1}, new int[] {2}, x2.grad());
    }

    @Test
    void gradientChecks() {
        checkGrad(xs -> F.relu(xs[0]), randAwayFromZero(3300, 0.01, 1.0, 2, 3, 4));
        checkGrad(xs -> F.leakyRelu(xs[0]), randAwayFromZero(3301, 0.01, 1.0, 2, 3, 4));
        checkGrad(xs -> F.leakyRelu(xs[0], 0.05), randAwayFromZero(3302, 0.01, 1.0, 2, 3, 4));
    }

    @Test
    void secondOrderThroughTheMask() {
        checkSecondOrder(xs -> F.relu(xs[0]).pow(2), randAwayFromZero(3310, 0.01, 1.0, 2, 3));
        checkSecondOrder(xs -> F.leakyRelu(xs[0], 0.3).pow(3), randAwayFromZero(3311, 0.01, 1.0, 2, 3));
    }
}
