package dezero.functions;

import dezero.Variable;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.seq;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** im2col and col2im as differentiable functions (each the other's gradient). */
class Im2colTest {
    @Test
    void patchesByHand() {
        Variable x = var(seq(1, 1, 3, 3));
        Variable col = F.im2col(x, 2, 1, 0, true);
        assertValues(new double[] {0, 1, 3, 4, 1, 2, 4, 5, 3, 4, 6, 7, 4, 5, 7, 8}, new int[] {4, 4}, col);
        assertArrayEquals(new int[] {1, 1, 2, 2, 2, 2}, F.im2col(x, 2, 1, 0, false).shape());
        col.backward();
        // each pixel's gradient counts the windows it is in
        assertValues(new double[] {1, 2, 1, 2, 4, 2, 1, 2, 1}, new int[] {1, 1, 3, 3}, x.grad());
        Variable back = F.col2im(var(NdArray.ones(4, 4)), new int[] {1, 1, 3, 3}, 2, 1, 0, true);
        assertValues(new double[] {1, 2, 1, 2, 4, 2, 1, 2, 1}, new int[] {1, 1, 3, 3}, back);
    }

    @Test
    void gradientsOfEveryOrderInBothLayouts() {
        int[][][] configs = {
                {{1, 2, 4, 4}, {2, 2}, {1, 1}, {0, 0}},
                {{2, 2, 5, 5}, {3, 3}, {2, 2}, {1, 1}},
                {{2, 1, 3, 4}, {2, 3}, {1, 2}, {0, 1}},
        };
        long seed = 130;
        for (int[][] c : configs) {
            for (boolean toMatrix : new boolean[] {true, false}) {
                NdArray x = rand(seed++, c[0]);
                checkGrad(v -> F.im2col(v[0], c[1], c[2], c[3], toMatrix), x);
                checkSecondOrder(v -> F.im2col(v[0], c[1], c[2], c[3], toMatrix).pow(2), x);
                int[] colShape = F.im2col(var(x), c[1], c[2], c[3], toMatrix).shape();
                NdArray col = rand(seed++, colShape);
                checkGrad(v -> F.col2im(v[0], c[0], c[1], c[2], c[3], toMatrix), col);
                checkSecondOrder(v -> F.col2im(v[0], c[0], c[1], c[2], c[3], toMatrix).pow(2), col);
            }
        }
    }

    @Test
    void badInputNamesTheOpAndShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> F.im2col(var(rand(1, 3, 3)), 2, 1, 0, true));
        assertTrue(e.getMessage().contains("im2col") && e.getMessage().contains("(3, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> F.col2im(var(rand(1, 5, 4)), new int[] {1, 1, 3, 3}, 2, 1, 0, true));
        assertTrue(e.getMessage().contains("col2im") && e.getMessage().contains("(5, 4)")
                && e.getMessage().contains("(4, 4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> F.im2col(var(rand(1, 1, 1, 3, 3)), new int[] {2}, new int[] {1, 1}, new int[] {0, 0}, true));
        assertTrue(e.getMessage().contains("im2col") && e.getMessage().contains("kernel size"), e.getMessage());
    }
}
