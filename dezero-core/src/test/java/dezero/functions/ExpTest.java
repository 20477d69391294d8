package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.var;

class ExpTest {
    // NumPy: np.exp([0, 1, -1, 0.5])
    private static final double[] EXP = {1.0, 2.718281828459045, 0.36787944117144233, 1.6487212707001282};

    @Test
    void forwardAndBackward() {
        Variable x = var(new double[] {0, 1, -1, 0.5}, 2, 2);
        Variable y = F.exp(x);
        assertValues(EXP, new int[] {2, 2}, y);
        y.backward();
        assertValues(EXP, new int[] {2, 2}, x.grad());
    }

    @Test
    void gradientCheck() {
        checkGrad(xs -> F.exp(xs[0]), rand(900, 2, 3));
        checkGrad(xs -> F.exp(xs[0]), rand(901));
    }

    @Test
    void secondOrder() {
        checkSecondOrder(xs -> F.exp(xs[0]), rand(910, 2, 3));
        checkSecondOrder(xs -> F.exp(F.mul(xs[0], xs[1])), rand(911, 3), rand(912, 3));
    }
}
