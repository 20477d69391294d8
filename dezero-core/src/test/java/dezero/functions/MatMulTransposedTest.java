package dezero.functions;

import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.seq;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flagged product {@code op(a) @ op(b)} that MatMul and Linear use in backward instead of
 * transposed copies: values against the explicit transposes, gradient checks and second order
 * for all four flag combinations.
 */
class MatMulTransposedTest {
    private static final boolean[][] FLAGS = {{false, false}, {false, true}, {true, false}, {true, true}};

    /** The stored operand shapes for op(a) (m x k) and op(b) (k x n). */
    private static int[] stored(boolean trans, int rows, int cols) {
        return trans ? new int[] {cols, rows} : new int[] {rows, cols};
    }

    @Test
    void valuesByHand() {
        // a = [[0, 1, 2], [3, 4, 5]] read transposed (3 x 2) times b = [[0, 1], [2, 3]] read transposed
        // a^T = [[0, 3], [1, 4], [2, 5]], b^T = [[0, 2], [1, 3]]: a^T b^T = [[3, 9], [4, 14], [5, 19]]
        Variable y = MatMul.matmulT(var(seq(2, 3)), var(seq(2, 2)), true, true);
        assertValues(new double[] {3, 9, 4, 14, 5, 19}, new int[] {3, 2}, y);
    }

    @Test
    void valuesMatchExplicitTransposesOnAwkwardSizes() {
        int[][] sizes = {{1, 1, 1}, {3, 7, 13}, {13, 1, 25}, {25, 16, 3}, {9, 10, 100}};
        for (int[] s : sizes) {
            for (boolean[] f : FLAGS) {
                for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                    NdArray a = rand(300 + s[0], stored(f[0], s[0], s[2])).astype(t);
                    NdArray b = rand(400 + s[1], stored(f[1], s[2], s[1])).astype(t);
                    NdArray want = (f[0] ? a.T() : a).matmul(f[1] ? b.T() : b);
                    NdArray got = a.matmul(b, f[0], f[1]);
                    assertEquals(t, got.dtype());
                    assertArrayEquals(want.shape(), got.shape());
                    double tol = t == DType.FLOAT32 ? 1e-4 : 1e-12;
                    for (int i = 0; i < want.size(); i++) {
                        assertEquals(want.getFlat(i), got.getFlat(i), tol * Math.max(1, Math.abs(want.getFlat(i))),
                                "m,n,k=" + s[0] + "," + s[1] + "," + s[2] + " flags " + f[0] + "," + f[1] + " at " + i);
                    }
                }
            }
        }
    }

    @Test
    void integerOperandsMultiplyInInt64() {
        NdArray a = NdArray.arange(0, 6, 1).astype(DType.INT64).reshape(3, 2);
        NdArray got = a.matmul(a, true, false);
        assertEquals(DType.INT64, got.dtype());
        assertArrayEquals(new long[] {20, 26, 26, 35}, got.longData());
    }

    @Test
    void gradientsAndSecondOrderForEveryFlagCombination() {
        for (boolean[] f : FLAGS) {
            NdArray a = rand(500, stored(f[0], 3, 4));
            NdArray b = rand(501, stored(f[1], 4, 2));
            checkGrad(xs -> MatMul.matmulT(xs[0], xs[1], f[0], f[1]), a, b);
            checkSecondOrder(xs -> MatMul.matmulT(xs[0], xs[1], f[0], f[1]), a, b);
        }
    }

    @Test
    void rejectsNonMatrixOrMisalignedOperands() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> seq(2, 3).matmul(seq(2, 3), false, false));
        assertTrue(e.getMessage().contains("matmul") && e.getMessage().contains("(2, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> seq(2, 3, 1).matmul(seq(3, 2), true, false));
        assertTrue(e.getMessage().contains("2-d"), e.getMessage());
    }
}
