package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.var;

class NegTest {
    @Test
    void forwardAndBackward() {
        Variable x = var(new double[] {1, -2, 0, 3.5}, 2, 2);
        Variable y = F.neg(x);
        assertValues(new double[] {-1, 2, -0.0, -3.5}, new int[] {2, 2}, y);
        y.backward();
        assertValues(new double[] {-1, -1, -1, -1}, new int[] {2, 2}, x.grad());
        assertValues(new double[] {-1, 2, -0.0, -3.5}, new int[] {2, 2}, x.neg());
    }

    @Test
    void gradientCheck() {
        checkGrad(xs -> F.neg(xs[0]), rand(500, 2, 3));
        checkGrad(xs -> F.neg(xs[0]), rand(501));
    }
}
