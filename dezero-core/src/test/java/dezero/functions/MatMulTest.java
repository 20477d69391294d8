package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.seq;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Matrix products in all of np.matmul's forms. The reference DeZero's backward
 * ({@code gx = gy @ W.T}, {@code gW = x.T @ gy}) is wrong or fails for 1-d and batched operands;
 * these gradient checks pin down the corrected backward.
 */
class MatMulTest {
    private static final double[] X23_AT_W34 = {20, 23, 26, 29, 56, 68, 80, 92};

    @Test
    void forwardTwoByTwoDimensional() {
        assertValues(X23_AT_W34, new int[] {2, 4}, F.matmul(var(seq(2, 3)), var(seq(3, 4))));
        assertValues(X23_AT_W34, new int[] {2, 4}, var(seq(2, 3)).dot(var(seq(3, 4))));
    }

    @Test
    void forwardWithOneDimensionalOperands() {
        Variable v = var(new double[] {1, 2, 3}, 3);
        assertValues(new double[] {32, 38, 44, 50}, new int[] {4}, F.matmul(v, var(seq(3, 4))));
        assertValues(new double[] {8, 26}, new int[] {2}, F.matmul(var(seq(2, 3)), v));
        assertValues(new double[] {14}, new int[] {}, F.matmul(v, v));
    }

    @Test
    void forwardBatchedTimesMatrix() {
        // NumPy: np.arange(30.).reshape(5, 2, 3) @ np.arange(12.).reshape(3, 4)
        double[] expected = {20, 23, 26, 29, 56, 68, 80, 92, 92, 113, 134, 155, 128, 158, 188, 218, 164, 203, 242, 281,
                200, 248, 296, 344, 236, 293, 350, 407, 272, 338, 404, 470, 308, 383, 458, 533, 344, 428, 512, 596};
        assertValues(expected, new int[] {5, 2, 4}, F.matmul(var(seq(5, 2, 3)), var(seq(3, 4))));
    }

    @Test
    void backwardTwoDimensionalByHand() {
        Variable x = var(new double[] {1, 2, 3, 4}, 2, 2);
        Variable w = var(new double[] {5, 6, 7, 8}, 2, 2);
        F.matmul(x, w).backward();
        // gx = ones @ W^T: row sums of W; gW = x^T @ ones: column sums of x, repeated
        assertValues(new double[] {11, 15, 11, 15}, new int[] {2, 2}, x.grad());
        assertValues(new double[] {4, 4, 6, 6}, new int[] {2, 2}, w.grad());
    }

    @Test
    void backwardVectorTimesMatrixByHand() {
        Variable v = var(new double[] {1, 2, 3}, 3);
        Variable w = var(seq(3, 4));
        F.matmul(v, w).backward();
        assertValues(new double[] {6, 22, 38}, new int[] {3}, v.grad());
        assertValues(new double[] {1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3}, new int[] {3, 4}, w.grad());
    }

    @Test
    void gradientCheckTwoDimensional() {
        checkGrad(xs -> F.matmul(xs[0], xs[1]), rand(1900, 2, 3), rand(1901, 3, 4));
        checkGrad(xs -> F.matmul(xs[0], xs[1]), rand(1902, 1, 5), rand(1903, 5, 1));
    }

    @Test
    void gradientCheckOneDimensionalOperands() {
        checkGrad(xs -> F.matmul(xs[0], xs[1]), rand(1910, 3), rand(1911, 3, 4));
        checkGrad(xs -> F.matmul(xs[0], xs[1]), rand(1912, 2, 3), rand(1913, 3));
        checkGrad(xs -> F.matmul(xs[0], xs[1]), rand(1914, 3), rand(1915, 3));
    }

    @Test
    void gradientCheckBatched() {
        checkGrad(xs -> F.matmul(xs[0], xs[1]), rand(1920, 5, 2, 3), rand(1921, 3, 4));
        checkGrad(xs -> F.matmul(xs[0], xs[1]), rand(1922, 2, 3), rand(1923, 4, 3, 2));
        checkGrad(xs -> F.matmul(xs[0], xs[1]), rand(1924, 2, 1, 2, 3), rand(1925, 3, 3, 2));
        checkGrad(xs -> F.matmul(xs[0], xs[1]), rand(1926, 3), rand(1927, 2, 3, 4));
        checkGrad(xs -> F.matmul(xs[0], xs[1]), rand(1928, 2, 4, 3), rand(1929, 3));
    }

    @Test
    void secondOrder() {
        checkSecondOrder(xs -> F.tanh(F.matmul(xs[0], xs[1])), rand(1930, 2, 3), rand(1931, 3, 2));
        checkSecondOrder(xs -> F.tanh(F.matmul(xs[0], xs[1])), rand(1932, 2, 2, 3), rand(1933, 3));
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> F.matmul(var(rand(1, 2, 3)), var(rand(2, 4))));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(4,)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> F.matmul(var(rand(3, 2, 3)), var(rand(4, 2, 3))));
    }
}
