package dezero.ndarray;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The array-level convolution loops against naive definitions (a direct six-fold loop over the
 * zero-padded image) on awkward sizes: odd and 1-pixel images, non-square kernels, strides and
 * paddings, kernels as large as the padded image, float64 and float32, and batches large enough to
 * be split among threads. col2im, deconv2d and conv2dGradW are checked as the adjoints they are.
 */
class ConvTest {

    /** (N, C, H, W, OC, KH, KW, SH, SW, PH, PW) configurations. */
    static List<int[]> configs() {
        List<int[]> out = new ArrayList<>();
        out.add(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0});
        out.add(new int[] {2, 3, 5, 5, 4, 3, 3, 1, 1, 0, 0});
        out.add(new int[] {2, 3, 5, 5, 4, 3, 3, 2, 2, 1, 1});
        out.add(new int[] {1, 2, 7, 8, 3, 2, 3, 2, 1, 1, 0});
        out.add(new int[] {3, 1, 13, 7, 2, 5, 1, 3, 2, 2, 0});
        out.add(new int[] {1, 2, 3, 3, 2, 5, 5, 1, 1, 1, 1});   // kernel = padded image: 1x1 output
        out.add(new int[] {2, 2, 1, 8, 2, 1, 3, 1, 3, 0, 2});
        out.add(new int[] {1, 1, 4, 4, 1, 2, 2, 3, 3, 2, 2});   // windows entirely in the padding
        out.add(new int[] {16, 8, 16, 16, 16, 3, 3, 1, 1, 1, 1}); // split among threads
        Random r = new Random(42);
        for (int i = 0; i < 12; i++) {
            int kh = 1 + r.nextInt(4), kw = 1 + r.nextInt(4);
            int ph = r.nextInt(3), pw = r.nextInt(3);
            int h = Math.max(1, kh - 2 * ph + r.nextInt(6)), w = Math.max(1, kw - 2 * pw + r.nextInt(6));
            out.add(new int[] {1 + r.nextInt(3), 1 + r.nextInt(3), h, w, 1 + r.nextInt(3), kh, kw, 1 + r.nextInt(3),
                    1 + r.nextInt(3), ph, pw});
        }
        return out;
    }

    static NdArray rand(Random r, int... shape) {
        double[] d = new double[Shapes.size(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble() * 2 - 1;
        }
        return NdArray.wrap(d, shape);
    }

    static ConvWindow window(int[] c) {
        return ConvWindow.of("test", c[5], c[6], c[7], c[8], c[9], c[10]);
    }

    /** x[n, ch, iy, ix] of the zero-padded image. */
    static double padded(NdArray x, int n, int ch, int iy, int ix) {
        int[] s = x.shape();
        return iy < 0 || iy >= s[2] || ix < 0 || ix >= s[3] ? 0 : x.get(n, ch, iy, ix);
    }

    static NdArray naiveIm2col(NdArray x, ConvWindow g) {
        int[] s = x.shape();
        int oh = g.outHeight(s[2]), ow = g.outWidth(s[3]);
        NdArray col = NdArray.zeros(s[0], s[1], g.kh, g.kw, oh, ow);
        for (int n = 0; n < s[0]; n++) {
            for (int c = 0; c < s[1]; c++) {
                for (int i = 0; i < g.kh; i++) {
                    for (int j = 0; j < g.kw; j++) {
                        for (int y = 0; y < oh; y++) {
                            for (int q = 0; q < ow; q++) {
                                col.set(padded(x, n, c, y * g.sh - g.ph + i, q * g.sw - g.pw + j), n, c, i, j, y, q);
                            }
                        }
                    }
                }
            }
        }
        return col;
    }

    static NdArray naiveConv(NdArray x, NdArray w, NdArray b, ConvWindow g) {
        int[] s = x.shape();
        int oc = w.shape(0);
        int oh = g.outHeight(s[2]), ow = g.outWidth(s[3]);
        NdArray y = NdArray.zeros(s[0], oc, oh, ow);
        for (int n = 0; n < s[0]; n++) {
            for (int o = 0; o < oc; o++) {
                for (int p = 0; p < oh; p++) {
                    for (int q = 0; q < ow; q++) {
                        double acc = b == null ? 0 : b.get(o);
                        for (int c = 0; c < s[1]; c++) {
                            for (int i = 0; i < g.kh; i++) {
                                for (int j = 0; j < g.kw; j++) {
                                    acc += w.get(o, c, i, j) * padded(x, n, c, p * g.sh - g.ph + i, q * g.sw - g.pw + j);
                                }
                            }
                        }
                        y.set(acc, n, o, p, q);
                    }
                }
            }
        }
        return y;
    }

    static double dot(NdArray a, NdArray b) {
        assertArrayEquals(a.shape(), b.shape());
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.getFlat(i) * b.getFlat(i);
        }
        return s;
    }

    static void assertClose(String what, NdArray expected, NdArray actual, double tol) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.getFlat(i), a = actual.getFlat(i);
            if (!(Math.abs(e - a) <= tol * Math.max(1, Math.abs(e)))) {
                throw new AssertionError(what + ": element " + i + " expected " + e + " got " + a);
            }
        }
    }

    static String name(int[] c) {
        return java.util.Arrays.toString(c);
    }

    @Test
    void im2colMatchesTheDefinitionInBothLayoutsAndDtypes() {
        Random r = new Random(1);
        for (int[] c : configs()) {
            ConvWindow g = window(c);
            NdArray x = rand(r, c[0], c[1], c[2], c[3]);
            NdArray want = naiveIm2col(x, g);
            assertClose("im2col " + name(c), want, Conv.im2col(x, g, false), 0);
            int[] s = want.shape();
            NdArray matrix = want.transpose(0, 4, 5, 1, 2, 3).reshape(s[0] * s[4] * s[5], -1);
            assertClose("im2col to_matrix " + name(c), matrix, Conv.im2col(x, g, true), 0);
            NdArray f32 = Conv.im2col(x.astype(DType.FLOAT32), g, true);
            assertEquals(DType.FLOAT32, f32.dtype());
            assertClose("im2col float32 " + name(c), matrix.astype(DType.FLOAT32), f32, 0);
        }
    }

    @Test
    void col2imIsTheAdjointOfIm2col() {
        Random r = new Random(2);
        for (int[] c : configs()) {
            ConvWindow g = window(c);
            int[] img = {c[0], c[1], c[2], c[3]};
            NdArray x = rand(r, img);
            for (boolean toMatrix : new boolean[] {false, true}) {
                NdArray col = Conv.im2col(x, g, toMatrix);
                NdArray k = rand(r, col.shape());
                double lhs = dot(col, k);
                double rhs = dot(x, Conv.col2im(k, img, g, toMatrix));
                assertEquals(lhs, rhs, 1e-10 * Math.max(1, Math.abs(lhs)), "<im2col x, k> = <x, col2im k> " + name(c));
                NdArray k32 = Conv.col2im(k.astype(DType.FLOAT32), img, g, toMatrix);
                assertEquals(DType.FLOAT32, k32.dtype());
                assertClose("col2im float32 " + name(c), Conv.col2im(k, img, g, toMatrix), k32, 1e-5);
            }
        }
    }

    @Test
    void conv2dMatchesTheDirectLoopWithAndWithoutBias() {
        Random r = new Random(3);
        for (int[] c : configs()) {
            ConvWindow g = window(c);
            NdArray x = rand(r, c[0], c[1], c[2], c[3]);
            NdArray w = rand(r, c[4], c[1], c[5], c[6]);
            NdArray b = rand(r, c[4]);
            assertClose("conv2d " + name(c), naiveConv(x, w, b, g), Conv.conv2d(x, w, b, g.sh, g.sw, g.ph, g.pw), 1e-12);
            assertClose("conv2d no bias " + name(c), naiveConv(x, w, null, g),
                    Conv.conv2d(x, w, null, g.sh, g.sw, g.ph, g.pw), 1e-12);
            NdArray y32 = Conv.conv2d(x.astype(DType.FLOAT32), w.astype(DType.FLOAT32), b.astype(DType.FLOAT32),
                    g.sh, g.sw, g.ph, g.pw);
            assertEquals(DType.FLOAT32, y32.dtype());
            assertClose("conv2d float32 " + name(c), naiveConv(x, w, b, g), y32, 1e-4);
        }
    }

    @Test
    void deconv2dAndGradWAreTheAdjointsOfConv2d() {
        Random r = new Random(4);
        for (int[] c : configs()) {
            ConvWindow g = window(c);
            NdArray x = rand(r, c[0], c[1], c[2], c[3]);
            NdArray w = rand(r, c[4], c[1], c[5], c[6]);
            NdArray y = Conv.conv2d(x, w, null, g.sh, g.sw, g.ph, g.pw);
            NdArray gy = rand(r, y.shape());
            double lhs = dot(y, gy);
            NdArray gx = Conv.deconv2d(gy, w, null, g.sh, g.sw, g.ph, g.pw, new int[] {c[2], c[3]});
            assertEquals(lhs, dot(x, gx), 1e-10 * Math.max(1, Math.abs(lhs)), "<conv x, gy> = <x, deconv gy> " + name(c));
            NdArray gw = Conv.conv2dGradW(x, gy, g);
            assertEquals(lhs, dot(w, gw), 1e-10 * Math.max(1, Math.abs(lhs)), "<conv x, gy> = <W, gradW> " + name(c));
            NdArray gx32 = Conv.deconv2d(gy.astype(DType.FLOAT32), w.astype(DType.FLOAT32), null, g.sh, g.sw, g.ph, g.pw,
                    new int[] {c[2], c[3]});
            assertClose("deconv2d float32 " + name(c), gx, gx32, 1e-4);
            assertClose("conv2dGradW float32 " + name(c), gw,
                    Conv.conv2dGradW(x.astype(DType.FLOAT32), gy.astype(DType.FLOAT32), g), 1e-4);
        }
    }

    @Test
    void deconv2dDefaultOutputSizeAndBias() {
        Random r = new Random(5);
        NdArray x = rand(r, 2, 3, 4, 5);
        NdArray w = rand(r, 3, 2, 3, 2);
        NdArray b = NdArray.array(new double[] {10, -20});
        NdArray y = Conv.deconv2d(x, w, b, 2, 3, 1, 0, null);
        // S*(H-1) + K - 2P: 2*3 + 3 - 2 = 7, 3*4 + 2 - 0 = 14
        assertArrayEquals(new int[] {2, 2, 7, 14}, y.shape());
        NdArray noBias = Conv.deconv2d(x, w, null, 2, 3, 1, 0, null);
        assertClose("bias per output channel", noBias.add(b.reshape(1, 2, 1, 1)), y, 1e-12);
    }

    static NdArray naivePool(NdArray x, ConvWindow g, boolean max) {
        int[] s = x.shape();
        int oh = g.outHeight(s[2]), ow = g.outWidth(s[3]);
        NdArray y = NdArray.zeros(s[0], s[1], oh, ow);
        for (int n = 0; n < s[0]; n++) {
            for (int c = 0; c < s[1]; c++) {
                for (int p = 0; p < oh; p++) {
                    for (int q = 0; q < ow; q++) {
                        double acc = max ? Double.NEGATIVE_INFINITY : 0;
                        for (int i = 0; i < g.kh; i++) {
                            for (int j = 0; j < g.kw; j++) {
                                double v = padded(x, n, c, p * g.sh - g.ph + i, q * g.sw - g.pw + j);
                                acc = max ? Math.max(acc, v) : acc + v;
                            }
                        }
                        y.set(max ? acc : acc / (g.kh * g.kw), n, c, p, q);
                    }
                }
            }
        }
        return y;
    }

    @Test
    void poolingMatchesTheDefinitionAndItsGradientsAreAdjoints() {
        Random r = new Random(6);
        for (int[] c : configs()) {
            ConvWindow g = window(c);
            int[] img = {c[0], c[1], c[2], c[3]};
            NdArray x = rand(r, img);
            Conv.MaxPooled mp = Conv.maxPool(x, g);
            assertClose("max pooling " + name(c), naivePool(x, g, true), mp.output, 0);
            assertClose("gather at argmax = max " + name(c), mp.output, Conv.maxPoolGather(x, mp.argmax, g), 0);
            NdArray gy = rand(r, mp.output.shape());
            assertEquals(dot(mp.output, gy), dot(x, Conv.maxPoolGrad(gy, mp.argmax, img, g)), 1e-10,
                    "<gather x, gy> = <x, scatter gy> " + name(c));
            NdArray avg = Conv.averagePool(x, g);
            assertClose("average pooling " + name(c), naivePool(x, g, false), avg, 1e-12);
            assertEquals(dot(avg, gy), dot(x, Conv.averagePoolGrad(gy, img, g)), 1e-10,
                    "<avg x, gy> = <x, avgGrad gy> " + name(c));
            NdArray x32 = x.astype(DType.FLOAT32);
            assertClose("max pooling float32 " + name(c), mp.output, Conv.maxPool(x32, g).output, 1e-7);
            assertClose("average pooling float32 " + name(c), avg, Conv.averagePool(x32, g), 1e-6);
            assertClose("average pooling grad float32 " + name(c), Conv.averagePoolGrad(gy, img, g),
                    Conv.averagePoolGrad(gy.astype(DType.FLOAT32), img, g), 1e-6);
        }
    }

    @Test
    void poolingOfALargeBatchSplitAmongThreadsMatchesTheDefinition() {
        Random r = new Random(7);
        ConvWindow g = ConvWindow.of("test", 3, 2, 2, 2, 1, 0);
        int[] img = {32, 32, 31, 32};
        NdArray x = rand(r, img);
        assertTrue(Conv.chunks(32 * 32, 16L * 16 * 6) > 1 || Runtime.getRuntime().availableProcessors() == 1,
                "this input is large enough to be split among threads");
        Conv.MaxPooled mp = Conv.maxPool(x, g);
        assertClose("max pooling", naivePool(x, g, true), mp.output, 0);
        assertClose("average pooling", naivePool(x, g, false), Conv.averagePool(x, g), 1e-12);
        NdArray gy = rand(r, mp.output.shape());
        double lhs = dot(mp.output, gy);
        assertEquals(lhs, dot(x, Conv.maxPoolGrad(gy, mp.argmax, img, g)), 1e-9 * Math.max(1, Math.abs(lhs)));
        assertClose("gather at argmax = max", mp.output, Conv.maxPoolGather(x, mp.argmax, g), 0);
    }

    @Test
    void maxPoolingTiesGoToTheFirstMaximumAndPaddingCountsAsZero() {
        NdArray x = NdArray.wrap(new double[] {1, 1, 1, 1}, 1, 1, 2, 2);
        Conv.MaxPooled mp = Conv.maxPool(x, ConvWindow.of("test", 2, 2, 1, 1, 0, 0));
        assertEquals(0, mp.argmax.getFlat(0));
        NdArray neg = NdArray.wrap(new double[] {-1, -2, -3, -4}, 1, 1, 2, 2);
        Conv.MaxPooled padded = Conv.maxPool(neg, ConvWindow.of("test", 2, 2, 2, 2, 1, 1));
        // every 2x2 window of the padded 4x4 image holds one pixel and three zeros of padding
        assertArrayEquals(new double[] {0, 0, 0, 0}, padded.output.toDoubleArray());
        NdArray gx = Conv.maxPoolGrad(NdArray.ones(1, 1, 2, 2), padded.argmax, new int[] {1, 1, 2, 2},
                ConvWindow.of("test", 2, 2, 2, 2, 1, 1));
        assertArrayEquals(new double[] {0, 0, 0, 0}, gx.toDoubleArray(), "no gradient flows into the padding");
        NdArray nan = NdArray.wrap(new double[] {1, Double.NaN, 3, 2}, 1, 1, 2, 2);
        Conv.MaxPooled mn = Conv.maxPool(nan, ConvWindow.of("test", 2, 2, 1, 1, 0, 0));
        assertTrue(Double.isNaN(mn.output.getFlat(0)), "NaN propagates as in np.max");
        assertEquals(1, mn.argmax.getFlat(0), "argmax is the first NaN as in np.argmax");
    }

    @Test
    void outputSizesFollowDeZero() {
        assertEquals(3, ConvWindow.convOutSize(5, 3, 2, 1));
        assertEquals(2, ConvWindow.convOutSize(7, 3, 3, 0));
        assertEquals(5, ConvWindow.deconvOutSize(3, 3, 2, 1));
        assertEquals(6, ConvWindow.deconvOutSize(3, 2, 2, 0));
    }

    @Test
    void badGeometryAndOperandsAreRejectedWithOpAndShapes() {
        NdArray x = NdArray.zeros(1, 2, 3, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Conv.conv2d(x, NdArray.zeros(1, 2, 5, 5), null, 1, 1, 0, 0));
        assertTrue(e.getMessage().contains("conv2d") && e.getMessage().contains("5x5")
                && e.getMessage().contains("(1, 2, 3, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvWindow.of("pooling", 2, 2, 0, 1, 0, 0));
        assertTrue(e.getMessage().contains("pooling") && e.getMessage().contains("stride"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvWindow.of("im2col", 2, 2, 1, 1, -1, 0));
        assertTrue(e.getMessage().contains("padding"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Conv.col2im(NdArray.zeros(3, 8), new int[] {1, 2, 4, 4}, ConvWindow.of("c", 2, 2, 1, 1, 0, 0), true));
        assertTrue(e.getMessage().contains("col2im") && e.getMessage().contains("(9, 8)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Conv.im2col(NdArray.zeros(DType.INT64, 1, 1, 2, 2), ConvWindow.of("c", 1, 1, 1, 1, 0, 0), true));
        assertTrue(e.getMessage().contains("im2col") && e.getMessage().contains("float"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Conv.deconv2d(x, NdArray.zeros(2, 1, 3, 3), null, 2, 2, 1, 1, new int[] {9, 9}));
        assertTrue(e.getMessage().contains("deconv2d") && e.getMessage().contains("(9, 9)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Conv.conv2dGradW(x, NdArray.zeros(1, 4, 2, 2), ConvWindow.of("c", 3, 3, 1, 1, 0, 0)));
        assertTrue(e.getMessage().contains("conv2dGradW") && e.getMessage().contains("(1, 4, 2, 2)"), e.getMessage());
    }
}
