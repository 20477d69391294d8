package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.seq;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SumToTest {
    @Test
    void forwardSumsBroadcastAxes() {
        Variable x = var(seq(2, 3));
        assertValues(new double[] {3, 5, 7}, new int[] {1, 3}, F.sumTo(x, 1, 3));
        assertValues(new double[] {3, 5, 7}, new int[] {3}, F.sumTo(x, 3));
        assertValues(new double[] {3, 12}, new int[] {2, 1}, F.sumTo(x, 2, 1));
        assertValues(new double[] {15}, new int[] {}, F.sumTo(x));
        assertSame(x, F.sumTo(x, 2, 3));
    }

    @Test
    void backwardBroadcasts() {
        Variable x = var(seq(2, 3));
        Variable y = F.sumTo(x, 3);
        y.setGrad(var(new double[] {1, 2, 3}, 3));
        y.backward();
        assertValues(new double[] {1, 2, 3, 1, 2, 3}, new int[] {2, 3}, x.grad());
    }

    @Test
    void gradientCheck() {
        checkGrad(xs -> F.sumTo(xs[0], 1, 3), rand(1700, 2, 3));
        checkGrad(xs -> F.sumTo(xs[0], 3), rand(1701, 2, 3));
        checkGrad(xs -> F.sumTo(xs[0], 2, 1), rand(1702, 2, 3));
        checkGrad(xs -> F.sumTo(xs[0]), rand(1703, 2, 3));
        checkGrad(xs -> F.sumTo(xs[0], 3, 1), rand(1704, 2, 3, 4));
    }

    @Test
    void aShapeThatDoesNotBroadcastIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> F.sumTo(var(seq(2, 3)), 4));
    }
}
