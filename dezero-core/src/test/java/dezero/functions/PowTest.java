package dezero.functions;

import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.uniform;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PowTest {
    @Test
    void forwardIntegralFractionalAndNegativeExponents() {
        assertValues(new double[] {1, 8, -27}, new int[] {3}, F.pow(var(new double[] {1, 2, -3}, 3), 3));
        assertValues(new double[] {2, 3}, new int[] {2}, F.pow(var(new double[] {4, 9}, 2), 0.5));
        assertValues(new double[] {2, 0.5}, new int[] {2}, var(new double[] {0.5, 2}, 2).pow(-1));
        assertValues(new double[] {1, 1}, new int[] {2}, var(new double[] {0.5, 2}, 2).pow(0));
    }

    @Test
    void int64BaseWithANonNegativeIntegralExponentStaysInt64() {
        Variable x = new Variable(NdArray.array(new long[] {1, 2, 3}));
        NdArray y = F.pow(x, 2).data();
        assertEquals(DType.INT64, y.dtype());
        assertArrayEquals(new long[] {1, 4, 9}, y.toLongArray());
    }

    @Test
    void backwardByHand() {
        // d/dx x^3 = 3x^2 = 12 at x = 2
        Variable x = Variable.of(2.0);
        F.pow(x, 3).backward();
        assertValues(new double[] {12.0}, new int[] {}, x.grad());
    }

    @Test
    void gradientCheck() {
        checkGrad(xs -> F.pow(xs[0], 3), rand(600, 2, 3));
        checkGrad(xs -> F.pow(xs[0], 2.5), uniform(601, 0.5, 2.0, 2, 3));
        checkGrad(xs -> F.pow(xs[0], -1.5), uniform(602, 0.5, 2.0, 4));
        checkGrad(xs -> F.pow(xs[0], 1), rand(603));
    }

    @Test
    void secondOrder() {
        checkSecondOrder(xs -> F.pow(xs[0], 3), rand(610, 2, 3));
        checkSecondOrder(xs -> F.pow(xs[0], 2.5), uniform(611, 0.5, 2.0, 5));
        checkSecondOrder(xs -> F.pow(xs[0], -2), uniform(612, 0.5, 2.0, 3));
    }

    @Test
    void secondDerivativeByHand() {
        // d2/dx2 x^4 = 12x^2 = 48 at x = 2
        Variable x = Variable.of(2.0);
        F.pow(x, 4).backward(false, true);
        Variable gx = x.grad();
        assertValues(new double[] {32.0}, new int[] {}, gx);
        x.cleargrad();
        gx.backward();
        assertValues(new double[] {48.0}, new int[] {}, x.grad());
    }
}
