package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.BROADCAST_PAIRS;
import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MulTest {
    @Test
    void forwardWithBroadcasting() {
        Variable a = var(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Variable b = var(new double[] {10, 20, 30}, 3);
        assertValues(new double[] {10, 40, 90, 40, 100, 180}, new int[] {2, 3}, F.mul(a, b));
        assertValues(new double[] {-2, -4, -6, -8, -10, -12}, new int[] {2, 3}, a.mul(-2.0));
    }

    @Test
    void backwardSwapsTheOperandsAndSumsBack() {
        Variable a = var(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Variable b = var(new double[] {10, 20, 30}, 3);
        F.mul(a, b).backward();
        assertValues(new double[] {10, 20, 30, 10, 20, 30}, new int[] {2, 3}, a.grad());
        assertValues(new double[] {5, 7, 9}, new int[] {3}, b.grad());
    }

    @Test
    void gradientCheckOnBroadcastShapes() {
        long seed = 300;
        for (int[][] p : BROADCAST_PAIRS) {
            checkGrad(xs -> F.mul(xs[0], xs[1]), rand(seed++, p[0]), rand(seed++, p[1]));
        }
    }

    @Test
    void secondOrder() {
        // x*y is bilinear: its Hessian couples the two inputs (d2/dxdy = 1)
        checkSecondOrder(xs -> F.mul(xs[0], xs[1]), rand(310, 2, 3), rand(311, 2, 3));
        checkSecondOrder(xs -> F.mul(xs[0], xs[1]), rand(312, 3, 1), rand(313, 1, 4));
        // x*x*x: d2/dx2 = 6x
        checkSecondOrder(xs -> F.mul(F.mul(xs[0], xs[0]), xs[0]), rand(314, 2, 3));
    }

    @Test
    void secondDerivativeOfXCubedByHand() {
        Variable x = Variable.of(2.0);
        Variable y = F.mul(F.mul(x, x), x);
        y.backward(false, true);
        Variable gx = x.grad();
        assertValues(new double[] {12.0}, new int[] {}, gx);
        x.cleargrad();
        gx.backward();
        assertValues(new double[] {12.0}, new int[] {}, x.grad());
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> F.mul(var(rand(1, 2, 3)), var(rand(2, 4))));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(4,)"), e.getMessage());
    }
}
