package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.seq;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** F.mean (DeZero's average): sum times y.size / x.size. */
class MeanTest {
    @Test
    void forward() {
        Variable x = var(seq(2, 3));
        assertValues(new double[] {2.5}, new int[] {}, F.mean(x));
        assertValues(new double[] {1.5, 2.5, 3.5}, new int[] {3}, F.mean(x, new int[] {0}, false));
        assertValues(new double[] {1, 4}, new int[] {2, 1}, F.mean(x, new int[] {-1}, true));
        assertValues(new double[] {2.5}, new int[] {}, F.average(x));
    }

    @Test
    void backwardSpreadsEvenly() {
        Variable x = var(seq(2, 3));
        F.mean(x).backward();
        double s = 1.0 / 6;
        assertValues(new double[] {s, s, s, s, s, s}, new int[] {2, 3}, x.grad());
    }

    @Test
    void gradientCheck() {
        checkGrad(xs -> F.mean(xs[0]), rand(2200, 2, 3));
        checkGrad(xs -> F.mean(xs[0], new int[] {1}, false), rand(2201, 2, 3, 4));
        checkGrad(xs -> F.mean(xs[0], new int[] {0, 2}, true), rand(2202, 2, 3, 4));
    }

    @Test
    void axisOutOfRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> F.mean(var(seq(2, 3)), new int[] {2}, false));
    }
}
