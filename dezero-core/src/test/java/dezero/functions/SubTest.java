package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.BROADCAST_PAIRS;
import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubTest {
    @Test
    void forwardWithBroadcasting() {
        Variable c = var(new double[] {1, 2, 3}, 3, 1);
        Variable r = var(new double[] {1, 2, 3, 4}, 1, 4);
        assertValues(new double[] {0, -1, -2, -3, 1, 0, -1, -2, 2, 1, 0, -1}, new int[] {3, 4}, F.sub(c, r));
    }

    @Test
    void forwardWithJavaNumbersOnEitherSide() {
        Variable x = var(new double[] {1, 2, 3}, 3);
        assertValues(new double[] {-1, 0, 1}, new int[] {3}, x.sub(2.0));
        assertValues(new double[] {9, 8, 7}, new int[] {3}, x.rsub(10.0));
        assertValues(new double[] {9, 8, 7}, new int[] {3}, F.rsub(x, Variable.of(10.0)));
    }

    @Test
    void backwardGivesPlusAndMinusOnes() {
        Variable a = var(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Variable b = var(new double[] {10, 20, 30}, 3);
        F.sub(a, b).backward();
        assertValues(new double[] {1, 1, 1, 1, 1, 1}, new int[] {2, 3}, a.grad());
        assertValues(new double[] {-2, -2, -2}, new int[] {3}, b.grad());
    }

    @Test
    void gradientCheckOnBroadcastShapes() {
        long seed = 200;
        for (int[][] p : BROADCAST_PAIRS) {
            checkGrad(xs -> F.sub(xs[0], xs[1]), rand(seed++, p[0]), rand(seed++, p[1]));
        }
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> F.sub(var(rand(1, 2, 3)), var(rand(2, 4))));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(4,)"), e.getMessage());
    }
}
