package dezero.ndarray;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * float32 max pooling (branch-free inside the image, NaN rows by the comparison loop) agrees
 * exactly with the float64 loop on inputs full of ties, signed zeros, infinities and NaN.
 */
class MaxPoolFloatTest {
    private static final float[] VALUES = {-1f, -0f, 0f, 0.5f, 1f, 2f, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, -Float.MAX_VALUE};

    private static NdArray input(long seed, boolean withNaN, int... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[Shapes.size(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextInt(4) == 0 ? (float) r.nextGaussian() : VALUES[r.nextInt(VALUES.length)];
            if (withNaN && r.nextInt(40) == 0) {
                d[i] = r.nextBoolean() ? Float.NaN : Float.intBitsToFloat(0xffc00000);
            }
        }
        return NdArray.wrap(d, shape);
    }

    @Test
    void wholePlanesOf2x2WindowsAgreeWithTheFloat64Loop() {
        // planes wide enough for the vector kernel's whole-plane loop (VectorPool), an odd height, and a
        // width it leaves to the scalar loops (odd), each with and without NaN and infinities
        int[][] shapes = {{2, 3, 26, 26}, {1, 2, 33, 40}, {2, 2, 28, 28}, {1, 3, 20, 33}};
        ConvWindow g = ConvWindow.of("pooling", 2, 2, 2, 2, 0, 0);
        int seed = 100;
        for (int[] shape : shapes) {
            for (boolean withNaN : new boolean[] {false, true}) {
                NdArray x = input(seed++, withNaN, shape);
                Conv.MaxPooled f = Conv.maxPool(x, g);
                Conv.MaxPooled d = Conv.maxPool(x.astype(DType.FLOAT64), g);
                String what = java.util.Arrays.toString(shape) + " NaN " + withNaN;
                assertArrayEquals(d.argmax.longData(), f.argmax.longData(), "argmax " + what);
                for (int i = 0; i < d.output.size(); i++) {
                    assertEquals(d.output.getFlat(i), f.output.getFlat(i), "value " + i + " " + what);
                }
            }
        }
    }

    @Test
    void agreesWithTheFloat64LoopOnEveryGeometry() {
        int[][] windows = {{2, 2, 2, 2, 0, 0}, {3, 3, 1, 1, 1, 1}, {2, 3, 1, 2, 0, 1}, {1, 1, 1, 1, 0, 0}, {3, 2, 2, 1, 1, 0}};
        int seed = 0;
        for (int[] wd : windows) {
            for (boolean withNaN : new boolean[] {false, true}) {
                NdArray x = input(seed++, withNaN, 2, 3, 7, 9);
                ConvWindow g = ConvWindow.of("pooling", wd[0], wd[1], wd[2], wd[3], wd[4], wd[5]);
                Conv.MaxPooled f = Conv.maxPool(x, g);
                Conv.MaxPooled d = Conv.maxPool(x.astype(DType.FLOAT64), g);
                assertEquals(DType.FLOAT32, f.output.dtype());
                assertArrayEquals(d.argmax.longData(), f.argmax.longData(), "argmax, window " + g + " NaN " + withNaN);
                for (int i = 0; i < d.output.size(); i++) {
                    assertEquals(d.output.getFlat(i), f.output.getFlat(i), "value " + i + ", window " + g);
                }
                // backward: every gy lands on its window's argmax, in both precisions and both scatter paths
                NdArray gy = NdArray.arange(1, 1 + d.output.size(), 1).reshape(d.output.shape());
                NdArray gd = Conv.maxPoolGrad(gy, d.argmax, x.shape(), g);
                NdArray gf = Conv.maxPoolGrad(gy.astype(DType.FLOAT32), f.argmax, x.shape(), g);
                NdArray byHand = NdArray.zeros(DType.FLOAT64, x.shape());
                int[] s = x.shape();
                long[] am = d.argmax.longData();
                int oh = d.output.shape(2);
                int ow = d.output.shape(3);
                for (int o = 0; o < am.length; o++) {
                    int plane = o / (oh * ow);
                    int oy = o / ow % oh;
                    int ox = o % ow;
                    int iy = oy * g.sh - g.ph + (int) am[o] / g.kw;
                    int ix = ox * g.sw - g.pw + (int) am[o] % g.kw;
                    if (iy >= 0 && iy < s[2] && ix >= 0 && ix < s[3]) {
                        int at = (plane * s[2] + iy) * s[3] + ix;
                        byHand.setFlat(at, byHand.getFlat(at) + gy.getFlat(o));
                    }
                }
                for (int i = 0; i < byHand.size(); i++) {
                    assertEquals(byHand.getFlat(i), gd.getFlat(i), "grad " + i + ", window " + g);
                    assertEquals(byHand.getFlat(i), gf.getFlat(i), "float grad " + i + ", window " + g);
                }
            }
        }
    }

    @Test
    void anArgmaxThatIsNoTapOfTheWindowIsRefusedByName() {
        // the vector kernel's whole-plane scatter (26 x 26 float32), the scalar loops (float64), a padded
        // window (taps reached through their offsets) and the gather: none may write or read another pixel
        ConvWindow pool2 = ConvWindow.of("pooling", 2, 2, 2, 2, 0, 0);
        ConvWindow padded = ConvWindow.of("pooling", 3, 3, 1, 1, 1, 1);
        for (ConvWindow g : new ConvWindow[] {pool2, padded}) {
            for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                NdArray x = input(7, false, 1, 2, 26, 26).astype(t);
                Conv.MaxPooled f = Conv.maxPool(x, g);
                long[] bad = f.argmax.longData().clone();
                bad[bad.length / 2] = g.kh * g.kw;
                NdArray argmax = NdArray.wrap(bad, f.argmax.shape());
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> Conv.maxPoolGrad(f.output, argmax, x.shape(), g));
                String want = "argmax " + (g.kh * g.kw) + " at index " + bad.length / 2;
                assertTrue(e.getMessage().contains(want), e.getMessage());
                e = assertThrows(IllegalArgumentException.class, () -> Conv.maxPoolGather(x, argmax, g));
                assertTrue(e.getMessage().contains(want), e.getMessage());
                bad[bad.length / 2] = -1;
                assertThrows(IllegalArgumentException.class, () -> Conv.maxPoolGrad(f.output, argmax, x.shape(), g));
            }
        }
    }
}
