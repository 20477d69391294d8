package dezero.functions;

import dezero.Variable;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.BROADCAST_PAIRS;
import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.uniform;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PowVarTest {
    @Test
    void forward() {
        Variable a = var(new double[] {2, 3, 4}, 3);
        Variable b = var(new double[] {3, 2, 0.5}, 3);
        assertValues(new double[] {8, 9, 2}, new int[] {3}, F.pow(a, b));
        assertValues(new double[] {4, 9, 16, 8, 27, 64}, new int[] {2, 3},
                F.pow(a, var(new double[] {2, 3}, 2, 1)));
    }

    @Test
    void backwardByHand() {
        // y = a^b at a = 2, b = 3: dy/da = b a^(b-1) = 12, dy/db = a^b ln a = 8 ln 2
        Variable a = Variable.of(2.0);
        Variable b = Variable.of(3.0);
        a.pow(b).backward();
        assertValues(new double[] {12.0}, new int[] {}, a.grad());
        assertValues(new double[] {8 * Math.log(2)}, new int[] {}, b.grad());
    }

    @Test
    void gradientCheckOnBroadcastShapes() {
        long seed = 700;
        for (int[][] p : BROADCAST_PAIRS) {
            NdArray base = uniform(seed++, 0.5, 2.0, p[0]);
            NdArray exponent = rand(seed++, p[1]).mul(2.0);
            checkGrad(xs -> F.pow(xs[0], xs[1]), base, exponent);
        }
    }

    @Test
    void secondOrder() {
        checkSecondOrder(xs -> F.pow(xs[0], xs[1]), uniform(710, 0.5, 2.0, 2, 3), rand(711, 3));
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> F.pow(var(uniform(1, 0.5, 2.0, 2, 3)), var(rand(2, 4))));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(4,)"), e.getMessage());
    }
}
