package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.BROADCAST_PAIRS;
import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.randAwayFromZero;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DivTest {
    @Test
    void forwardWithBroadcasting() {
        Variable a = var(new double[] {1, 2, 3, 8, 5, 6}, 2, 3);
        Variable b = var(new double[] {2, 4, 8}, 3);
        assertValues(new double[] {0.5, 0.5, 0.375, 4, 1.25, 0.75}, new int[] {2, 3}, F.div(a, b));
        assertValues(new double[] {2, 1, 0.5}, new int[] {3}, b.rdiv(4.0));
        assertValues(new double[] {1, 2, 4}, new int[] {3}, b.div(2.0));
    }

    @Test
    void backwardByHand() {
        // y = a / b at a = 3, b = 2: dy/da = 1/b = 0.5, dy/db = -a/b^2 = -0.75
        Variable a = Variable.of(3.0);
        Variable b = Variable.of(2.0);
        F.div(a, b).backward();
        assertValues(new double[] {0.5}, new int[] {}, a.grad());
        assertValues(new double[] {-0.75}, new int[] {}, b.grad());
    }

    @Test
    void gradientCheckOnBroadcastShapes() {
        long seed = 400;
        for (int[][] p : BROADCAST_PAIRS) {
            checkGrad(xs -> F.div(xs[0], xs[1]), rand(seed++, p[0]), randAwayFromZero(seed++, 0.5, 2.0, p[1]));
        }
    }

    @Test
    void secondOrder() {
        checkSecondOrder(xs -> F.div(xs[0], xs[1]), rand(410, 2, 3), randAwayFromZero(411, 0.5, 2.0, 3));
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> F.div(var(rand(1, 2, 3)), var(rand(2, 4))));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(4,)"), e.getMessage());
    }
}
