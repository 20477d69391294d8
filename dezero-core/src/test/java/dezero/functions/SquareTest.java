package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.var;

class SquareTest {
    @Test
    void forwardAndBackward() {
        Variable x = var(new double[] {-1.5, 2, 3}, 3);
        Variable y = F.square(x);
        assertValues(new double[] {2.25, 4, 9}, new int[] {3}, y);
        y.backward();
        assertValues(new double[] {-3, 4, 6}, new int[] {3}, x.grad());
    }

    @Test
    void gradientChecks() {
        checkGrad(xs -> F.square(xs[0]), rand(800, 3, 2));
        checkGrad(xs -> F.square(xs[0]), rand(801));
        checkSecondOrder(xs -> F.square(xs[0]), rand(802, 4));
    }
}
