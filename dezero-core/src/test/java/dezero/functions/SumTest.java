package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.seq;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SumTest {
    @Test
    void forwardOverAllAndSomeAxes() {
        Variable x = var(seq(2, 3, 4));
        assertValues(new double[] {276}, new int[] {}, F.sum(x));
        assertValues(new double[] {12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34}, new int[] {3, 4}, F.sum(x, 0));
        assertValues(new double[] {60, 92, 124}, new int[] {3}, F.sum(x, new int[] {0, 2}, false));
        assertValues(new double[] {6, 22, 38, 54, 70, 86}, new int[] {2, 3, 1}, x.sum(-1, true));
        assertValues(new double[] {276}, new int[] {1, 1, 1}, F.sum(x, null, true));
    }

    @Test
    void backwardBroadcastsTheGradientBack() {
        Variable x = var(seq(2, 3));
        Variable y = F.sum(x, 1);
        y.setGrad(var(new double[] {10, 20}, 2));
        y.backward();
        assertValues(new double[] {10, 10, 10, 20, 20, 20}, new int[] {2, 3}, x.grad());
    }

    @Test
    void gradientCheck() {
        checkGrad(xs -> F.sum(xs[0]), rand(1600, 2, 3));
        checkGrad(xs -> F.sum(xs[0], 0), rand(1601, 2, 3));
        checkGrad(xs -> F.sum(xs[0], -1), rand(1602, 2, 3, 4));
        checkGrad(xs -> F.sum(xs[0], new int[] {0, 2}, false), rand(1603, 2, 3, 4));
        checkGrad(xs -> F.sum(xs[0], new int[] {1}, true), rand(1604, 2, 3, 4));
        checkGrad(xs -> F.sum(xs[0]), rand(1605));
    }

    @Test
    void axisOutOfRangeIsRejected() {
        Variable x = var(seq(2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> F.sum(x, 2));
        assertTrue(e.getMessage().contains("axis 2") && e.getMessage().contains("(2, 3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> F.sum(x, -3));
        assertThrows(IllegalArgumentException.class, () -> F.sum(x, new int[] {0, 0}, false));
    }
}
