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

/** Max pooling (with its argmax grad ops) and poolingSimple: values, ties, padding, gradients, bad input. */
class PoolingTest {
    /** x shape, kernel, stride, pad: non-square kernels and strides, padding, odd sizes. */
    static final int[][][] CONFIGS = {
            {{1, 2, 4, 4}, {2, 2}, {2, 2}, {0, 0}},
            {{2, 2, 5, 5}, {3, 3}, {2, 2}, {1, 1}},
            {{1, 3, 5, 7}, {2, 3}, {2, 1}, {1, 0}},
            {{2, 1, 7, 3}, {3, 1}, {1, 3}, {0, 1}},
    };

    @Test
    void forwardAndBackwardByHand() {
        Variable x = var(seq(1, 1, 4, 4));
        Variable y = F.pooling(x, 2, 2, 0);
        assertValues(new double[] {5, 7, 13, 15}, new int[] {1, 1, 2, 2}, y);
        y.backward();
        assertValues(new double[] {0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1}, new int[] {1, 1, 4, 4}, x.grad());
    }

    @Test
    void tiesGoToTheFirstMaximumButToAllInTheSimpleVariant() {
        Variable x = var(NdArray.ones(1, 1, 3, 3));
        F.pooling(x, 2).backward();
        assertValues(new double[] {1, 1, 0, 1, 1, 0, 0, 0, 0}, new int[] {1, 1, 3, 3}, x.grad());
        Variable x2 = var(NdArray.ones(1, 1, 3, 3));
        F.poolingSimple(x2, 2, 1, 0).backward();
        assertValues(new double[] {1, 2, 1, 2, 4, 2, 1, 2, 1}, new int[] {1, 1, 3, 3}, x2.grad());
    }

    @Test
    void paddingIsZeroAndTakesPartInTheMaximum() {
        Variable x = var(new double[] {-1, -2, -3, -4}, 1, 1, 2, 2);
        Variable y = F.pooling(x, 2, 2, 1);
        assertValues(new double[] {0, 0, 0, 0}, new int[] {1, 1, 2, 2}, y);
        y.backward();
        assertValues(new double[] {0, 0, 0, 0}, new int[] {1, 1, 2, 2}, x.grad());
    }

    @Test
    void gradientsOfEveryOrder() {
        long seed = 90;
        for (int[][] c : CONFIGS) {
            NdArray x = rand(seed++, c[0]);
            checkGrad(v -> F.pooling(v[0], c[1], c[2], c[3]), x);
            checkSecondOrder(v -> F.pooling(v[0], c[1], c[2], c[3]).pow(2), x);
            checkGrad(v -> F.poolingSimple(v[0], c[1], c[2], c[3]), x);
            Variable fast = F.pooling(var(x), c[1], c[2], c[3]);
            assertValues(fast.data().toDoubleArray(), fast.shape(), F.poolingSimple(var(x), c[1], c[2], c[3]));
        }
    }

    @Test
    void thirdOrderGoesThroughPoolingWithIndexesAndBack() {
        // y = sum(pool(x)^3); d/dx = scatter(3 pool(x)^2), d2/dx2 v = scatter(6 pool(x) gather(v)), and once more
        NdArray x = rand(5, 1, 1, 4, 4);
        Variable v = var(x);
        Variable y = F.sum(F.pooling(v, 2, 2, 0).pow(3));
        y.backward(false, true);
        Variable g1 = v.grad();
        v.cleargrad();
        F.sum(g1).backward(false, true);
        Variable g2 = v.grad();
        v.cleargrad();
        F.sum(g2).backward();
        Variable g3 = v.grad();
        // sum(g2) = sum(6 pool(x)), so g3 is 6 at each window's maximum and 0 elsewhere
        double[] want = new double[16];
        double[] xd = x.toDoubleArray();
        for (int k = 0; k < 4; k++) {
            int best = -1;
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    int f = ((k / 2) * 2 + i) * 4 + (k % 2) * 2 + j;
                    if (best < 0 || xd[f] > xd[best]) {
                        best = f;
                    }
                }
            }
            want[best] = 6;
        }
        assertValues(want, new int[] {1, 1, 4, 4}, g3);
    }

    @Test
    void badInputNamesTheOpAndShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> F.pooling(var(rand(1, 4, 4)), 2, 2, 0));
        assertTrue(e.getMessage().contains("pooling") && e.getMessage().contains("(4, 4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.pooling(var(rand(1, 1, 1, 3, 3)), 5, 1, 0));
        assertTrue(e.getMessage().contains("pooling") && e.getMessage().contains("larger")
                && e.getMessage().contains("(1, 1, 3, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.pooling(var(rand(1, 1, 1, 3, 3)), 2, 0, 0));
        assertTrue(e.getMessage().contains("pooling") && e.getMessage().contains("stride")
                && e.getMessage().contains("(1, 1, 3, 3)"), e.getMessage());
    }
}
