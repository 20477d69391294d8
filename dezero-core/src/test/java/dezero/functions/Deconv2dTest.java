package dezero.functions;

import dezero.Variable;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deconv2d (transposed convolution): hand-computed values, output sizes, gradient checks, bad input. */
class Deconv2dTest {
    /** x shape, W shape (C, OC, KH, KW), stride, pad, outsize (or null). */
    static final int[][][] CONFIGS = {
            {{1, 2, 3, 3}, {2, 3, 3, 3}, {1, 1}, {0, 0}, null},
            {{2, 2, 3, 3}, {2, 3, 3, 3}, {2, 2}, {1, 1}, {6, 6}},
            {{1, 2, 3, 4}, {2, 3, 2, 3}, {2, 1}, {0, 1}, null},
            {{1, 1, 2, 3}, {1, 2, 3, 1}, {3, 2}, {1, 0}, {5, 6}},
    };

    @Test
    void forwardByHand() {
        Variable x = var(new double[] {1, 2, 3, 4}, 1, 1, 2, 2);
        Variable w = var(NdArray.ones(1, 1, 2, 2));
        // stride 2: every input pixel becomes a 2x2 block
        assertValues(new double[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, new int[] {1, 1, 4, 4},
                F.deconv2d(x, w, null, 2, 0, null));
        // stride 1: overlapping blocks add up
        assertValues(new double[] {1, 3, 2, 4, 10, 6, 3, 7, 4}, new int[] {1, 1, 3, 3}, F.deconv2d(x, w));
        assertValues(new double[] {2, 4, 3, 5, 11, 7, 4, 8, 5}, new int[] {1, 1, 3, 3},
                F.deconv2d(x, w, var(new double[] {1}, 1), 1, 0, null));
    }

    @Test
    void outputSizeDefaultsToTheInverseOfConv2dOrIsGiven() {
        Variable x = var(rand(1, 1, 2, 2, 2));
        Variable w = var(rand(2, 2, 3, 3, 3));
        assertArrayEquals(new int[] {1, 3, 3, 3}, F.deconv2d(x, w, null, 2, 1, null).shape());
        Variable y = F.deconv2d(x, w, null, 2, 1, new int[] {4, 4});
        assertArrayEquals(new int[] {1, 3, 4, 4}, y.shape());
        y.backward();
        assertArrayEquals(x.shape(), x.grad().shape());
        assertArrayEquals(w.shape(), w.grad().shape());
    }

    @Test
    void gradients() {
        long seed = 70;
        for (int[][] c : CONFIGS) {
            NdArray x = rand(seed++, c[0]);
            NdArray w = rand(seed++, c[1]);
            NdArray b = rand(seed++, c[1][1]);
            checkGrad(v -> F.deconv2d(v[0], v[1], v[2], c[2], c[3], c[4]), x, w, b);
            checkGrad(v -> F.deconv2d(v[0], v[1], null, c[2], c[3], c[4]), x, w);
            checkSecondOrder(v -> F.deconv2d(v[0], v[1], v[2], c[2], c[3], c[4]).pow(2), x, w, b);
        }
    }

    @Test
    void badInputNamesTheOpAndShapes() {
        Variable x = var(rand(1, 1, 2, 3, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> F.deconv2d(x, var(rand(2, 3, 2, 3, 3))));
        assertTrue(e.getMessage().contains("deconv2d") && e.getMessage().contains("2 channels")
                && e.getMessage().contains("(3, 2, 3, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> F.deconv2d(x, var(rand(2, 2, 3, 3, 3)), null, 2, 1, new int[] {8, 8}));
        assertTrue(e.getMessage().contains("deconv2d") && e.getMessage().contains("(8, 8)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> F.deconv2d(var(rand(3, 2, 3)), var(rand(2, 2, 3, 3, 3))));
        assertTrue(e.getMessage().contains("deconv2d") && e.getMessage().contains("4-d"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> F.deconv2d(x, var(rand(2, 2, 3, 3, 3)), null, -1, 0, null));
        assertTrue(e.getMessage().contains("deconv2d") && e.getMessage().contains("stride")
                && e.getMessage().contains("(1, 2, 3, 3)"), e.getMessage());
    }
}
