package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BroadcastToTest {
    @Test
    void forwardRepeats() {
        assertValues(new double[] {1, 2, 3, 1, 2, 3}, new int[] {2, 3},
                F.broadcastTo(var(new double[] {1, 2, 3}, 3), 2, 3));
        assertValues(new double[] {1, 1, 1, 2, 2, 2}, new int[] {2, 3},
                F.broadcastTo(var(new double[] {1, 2}, 2, 1), 2, 3));
        assertValues(new double[] {5, 5, 5, 5}, new int[] {2, 2}, F.broadcastTo(Variable.of(5.0), 2, 2));
        Variable x = var(new double[] {1, 2}, 2);
        assertSame(x, F.broadcastTo(x, 2));
    }

    @Test
    void backwardSumsBack() {
        Variable x = var(new double[] {1, 2}, 2, 1);
        Variable y = F.broadcastTo(x, 2, 3);
        y.setGrad(var(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
        y.backward();
        assertValues(new double[] {6, 15}, new int[] {2, 1}, x.grad());
    }

    @Test
    void gradientCheck() {
        checkGrad(xs -> F.broadcastTo(xs[0], 2, 3), rand(1800, 3));
        checkGrad(xs -> F.broadcastTo(xs[0], 2, 3), rand(1801, 2, 1));
        checkGrad(xs -> F.broadcastTo(xs[0], 4, 2, 3), rand(1802, 1, 3));
        checkGrad(xs -> F.broadcastTo(xs[0], 2, 2), rand(1803));
    }

    @Test
    void incompatibleShapeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> F.broadcastTo(var(new double[] {1, 2, 3}, 3), 2, 4));
        assertTrue(e.getMessage().contains("(3,)") && e.getMessage().contains("(2, 4)"), e.getMessage());
    }
}
