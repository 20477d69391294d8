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
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReshapeTest {
    @Test
    void forwardKeepsRowMajorOrder() {
        Variable x = var(seq(2, 3));
        assertValues(new double[] {0, 1, 2, 3, 4, 5}, new int[] {3, 2}, F.reshape(x, 3, 2));
        assertValues(new double[] {0, 1, 2, 3, 4, 5}, new int[] {6}, x.reshape(-1));
        assertValues(new double[] {0, 1, 2, 3, 4, 5}, new int[] {1, 2, 1, 3}, x.reshape(1, -1, 1, 3));
        assertValues(new double[] {7}, new int[] {}, F.reshape(var(new double[] {7}, 1, 1)));
    }

    @Test
    void sameShapeReturnsTheInputItself() {
        Variable x = var(seq(2, 3));
        assertSame(x, F.reshape(x, 2, 3));
    }

    @Test
    void backwardReshapesTheGradientBack() {
        Variable x = var(seq(2, 3));
        Variable y = F.reshape(x, 6);
        y.backward();
        assertValues(new double[] {1, 1, 1, 1, 1, 1}, new int[] {2, 3}, x.grad());
    }

    @Test
    void gradientCheck() {
        checkGrad(xs -> F.reshape(xs[0], 3, 2), rand(1400, 2, 3));
        checkGrad(xs -> F.reshape(xs[0], 4, -1), rand(1401, 2, 3, 2));
        checkGrad(xs -> F.reshape(xs[0]), rand(1402, 1));
    }

    @Test
    void wrongSizeIsRejected() {
        Variable x = var(seq(2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> F.reshape(x, 4));
        assertTrue(e.getMessage().contains("6") && e.getMessage().contains("(4,)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> F.reshape(x, 4, -1));
        assertThrows(IllegalArgumentException.class, () -> F.reshape(x, -1, -1));
    }
}
