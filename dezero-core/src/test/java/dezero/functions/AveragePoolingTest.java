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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Average pooling, including the non-square kernels whose backward fails in the reference DeZero. */
class AveragePoolingTest {
    @Test
    void nonSquareKernelByHand() {
        Variable x = var(seq(1, 1, 4, 6));
        Variable y = F.averagePooling(x, new int[] {2, 3}, new int[] {2, 3}, new int[] {0, 0});
        // means of {0,1,2,6,7,8}, {3,4,5,9,10,11}, {12,13,14,18,19,20}, {15,16,17,21,22,23}
        assertValues(new double[] {4, 7, 16, 19}, new int[] {1, 1, 2, 2}, y);
        y.backward();
        double[] sixth = new double[24];
        java.util.Arrays.fill(sixth, 1.0 / 6);
        assertValues(sixth, new int[] {1, 1, 4, 6}, x.grad());
    }

    @Test
    void paddingCountsInTheDivisor() {
        Variable x = var(NdArray.ones(1, 1, 2, 2));
        Variable y = F.averagePooling(x, 2, 2, 1);
        assertValues(new double[] {0.25, 0.25, 0.25, 0.25}, new int[] {1, 1, 2, 2}, y);
        y.backward();
        assertValues(new double[] {0.25, 0.25, 0.25, 0.25}, new int[] {1, 1, 2, 2}, x.grad());
    }

    @Test
    void gradientsOfEveryOrder() {
        long seed = 110;
        for (int[][] c : PoolingTest.CONFIGS) {
            NdArray x = rand(seed++, c[0]);
            checkGrad(v -> F.averagePooling(v[0], c[1], c[2], c[3]), x);
            checkSecondOrder(v -> F.averagePooling(v[0], c[1], c[2], c[3]).pow(2), x);
        }
        checkGrad(v -> F.averagePooling(v[0], 3), rand(7, 1, 2, 5, 4));
    }

    @Test
    void badInputNamesTheOpAndShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> F.averagePooling(var(rand(1, 2, 4)), 2, 2, 0));
        assertTrue(e.getMessage().contains("average_pooling") && e.getMessage().contains("(2, 4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> F.averagePooling(var(rand(1, 1, 1, 2, 2)), new int[] {3, 1}, new int[] {1, 1}, new int[] {0, 0}));
        assertTrue(e.getMessage().contains("average_pooling") && e.getMessage().contains("larger"), e.getMessage());
    }
}
