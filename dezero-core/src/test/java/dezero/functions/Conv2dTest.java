package dezero.functions;

import dezero.Variable;
import dezero.ndarray.ConvWindow;
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

/** conv2d, conv2dSimple and Conv2dGradW: hand-computed values, gradient checks, bad input. */
class Conv2dTest {
    /** x shape, W shape, stride (h, w), pad (h, w): stride > 1, padding, non-square kernels and strides, odd sizes. */
    static final int[][][] CONFIGS = {
            {{2, 3, 5, 5}, {4, 3, 3, 3}, {1, 1}, {0, 0}},
            {{2, 3, 5, 5}, {4, 3, 3, 3}, {2, 2}, {1, 1}},
            {{1, 2, 5, 7}, {3, 2, 2, 3}, {2, 1}, {1, 0}},
            {{2, 1, 7, 4}, {2, 1, 3, 1}, {3, 2}, {0, 2}},
            {{1, 2, 3, 3}, {2, 2, 5, 5}, {1, 1}, {1, 1}},
    };

    static Variable ones(int... shape) {
        return var(NdArray.ones(shape));
    }

    @Test
    void forwardByHand() {
        Variable x = var(seq(1, 1, 4, 4));
        assertValues(new double[] {45, 54, 81, 90}, new int[] {1, 1, 2, 2}, F.conv2d(x, ones(1, 1, 3, 3)));
        assertValues(new double[] {46, 55, 82, 91}, new int[] {1, 1, 2, 2},
                F.conv2d(x, ones(1, 1, 3, 3), var(new double[] {1}, 1), 1, 0));
        // zero padding: 3x3 box sums of a 4x4 image of ones
        assertValues(new double[] {4, 6, 6, 4, 6, 9, 9, 6, 6, 9, 9, 6, 4, 6, 6, 4}, new int[] {1, 1, 4, 4},
                F.conv2d(ones(1, 1, 4, 4), ones(1, 1, 3, 3), null, 1, 1));
        // kernel (1, 2) = [1, 10], stride (2, 1): y[r, c] = x[2r, c] + 10 x[2r, c+1]
        Variable w = var(new double[] {1, 10}, 1, 1, 1, 2);
        assertValues(new double[] {10, 21, 32, 98, 109, 120}, new int[] {1, 1, 2, 3},
                F.conv2d(var(seq(1, 1, 3, 4)), w, null, new int[] {2, 1}, new int[] {0, 0}));
    }

    @Test
    void backwardByHand() {
        Variable x = var(seq(1, 1, 4, 4));
        Variable w = ones(1, 1, 3, 3);
        Variable b = var(new double[] {0.5}, 1);
        F.conv2d(x, w, b, 1, 0).backward();
        // gx: how many of the four windows cover each pixel; gW[i, j] = sum of x over the windows shifted by (i, j)
        assertValues(new double[] {1, 2, 2, 1, 2, 4, 4, 2, 2, 4, 4, 2, 1, 2, 2, 1}, new int[] {1, 1, 4, 4}, x.grad());
        assertValues(new double[] {10, 14, 18, 26, 30, 34, 42, 46, 50}, new int[] {1, 1, 3, 3}, w.grad());
        assertValues(new double[] {4}, new int[] {1}, b.grad());
    }

    @Test
    void gradientsWithAndWithoutBias() {
        long seed = 10;
        for (int[][] c : CONFIGS) {
            NdArray x = rand(seed++, c[0]);
            NdArray w = rand(seed++, c[1]);
            NdArray b = rand(seed++, c[1][0]);
            checkGrad(v -> F.conv2d(v[0], v[1], v[2], c[2], c[3]), x, w, b);
            checkGrad(v -> F.conv2d(v[0], v[1], null, c[2], c[3]), x, w);
            checkSecondOrder(v -> F.conv2d(v[0], v[1], v[2], c[2], c[3]).pow(2), x, w, b);
        }
    }

    @Test
    void simpleVariantEqualsConv2dAndHasTheSameGradients() {
        long seed = 30;
        for (int[][] c : CONFIGS) {
            NdArray x = rand(seed++, c[0]);
            NdArray w = rand(seed++, c[1]);
            NdArray b = rand(seed++, c[1][0]);
            Variable fast = F.conv2d(var(x), var(w), var(b), c[2], c[3]);
            Variable simple = F.conv2dSimple(var(x), var(w), var(b), c[2], c[3]);
            assertValues(fast.data().toDoubleArray(), fast.shape(), simple);
            checkGrad(v -> F.conv2dSimple(v[0], v[1], v[2], c[2], c[3]), x, w, b);
        }
        Variable x = var(seq(1, 1, 4, 4));
        assertValues(new double[] {45, 54, 81, 90}, new int[] {1, 1, 2, 2}, F.conv2dSimple(x, ones(1, 1, 3, 3), null, 1, 0));
    }

    @Test
    void gradWIsDifferentiableInBothArguments() {
        long seed = 50;
        for (int[][] c : CONFIGS) {
            ConvWindow g = ConvWindow.of("conv2d", c[1][2], c[1][3], c[2][0], c[2][1], c[3][0], c[3][1]);
            NdArray x = rand(seed++, c[0]);
            NdArray gy = rand(seed++, c[0][0], c[1][0], g.outHeight(c[0][2]), g.outWidth(c[0][3]));
            checkGrad(v -> new Conv2dGradW(g).apply(v[0], v[1]), x, gy);
            checkSecondOrder(v -> new Conv2dGradW(g).apply(v[0], v[1]).pow(2), x, gy);
        }
    }

    @Test
    void float32StaysFloat32() {
        Variable x = var(rand(1, 2, 3, 5, 5).astype(dezero.ndarray.DType.FLOAT32));
        Variable w = var(rand(2, 4, 3, 3, 3).astype(dezero.ndarray.DType.FLOAT32));
        Variable y = F.conv2d(x, w, null, 2, 1);
        y.backward();
        assertTrue(y.dtype() == dezero.ndarray.DType.FLOAT32 && x.grad().dtype() == dezero.ndarray.DType.FLOAT32
                && w.grad().dtype() == dezero.ndarray.DType.FLOAT32);
    }

    static void assertRejected(String[] words, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), () -> "message '" + e.getMessage() + "' should mention " + word);
        }
    }

    @Test
    void badInputNamesTheOpAndShapes() {
        Variable x = var(rand(1, 2, 3, 5, 5));
        assertRejected(new String[] {"conv2d", "4-d", "(3, 5, 5)"}, () -> F.conv2d(var(rand(1, 3, 5, 5)), ones(4, 3, 3, 3)));
        assertRejected(new String[] {"conv2d", "3 channels", "2", "(2, 3, 5, 5)", "(4, 2, 3, 3)"},
                () -> F.conv2d(x, ones(4, 2, 3, 3)));
        assertRejected(new String[] {"conv2d", "kernel 7x7", "larger", "(2, 3, 5, 5)"}, () -> F.conv2d(x, ones(4, 3, 7, 7)));
        assertRejected(new String[] {"conv2d", "stride", "(0, 0)", "(2, 3, 5, 5)", "(4, 3, 3, 3)"}, () -> F.conv2d(x, ones(4, 3, 3, 3), null, 0, 0));
        assertRejected(new String[] {"conv2d", "pad"}, () -> F.conv2d(x, ones(4, 3, 3, 3), null, new int[] {1, 1},
                new int[] {1, 1, 1}));
        assertRejected(new String[] {"conv2d", "bias", "(4,)", "(3,)"}, () -> F.conv2d(x, ones(4, 3, 3, 3), ones(3), 1, 0));
        assertRejected(new String[] {"conv2d_simple", "4-d"}, () -> F.conv2dSimple(var(rand(1, 3, 5)), ones(4, 3, 3, 3),
                null, 1, 0));
    }
}
