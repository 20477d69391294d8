package dezero.layers;

import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.utils.GradientCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conv2d and Deconv2d layers: lazy DeZero initialisation, dtypes, shapes, hand-computed outputs, gradients, bad input. */
class ConvLayersTest {
    /** The first eight values of {@code np.random.seed(0); np.random.randn(8)}. */
    static final double[] NUMPY_SEED0_RANDN = {1.764052345967664, 0.4001572083672233, 0.978737984105739,
            2.240893199201458, 1.8675579901499675, -0.977277879876411, 0.9500884175255894, -0.1513572082976979};

    private static Variable input(double[] data, int... shape) {
        return new Variable(NdArray.wrap(data, shape));
    }

    private static void assertValues(double[] expected, int[] shape, NdArray actual, double tol) {
        assertArrayEquals(shape, actual.shape());
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], a[i], tol, "element " + i);
        }
    }

    @Test
    void conv2dDrawsWLazilyFromTheInputChannelsWithDeZerosScale() {
        NdRandom.seedGlobal(0);
        Conv2d conv = new Conv2d(2, 2, 1, 0, false, DType.FLOAT64, null);
        assertNull(conv.weight().data(), "no W before the first call");
        assertEquals(List.of("W", "b"), List.copyOf(conv.flattenParams().keySet()));
        Variable y = conv.apply(NdArray.ones(DType.FLOAT64, 1, 1, 3, 3));
        // W = randn(OC=2, C=1, 2, 2) * sqrt(1 / (1 * 2 * 2)), b = 0: np.random.seed(0)'s draws
        double[] expected = new double[8];
        for (int i = 0; i < 8; i++) {
            expected[i] = NUMPY_SEED0_RANDN[i] * 0.5;
        }
        assertValues(expected, new int[] {2, 1, 2, 2}, conv.weight().data(), 1e-15);
        assertValues(new double[] {0, 0}, new int[] {2}, conv.bias().data(), 0);
        // on ones, each output is the sum of the filter
        double s0 = expected[0] + expected[1] + expected[2] + expected[3];
        double s1 = expected[4] + expected[5] + expected[6] + expected[7];
        assertValues(new double[] {s0, s0, s0, s0, s1, s1, s1, s1}, new int[] {1, 2, 2, 2}, y.data(), 1e-14);
    }

    @Test
    void deconv2dWeightHasTheInputChannelsFirst() {
        NdRandom.seedGlobal(0);
        Deconv2d deconv = new Deconv2d(1, 2, 1, 0, true, DType.FLOAT64, null);
        assertNull(deconv.bias());
        assertEquals(List.of("W"), List.copyOf(deconv.flattenParams().keySet()));
        Variable y = deconv.apply(NdArray.ones(DType.FLOAT64, 1, 2, 1, 1));
        // W = randn(C=2, OC=1, 2, 2) * sqrt(1 / (2 * 2 * 2))
        double[] expected = new double[8];
        for (int i = 0; i < 8; i++) {
            expected[i] = NUMPY_SEED0_RANDN[i] * Math.sqrt(1.0 / 8);
        }
        assertValues(expected, new int[] {2, 1, 2, 2}, deconv.weight().data(), 1e-15);
        // a 1x1 input of ones: the output is the sum of the two input channels' filters
        double[] sum = new double[4];
        for (int i = 0; i < 4; i++) {
            sum[i] = expected[i] + expected[4 + i];
        }
        assertValues(sum, new int[] {1, 1, 2, 2}, y.data(), 1e-15);
    }

    @Test
    void defaultsAreFloat32WithABias() {
        Conv2d conv = new Conv2d(4, 3);
        Variable y = conv.apply(NdArray.ones(DType.FLOAT32, 2, 3, 5, 5));
        assertArrayEquals(new int[] {2, 4, 3, 3}, y.shape());
        assertEquals(DType.FLOAT32, conv.weight().data().dtype());
        assertEquals(DType.FLOAT32, conv.bias().data().dtype());
        assertEquals(DType.FLOAT32, y.dtype());
        assertArrayEquals(new int[] {4, 3, 3, 3}, conv.weight().shape());
        Deconv2d deconv = new Deconv2d(4, 3);
        assertArrayEquals(new int[] {2, 4, 7, 7}, deconv.apply(NdArray.ones(DType.FLOAT32, 2, 3, 5, 5)).shape());
        assertArrayEquals(new int[] {3, 4, 3, 3}, deconv.weight().shape());
        assertEquals(DType.FLOAT32, deconv.weight().data().dtype());
    }

    @Test
    void givenInputChannelsInitialiseWAtConstruction() {
        Conv2d conv = new Conv2d(3, 2, 1, 0, false, DType.FLOAT64, 5);
        assertArrayEquals(new int[] {3, 5, 2, 2}, conv.weight().shape());
        assertEquals(DType.FLOAT64, conv.weight().data().dtype());
        Deconv2d deconv = new Deconv2d(3, 2, 1, 0, false, DType.FLOAT64, 5);
        assertArrayEquals(new int[] {5, 3, 2, 2}, deconv.weight().shape());
    }

    @Test
    void conv2dByHand() {
        Conv2d conv = new Conv2d(1, 2, 1, 0, false, DType.FLOAT64, 1);
        conv.weight().setData(NdArray.wrap(new double[] {1, 2, 3, 4}, 1, 1, 2, 2));
        conv.bias().setData(NdArray.wrap(new double[] {0.5}, 1));
        // x = 0..8 as 3x3: y[i][j] = x[i][j] + 2 x[i][j+1] + 3 x[i+1][j] + 4 x[i+1][j+1] + 0.5
        Variable y = conv.apply(input(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, 1, 1, 3, 3));
        assertValues(new double[] {27.5, 37.5, 57.5, 67.5}, new int[] {1, 1, 2, 2}, y.data(), 0);
    }

    @Test
    void deconv2dByHand() {
        Deconv2d deconv = new Deconv2d(1, 2, 2, 0, false, DType.FLOAT64, 1);
        deconv.weight().setData(NdArray.ones(DType.FLOAT64, 1, 1, 2, 2));
        deconv.bias().setData(NdArray.wrap(new double[] {1}, 1));
        // stride 2: every input pixel becomes a 2x2 block, plus the bias
        Variable y = deconv.apply(input(new double[] {1, 2, 3, 4}, 1, 1, 2, 2));
        assertValues(new double[] {2, 2, 3, 3, 2, 2, 3, 3, 4, 4, 5, 5, 4, 4, 5, 5}, new int[] {1, 1, 4, 4}, y.data(), 0);
    }

    @Test
    void kernelStrideAndPadAsPairs() {
        Conv2d conv = new Conv2d(2, new int[] {1, 2}, new int[] {2, 1}, new int[] {1, 0}, false, DType.FLOAT32, null);
        // OH = (5 + 2 - 1) / 2 + 1 = 4, OW = (6 - 2) / 1 + 1 = 5
        assertArrayEquals(new int[] {1, 2, 4, 5}, conv.apply(NdArray.ones(DType.FLOAT32, 1, 3, 5, 6)).shape());
        assertArrayEquals(new int[] {2, 3, 1, 2}, conv.weight().shape());
        assertArrayEquals(new int[] {1, 2}, conv.kernelSize());
        Deconv2d deconv = new Deconv2d(2, new int[] {3, 2}, new int[] {2, 3}, new int[] {1, 0}, false, DType.FLOAT32,
                null);
        // OH = 2 * (4 - 1) + 3 - 2 = 7, OW = 3 * (5 - 1) + 2 - 0 = 14
        assertArrayEquals(new int[] {1, 2, 7, 14}, deconv.apply(NdArray.ones(DType.FLOAT32, 1, 3, 4, 5)).shape());
        assertArrayEquals(new int[] {3, 2, 3, 2}, deconv.weight().shape());
    }

    @Test
    void gradientsMatchCentralDifferencesAndTheFunctions() {
        NdRandom rng = new NdRandom(11);
        NdArray x = rng.randn(2, 3, 5, 4);
        Conv2d conv = new Conv2d(2, new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 1}, false, DType.FLOAT64, null);
        Deconv2d deconv = new Deconv2d(2, new int[] {2, 3}, new int[] {2, 2}, new int[] {0, 1}, false, DType.FLOAT64,
                null);
        for (ConvLayer layer : List.of(conv, deconv)) {
            layer.apply(x);                                           // draws W
            layer.bias().setData(rng.randn(2));
            GradientCheck.assertGradients(v -> layer.apply(v[0]), x); // the parameters stay fixed
            layer.cleargrads();
            layer.apply(new Variable(x)).backward();
            Variable xv = new Variable(x);
            Variable wv = new Variable(layer.weight().data());
            Variable bv = new Variable(layer.bias().data());
            Variable y = layer == conv ? dezero.functions.F.conv2d(xv, wv, bv, conv.stride(), conv.pad())
                    : dezero.functions.F.deconv2d(xv, wv, bv, deconv.stride(), deconv.pad(), null);
            y.backward();
            assertValues(wv.grad().data().toDoubleArray(), wv.shape(), layer.weight().grad().data(), 0);
            assertValues(bv.grad().data().toDoubleArray(), bv.shape(), layer.bias().grad().data(), 0);
        }
    }

    @Test
    void layerParametersGetTheirGradients() {
        Conv2d conv = new Conv2d(2, 3, 1, 1, false, DType.FLOAT64, null);
        Variable y = conv.apply(NdArray.ones(DType.FLOAT64, 2, 3, 4, 4));
        y.backward();
        assertArrayEquals(conv.weight().shape(), conv.weight().grad().shape());
        // b's gradient is the number of output pixels per channel: N * OH * OW = 2 * 4 * 4
        assertValues(new double[] {32, 32}, new int[] {2}, conv.bias().grad().data(), 0);
    }

    @Test
    void badInputNamesTheLayerAndTheShapes() {
        Conv2d conv = new Conv2d(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conv.apply(NdArray.ones(DType.FLOAT32, 3, 8, 8)));
        assertTrue(e.getMessage().contains("Conv2d") && e.getMessage().contains("(3, 8, 8)"), e.getMessage());
        conv.apply(NdArray.ones(DType.FLOAT32, 1, 3, 8, 8));
        e = assertThrows(IllegalArgumentException.class, () -> conv.apply(NdArray.ones(DType.FLOAT32, 1, 4, 8, 8)));
        assertTrue(e.getMessage().contains("Conv2d") && e.getMessage().contains("(1, 4, 8, 8)")
                && e.getMessage().contains("(2, 3, 3, 3)"), e.getMessage());
        Deconv2d deconv = new Deconv2d(2, 3, 1, 0, false, DType.FLOAT32, 5);
        e = assertThrows(IllegalArgumentException.class, () -> deconv.apply(NdArray.ones(DType.FLOAT32, 1, 2, 4, 4)));
        assertTrue(e.getMessage().contains("Deconv2d") && e.getMessage().contains("(1, 2, 4, 4)")
                && e.getMessage().contains("(5, 2, 3, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> deconv.apply(new Variable(NdArray.ones(1, 5, 2, 2)),
                new Variable(NdArray.ones(1, 5, 2, 2))));
        assertTrue(e.getMessage().contains("Deconv2d") && e.getMessage().contains("one input"), e.getMessage());
    }

    @Test
    void badArgumentsAreRejectedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new Conv2d(0, 3));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Conv2d(2, 0)).getMessage().contains("Conv2d"));
        assertThrows(IllegalArgumentException.class, () -> new Conv2d(2, 3, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Deconv2d(2, 3, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new Conv2d(2, 3, 1, 0, false, DType.INT64, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Deconv2d(2, new int[] {3}, new int[] {1, 1}, new int[] {0, 0}, false, DType.FLOAT32, null));
        assertThrows(IllegalArgumentException.class, () -> new Conv2d(2, 3, 1, 0, false, DType.FLOAT32, 0));
    }

    @Test
    void weightsOfALazyLayerComeFromLoadedDataToo() {
        Conv2d conv = new Conv2d(2, 3);
        conv.weight().setData(NdArray.ones(DType.FLOAT32, 2, 4, 3, 3));
        assertArrayEquals(new int[] {1, 2, 1, 1}, conv.apply(NdArray.ones(DType.FLOAT32, 1, 4, 3, 3)).shape());
        assertEquals(36.0, conv.apply(NdArray.ones(DType.FLOAT32, 1, 4, 3, 3)).data().getFlat(0), 0);
    }
}
