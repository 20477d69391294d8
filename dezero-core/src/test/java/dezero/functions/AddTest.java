package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.BROADCAST_PAIRS;
import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddTest {
    @Test
    void forwardBroadcastsARowOverAMatrix() {
        Variable a = var(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Variable b = var(new double[] {10, 20, 30}, 3);
        assertValues(new double[] {11, 22, 33, 14, 25, 36}, new int[] {2, 3}, F.add(a, b));
    }

    @Test
    void forwardColumnPlusRowIsAnOuterSum() {
        Variable c = var(new double[] {1, 2, 3}, 3, 1);
        Variable r = var(new double[] {10, 20, 30, 40}, 1, 4);
        assertValues(new double[] {11, 21, 31, 41, 12, 22, 32, 42, 13, 23, 33, 43}, new int[] {3, 4}, F.add(c, r));
    }

    @Test
    void forwardScalarPlusMatrixAndJavaNumber() {
        Variable s = var(new double[] {0.5});
        Variable m = var(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertValues(new double[] {1.5, 2.5, 3.5, 4.5, 5.5, 6.5}, new int[] {2, 3}, F.add(Variable.of(0.5), m));
        assertValues(new double[] {3, 4, 5, 6, 7, 8}, new int[] {2, 3}, m.add(2.0));
        assertValues(new double[] {1.5}, new int[] {}, s.add(1.0));
    }

    @Test
    void backwardSumsTheGradientBackToEachShape() {
        Variable a = var(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Variable b = var(new double[] {10, 20, 30}, 3);
        F.add(a, b).backward();
        assertValues(new double[] {1, 1, 1, 1, 1, 1}, new int[] {2, 3}, a.grad());
        assertValues(new double[] {2, 2, 2}, new int[] {3}, b.grad());
    }

    @Test
    void constantOperandGetsNoGradient() {
        Variable a = var(new double[] {1, 2}, 2);
        Variable y = a.add(3.0);
        y.backward();
        assertValues(new double[] {1, 1}, new int[] {2}, a.grad());
        assertNull(y.creator().inputs()[1].grad());
    }

    @Test
    void gradientCheckOnBroadcastShapes() {
        long seed = 100;
        for (int[][] p : BROADCAST_PAIRS) {
            checkGrad(xs -> F.add(xs[0], xs[1]), rand(seed++, p[0]), rand(seed++, p[1]));
        }
    }

    @Test
    void sameInputTwiceAccumulates() {
        Variable x = var(new double[] {3.0});
        F.add(x, x).backward();
        assertValues(new double[] {2.0}, new int[] {}, x.grad());
        checkGrad(xs -> F.add(xs[0], xs[0]), rand(7, 2, 3));
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        Variable a = var(rand(1, 2, 3));
        Variable b = var(rand(2, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> F.add(a, b));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(4,)"), e.getMessage());
    }
}
