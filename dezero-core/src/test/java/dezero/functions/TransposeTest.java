package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.seq;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransposeTest {
    @Test
    void forwardMatrixTranspose() {
        Variable x = var(seq(2, 3));
        assertValues(new double[] {0, 3, 1, 4, 2, 5}, new int[] {3, 2}, F.transpose(x));
        assertValues(new double[] {0, 3, 1, 4, 2, 5}, new int[] {3, 2}, x.T());
    }

    @Test
    void forwardWithAxes() {
        Variable x = var(seq(2, 3, 4));
        // NumPy: np.arange(24.).reshape(2, 3, 4).transpose(1, 0, 2)
        assertValues(new double[] {0, 1, 2, 3, 12, 13, 14, 15, 4, 5, 6, 7, 16, 17, 18, 19, 8, 9, 10, 11, 20, 21, 22,
                23}, new int[] {3, 2, 4}, F.transpose(x, 1, 0, 2));
        // .transpose(-1, 0, 1)
        assertValues(new double[] {0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19,
                23}, new int[] {4, 2, 3}, F.transpose(x, -1, 0, 1));
        // .transpose() reverses the axes
        assertValues(new double[] {0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7, 19, 11,
                23}, new int[] {4, 3, 2}, F.transpose(x));
    }

    @Test
    void backwardAppliesTheInversePermutation() {
        Variable x = var(seq(2, 3, 4));
        Variable y = F.transpose(x, 2, 0, 1);
        y.setGrad(var(seq(4, 2, 3)));
        y.backward();
        // grad[i, j, k] = seed[k, i, j] = 6k + 3i + j
        double[] expected = new double[24];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    expected[i * 12 + j * 4 + k] = 6 * k + 3 * i + j;
                }
            }
        }
        assertValues(expected, new int[] {2, 3, 4}, x.grad());
    }

    @Test
    void gradientCheck() {
        checkGrad(xs -> F.transpose(xs[0]), rand(1500, 2, 3));
        checkGrad(xs -> F.transpose(xs[0]), rand(1501, 2, 3, 4));
        checkGrad(xs -> F.transpose(xs[0], 1, 2, 0), rand(1502, 2, 3, 4));
        checkGrad(xs -> F.transpose(xs[0], -2, -1, -3), rand(1503, 2, 3, 4));
        checkGrad(xs -> F.transpose(xs[0]), rand(1504, 5));
    }

    @Test
    void axisOutOfRangeIsRejected() {
        Variable x = var(seq(2, 3, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> F.transpose(x, 0, 1, 3));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("(2, 3, 4)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> F.transpose(x, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> F.transpose(x, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> F.transpose(x, 0, 1, -4));
    }
}
