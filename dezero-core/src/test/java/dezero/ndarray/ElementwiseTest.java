package dezero.ndarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dezero.ndarray.kernel.BinaryOp;
import dezero.ndarray.kernel.UnaryOp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Expected values were computed with NumPy 2.4 and hard-coded (the tests never call Python). */
class ElementwiseTest {

    // ------------------------------------------------------------------ helpers

    static int[] s(int... shape) {
        return shape;
    }

    /** 1, 2, 3, ... in the given shape (float64). */
    static NdArray a1(int... shape) {
        int n = Shapes.size(shape);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = i + 1;
        }
        return NdArray.wrap(d, shape);
    }

    /** 0.5, 1, 1.5, ... in the given shape (float64). */
    static NdArray b1(int... shape) {
        int n = Shapes.size(shape);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = (i + 1) * 0.5;
        }
        return NdArray.wrap(d, shape);
    }

    static void close(double e, double a, double rtol, String what) {
        if (Double.isNaN(e)) {
            assertTrue(Double.isNaN(a), what + ": expected NaN, got " + a);
        } else if (Double.isInfinite(e)) {
            assertEquals(e, a, 0.0, what);
        } else {
            assertEquals(e, a, rtol * Math.max(1.0, Math.abs(e)), what);
        }
    }

    static void checkD(NdArray x, DType dtype, double[] expected) {
        assertEquals(dtype, x.dtype(), "dtype");
        double[] got = x.toDoubleArray();
        assertEquals(expected.length, got.length, "size");
        for (int i = 0; i < expected.length; i++) {
            close(expected[i], got[i], 4e-16, "element " + i);
        }
    }

    static void checkF(NdArray x, float[] expected) {
        assertEquals(DType.FLOAT32, x.dtype(), "dtype");
        float[] got = x.floatData();
        assertEquals(expected.length, got.length, "size");
        for (int i = 0; i < expected.length; i++) {
            // one float32 ulp of slack for the transcendental functions
            close(expected[i], got[i], 1.2e-7, "element " + i);
        }
    }

    static void checkL(NdArray x, long[] expected) {
        assertEquals(DType.INT64, x.dtype(), "dtype");
        assertArrayEquals(expected, x.longData());
    }

    static void checkB(NdArray x, boolean... expected) {
        assertEquals(DType.BOOL, x.dtype(), "dtype");
        assertArrayEquals(expected, x.boolData());
    }

    static void check(NdArray x, int[] shape, double... expected) {
        assertArrayEquals(shape, x.shape(), "shape");
        double[] got = x.toDoubleArray();
        assertEquals(expected.length, got.length, "size");
        for (int i = 0; i < expected.length; i++) {
            close(expected[i], got[i], 4e-16, "element " + i);
        }
    }

    static void assertError(Class<? extends RuntimeException> type, Executable ex, String... parts) {
        RuntimeException e = assertThrows(type, ex);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' lacks '" + p + "'");
        }
    }

    static NdArray bin(BinaryOp op, NdArray a, NdArray b) {
        return Elementwise.binary(op, a, b, op.name().toLowerCase());
    }

    static final NdArray X64 = NdArray.array(new double[][] {{0.5, 1.5, 2.0}, {3.0, 0.25, 4.0}});
    static final NdArray Y64 = NdArray.array(new double[][] {{1.5, -2.0, 3.0}, {0.5, 4.0, -2.0}});
    static final NdArray X32 = X64.astype(DType.FLOAT32);
    static final NdArray Y32 = Y64.astype(DType.FLOAT32);
    static final NdArray XL = NdArray.wrap(new long[] {1, -2, 3, 4, 5, -6}, 2, 3);
    static final NdArray YL = NdArray.wrap(new long[] {2, 3, -1, -5, 2, 4}, 2, 3);
    static final NdArray PL = NdArray.wrap(new long[] {2, 3, 0, 1, 2, 4}, 2, 3);
    static final NdArray U64 = NdArray.array(new double[][] {{-2.0, -0.5, 0.0}, {0.5, 1.0, 3.0}});
    static final NdArray U32 = U64.astype(DType.FLOAT32);
    static final NdArray UL = NdArray.wrap(new long[] {-2, -1, 0, 1, 2, 3}, 2, 3);

    // ------------------------------------------------------------------ every op, every dtype

    @Test
    void binaryOpsAllDtypes() {
        checkD(bin(BinaryOp.ADD, X64, Y64), DType.FLOAT64, new double[] {2.0, -0.5, 5.0, 3.5, 4.25, 2.0});
        checkF(bin(BinaryOp.ADD, X32, Y32), new float[] {2.0f, -0.5f, 5.0f, 3.5f, 4.25f, 2.0f});
        checkL(bin(BinaryOp.ADD, XL, YL), new long[] {3L, 1L, 2L, -1L, 7L, -2L});
        checkD(bin(BinaryOp.SUB, X64, Y64), DType.FLOAT64, new double[] {-1.0, 3.5, -1.0, 2.5, -3.75, 6.0});
        checkF(bin(BinaryOp.SUB, X32, Y32), new float[] {-1.0f, 3.5f, -1.0f, 2.5f, -3.75f, 6.0f});
        checkL(bin(BinaryOp.SUB, XL, YL), new long[] {-1L, -5L, 4L, 9L, 3L, -10L});
        checkD(bin(BinaryOp.MUL, X64, Y64), DType.FLOAT64, new double[] {0.75, -3.0, 6.0, 1.5, 1.0, -8.0});
        checkF(bin(BinaryOp.MUL, X32, Y32), new float[] {0.75f, -3.0f, 6.0f, 1.5f, 1.0f, -8.0f});
        checkL(bin(BinaryOp.MUL, XL, YL), new long[] {2L, -6L, -3L, -20L, 10L, -24L});
        checkD(bin(BinaryOp.DIV, X64, Y64), DType.FLOAT64, new double[] {0.3333333333333333, -0.75, 0.6666666666666666, 6.0, 0.0625, -2.0});
        checkF(bin(BinaryOp.DIV, X32, Y32), new float[] {0.3333333432674408f, -0.75f, 0.6666666865348816f, 6.0f, 0.0625f, -2.0f});
        checkD(bin(BinaryOp.DIV, XL, YL), DType.FLOAT64, new double[] {0.5, -0.6666666666666666, -3.0, -0.8, 2.5, -1.5});
        checkD(bin(BinaryOp.POW, X64, Y64), DType.FLOAT64, new double[] {0.3535533905932738, 0.4444444444444444, 8.0, 1.7320508075688772, 0.00390625,
                0.0625});
        checkF(bin(BinaryOp.POW, X32, Y32), new float[] {0.3535533845424652f, 0.4444444477558136f, 8.0f, 1.732050895690918f, 0.00390625f, 0.0625f});
        checkL(bin(BinaryOp.POW, XL, PL), new long[] {1L, -8L, 1L, 4L, 25L, 1296L});
        checkD(bin(BinaryOp.MAXIMUM, X64, Y64), DType.FLOAT64, new double[] {1.5, 1.5, 3.0, 3.0, 4.0, 4.0});
        checkF(bin(BinaryOp.MAXIMUM, X32, Y32), new float[] {1.5f, 1.5f, 3.0f, 3.0f, 4.0f, 4.0f});
        checkL(bin(BinaryOp.MAXIMUM, XL, YL), new long[] {2L, 3L, 3L, 4L, 5L, 4L});
        checkD(bin(BinaryOp.MINIMUM, X64, Y64), DType.FLOAT64, new double[] {0.5, -2.0, 2.0, 0.5, 0.25, -2.0});
        checkF(bin(BinaryOp.MINIMUM, X32, Y32), new float[] {0.5f, -2.0f, 2.0f, 0.5f, 0.25f, -2.0f});
        checkL(bin(BinaryOp.MINIMUM, XL, YL), new long[] {1L, -2L, -1L, -5L, 2L, -6L});
    }

    @Test
    void unaryOpsAllDtypes() {
        checkD(Elementwise.unary(UnaryOp.NEG, U64), DType.FLOAT64, new double[] {2.0, 0.5, -0.0, -0.5, -1.0, -3.0});
        checkF(Elementwise.unary(UnaryOp.NEG, U32), new float[] {2.0f, 0.5f, -0.0f, -0.5f, -1.0f, -3.0f});
        checkL(Elementwise.unary(UnaryOp.NEG, UL), new long[] {2L, 1L, 0L, -1L, -2L, -3L});
        checkD(Elementwise.unary(UnaryOp.EXP, U64), DType.FLOAT64, new double[] {0.1353352832366127, 0.6065306597126334, 1.0, 1.6487212707001282,
                2.718281828459045, 20.085536923187668});
        checkF(Elementwise.unary(UnaryOp.EXP, U32), new float[] {0.1353352814912796f, 0.6065306663513184f, 1.0f, 1.6487212181091309f,
                2.7182819843292236f, 20.08553695678711f});
        checkD(Elementwise.unary(UnaryOp.EXP, UL), DType.FLOAT64, new double[] {0.1353352832366127, 0.36787944117144233, 1.0, 2.718281828459045,
                7.38905609893065, 20.085536923187668});
        checkD(Elementwise.unary(UnaryOp.LOG, U64), DType.FLOAT64, new double[] {Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY,
                -0.6931471805599453, 0.0, 1.0986122886681098});
        checkF(Elementwise.unary(UnaryOp.LOG, U32), new float[] {Float.NaN, Float.NaN, Float.NEGATIVE_INFINITY, -0.6931471824645996f, 0.0f,
                1.0986123085021973f});
        checkD(Elementwise.unary(UnaryOp.LOG, UL), DType.FLOAT64, new double[] {Double.NaN, Double.NaN, Double.NEGATIVE_INFINITY, 0.0,
                0.6931471805599453, 1.0986122886681098});
        checkD(Elementwise.unary(UnaryOp.SIN, U64), DType.FLOAT64, new double[] {-0.9092974268256817, -0.479425538604203, 0.0, 0.479425538604203,
                0.8414709848078965, 0.1411200080598672});
        checkF(Elementwise.unary(UnaryOp.SIN, U32), new float[] {-0.9092974066734314f, -0.4794255495071411f, 0.0f, 0.4794255495071411f,
                0.8414710164070129f, 0.14112000167369843f});
        checkD(Elementwise.unary(UnaryOp.SIN, UL), DType.FLOAT64, new double[] {-0.9092974268256817, -0.8414709848078965, 0.0, 0.8414709848078965,
                0.9092974268256817, 0.1411200080598672});
        checkD(Elementwise.unary(UnaryOp.COS, U64), DType.FLOAT64, new double[] {-0.4161468365471424, 0.8775825618903728, 1.0, 0.8775825618903728,
                0.5403023058681398, -0.9899924966004454});
        checkF(Elementwise.unary(UnaryOp.COS, U32), new float[] {-0.41614681482315063f, 0.8775825500488281f, 1.0f, 0.8775825500488281f,
                0.5403022766113281f, -0.9899924993515015f});
        checkD(Elementwise.unary(UnaryOp.COS, UL), DType.FLOAT64, new double[] {-0.4161468365471424, 0.5403023058681398, 1.0, 0.5403023058681398,
                -0.4161468365471424, -0.9899924966004454});
        checkD(Elementwise.unary(UnaryOp.TANH, U64), DType.FLOAT64, new double[] {-0.9640275800758169, -0.46211715726000974, 0.0, 0.46211715726000974,
                0.7615941559557649, 0.9950547536867305});
        checkF(Elementwise.unary(UnaryOp.TANH, U32), new float[] {-0.9640275835990906f, -0.46211719512939453f, 0.0f, 0.46211719512939453f,
                0.7615941762924194f, 0.9950547814369202f});
        checkD(Elementwise.unary(UnaryOp.TANH, UL), DType.FLOAT64, new double[] {-0.9640275800758169, -0.7615941559557649, 0.0, 0.7615941559557649,
                0.9640275800758169, 0.9950547536867305});
        checkD(Elementwise.unary(UnaryOp.SQRT, U64), DType.FLOAT64, new double[] {Double.NaN, Double.NaN, 0.0, 0.7071067811865476, 1.0,
                1.7320508075688772});
        checkF(Elementwise.unary(UnaryOp.SQRT, U32), new float[] {Float.NaN, Float.NaN, 0.0f, 0.7071067690849304f, 1.0f, 1.7320507764816284f});
        checkD(Elementwise.unary(UnaryOp.SQRT, UL), DType.FLOAT64, new double[] {Double.NaN, Double.NaN, 0.0, 1.0, 1.4142135623730951,
                1.7320508075688772});
        checkD(Elementwise.unary(UnaryOp.ABS, U64), DType.FLOAT64, new double[] {2.0, 0.5, 0.0, 0.5, 1.0, 3.0});
        checkF(Elementwise.unary(UnaryOp.ABS, U32), new float[] {2.0f, 0.5f, 0.0f, 0.5f, 1.0f, 3.0f});
        checkL(Elementwise.unary(UnaryOp.ABS, UL), new long[] {2L, 1L, 0L, 1L, 2L, 3L});
        checkD(Elementwise.unary(UnaryOp.SQUARE, U64), DType.FLOAT64, new double[] {4.0, 0.25, 0.0, 0.25, 1.0, 9.0});
        checkF(Elementwise.unary(UnaryOp.SQUARE, U32), new float[] {4.0f, 0.25f, 0.0f, 0.25f, 1.0f, 9.0f});
        checkL(Elementwise.unary(UnaryOp.SQUARE, UL), new long[] {4L, 1L, 0L, 1L, 4L, 9L});
        checkD(Elementwise.unary(UnaryOp.SIGN, U64), DType.FLOAT64, new double[] {-1.0, -1.0, 0.0, 1.0, 1.0, 1.0});
        checkF(Elementwise.unary(UnaryOp.SIGN, U32), new float[] {-1.0f, -1.0f, 0.0f, 1.0f, 1.0f, 1.0f});
        checkL(Elementwise.unary(UnaryOp.SIGN, UL), new long[] {-1L, -1L, 0L, 1L, 1L, 1L});
        checkD(Elementwise.unary(UnaryOp.RECIPROCAL, U64), DType.FLOAT64, new double[] {-0.5, -2.0, Double.POSITIVE_INFINITY, 2.0, 1.0,
                0.3333333333333333});
        checkF(Elementwise.unary(UnaryOp.RECIPROCAL, U32), new float[] {-0.5f, -2.0f, Float.POSITIVE_INFINITY, 2.0f, 1.0f, 0.3333333432674408f});
        checkD(Elementwise.unary(UnaryOp.RECIPROCAL, UL), DType.FLOAT64, new double[] {-0.5, -1.0, Double.POSITIVE_INFINITY, 1.0, 0.5,
                0.3333333333333333});
        checkD(Elementwise.unary(UnaryOp.SIGMOID, U64), DType.FLOAT64, new double[] {0.11920292202211757, 0.3775406687981454, 0.5, 0.6224593312018546,
                0.7310585786300049, 0.9525741268224333});
        checkF(Elementwise.unary(UnaryOp.SIGMOID, U32), new float[] {0.11920291185379028f, 0.3775406777858734f, 0.5f, 0.622459352016449f,
                0.7310585975646973f, 0.9525741338729858f});
        checkD(Elementwise.unary(UnaryOp.SIGMOID, UL), DType.FLOAT64, new double[] {0.11920292202211757, 0.2689414213699951, 0.5, 0.7310585786300049,
                0.8807970779778824, 0.9525741268224333});
    }

    @Test
    void unaryKeepsShapeAndBoolGoesToInt64() {
        NdArray x = NdArray.wrap(new boolean[] {true, false, true}, 3, 1);
        NdArray n = x.neg();
        checkL(n, new long[] {-1, 0, -1});
        assertArrayEquals(s(3, 1), n.shape());
        checkD(x.exp(), DType.FLOAT64, new double[] {Math.E, 1.0, Math.E});
        checkL(NdArray.scalar(-7L).abs(), new long[] {7});
        assertArrayEquals(s(), NdArray.scalar(-7L).abs().shape());
        // log(0) and log(-1) give -inf / NaN, no exception
        checkD(NdArray.array(new double[] {0.0, -1.0}).log(), DType.FLOAT64,
                new double[] {Double.NEGATIVE_INFINITY, Double.NaN});
        checkD(NdArray.array(new double[] {Double.NaN, -0.0}).sign(), DType.FLOAT64, new double[] {Double.NaN, 0.0});
        // sigmoid is stable for large |x|
        checkD(NdArray.array(new double[] {-800.0, 800.0}).sigmoid(), DType.FLOAT64, new double[] {0.0, 1.0});
    }

    // ------------------------------------------------------------------ broadcasting

    @Test
    void broadcastingShapePairs() {
        check(a1(3, 1).sub(b1(1, 4)), s(3, 4), 0.5, 0.0, -0.5, -1.0, 1.5, 1.0, 0.5, 0.0, 2.5, 2.0, 1.5, 1.0);
        check(a1(3, 1).div(b1(1, 4)), s(3, 4), 2.0, 1.0, 0.6666666666666666, 0.5, 4.0, 2.0, 1.3333333333333333,
                1.0, 6.0, 3.0, 2.0, 1.5);
        check(a1(2, 3).sub(b1(3)), s(2, 3), 0.5, 1.0, 1.5, 3.5, 4.0, 4.5);
        check(a1(2, 3).div(b1(3)), s(2, 3), 2.0, 2.0, 2.0, 8.0, 5.0, 4.0);
        check(a1(3).sub(b1(2, 3)), s(2, 3), 0.5, 1.0, 1.5, -1.0, -0.5, 0.0);
        check(a1(3).div(b1(2, 3)), s(2, 3), 2.0, 2.0, 2.0, 0.5, 0.8, 1.0);
        check(a1().sub(b1(2, 3)), s(2, 3), 0.5, 0.0, -0.5, -1.0, -1.5, -2.0);
        check(a1().div(b1(2, 3)), s(2, 3), 2.0, 1.0, 0.6666666666666666, 0.5, 0.4, 0.3333333333333333);
        check(a1(2, 3, 4).sub(b1(3, 1)), s(2, 3, 4), 0.5, 1.5, 2.5, 3.5, 4.0, 5.0, 6.0, 7.0, 7.5, 8.5, 9.5, 10.5,
                12.5, 13.5, 14.5, 15.5, 16.0, 17.0, 18.0, 19.0, 19.5, 20.5, 21.5, 22.5);
        check(a1(2, 3, 4).div(b1(3, 1)), s(2, 3, 4), 2.0, 4.0, 6.0, 8.0, 5.0, 6.0, 7.0, 8.0, 6.0, 6.666666666666667,
                7.333333333333333, 8.0, 26.0, 28.0, 30.0, 32.0, 17.0, 18.0, 19.0, 20.0, 14.0, 14.666666666666666,
                15.333333333333334, 16.0);
        check(a1(2, 1, 3).sub(b1(4, 1)), s(2, 4, 3), 0.5, 1.5, 2.5, 0.0, 1.0, 2.0, -0.5, 0.5, 1.5, -1.0, 0.0, 1.0,
                3.5, 4.5, 5.5, 3.0, 4.0, 5.0, 2.5, 3.5, 4.5, 2.0, 3.0, 4.0);
        check(a1(2, 1, 3).div(b1(4, 1)), s(2, 4, 3), 2.0, 4.0, 6.0, 1.0, 2.0, 3.0, 0.6666666666666666,
                1.3333333333333333, 2.0, 0.5, 1.0, 1.5, 8.0, 10.0, 12.0, 4.0, 5.0, 6.0, 2.6666666666666665,
                3.3333333333333335, 4.0, 2.0, 2.5, 3.0);
        check(a1(2, 3).sub(b1(1, 1, 3)), s(1, 2, 3), 0.5, 1.0, 1.5, 3.5, 4.0, 4.5);
        check(a1(1).sub(b1(2, 3)), s(2, 3), 0.5, 0.0, -0.5, -1.0, -1.5, -2.0);
        check(a1(4, 1, 1).sub(b1(1, 3, 2)), s(4, 3, 2), 0.5, 0.0, -0.5, -1.0, -1.5, -2.0, 1.5, 1.0, 0.5, 0.0, -0.5,
                -1.0, 2.5, 2.0, 1.5, 1.0, 0.5, 0.0, 3.5, 3.0, 2.5, 2.0, 1.5, 1.0);
        check(a1(4, 1, 1).div(b1(1, 3, 2)), s(4, 3, 2), 2.0, 1.0, 0.6666666666666666, 0.5, 0.4, 0.3333333333333333,
                4.0, 2.0, 1.3333333333333333, 1.0, 0.8, 0.6666666666666666, 6.0, 3.0, 2.0, 1.5, 1.2, 1.0, 8.0, 4.0,
                2.6666666666666665, 2.0, 1.6, 1.3333333333333333);
    }

    @Test
    void broadcastingEmptyAndScalarShapes() {
        NdArray e = NdArray.zeros(0, 3).add(NdArray.ones(3));
        assertArrayEquals(s(0, 3), e.shape());
        assertEquals(0, e.size());
        NdArray z = NdArray.scalar(2.0).mul(NdArray.scalar(3.5));
        assertArrayEquals(s(), z.shape());
        assertEquals(7.0, z.item());
        // int64 broadcasting with a general (non-scalar) layout
        NdArray l = NdArray.wrap(new long[] {1, 2, 3}, 3, 1).mul(NdArray.wrap(new long[] {10, 20}, 1, 2));
        checkL(l, new long[] {10, 20, 20, 40, 30, 60});
        assertArrayEquals(s(3, 2), l.shape());
    }

    @Test
    void shapeMismatchMessageNamesBothShapes() {
        assertError(IllegalArgumentException.class, () -> a1(2, 3).add(a1(4)), "add", "(2, 3)", "(4,)");
        assertError(IllegalArgumentException.class, () -> a1(2, 3).lt(a1(2, 2)), "(2, 3)", "(2, 2)");
        assertError(IllegalArgumentException.class,
                () -> NdArray.where(a1(2), a1(3), a1(1)), "where", "(2,)", "(3,)");
    }

    // ------------------------------------------------------------------ promotion and weak scalars

    @Test
    void weakScalarsAndPromotion() {
        NdArray f = NdArray.array(new float[][] {{1, 2, 3}});
        NdArray r = f.add(2.0);
        checkF(r, new float[] {3f, 4f, 5f});
        checkL(NdArray.array(new long[] {5}).add(2L), new long[] {7});
        checkD(NdArray.array(new long[] {1, 2}).mul(2.5), DType.FLOAT64, new double[] {2.5, 5.0});
        checkD(NdArray.array(new long[] {1, 2}).div(2.5), DType.FLOAT64, new double[] {0.4, 0.8});
        checkD(NdArray.array(new long[] {1, 2}).div(NdArray.array(new long[] {2, 4})), DType.FLOAT64,
                new double[] {0.5, 0.5});
        // float32 + int64 -> float64, as NumPy
        checkD(NdArray.array(new float[] {1.5f}).add(NdArray.array(new long[] {2})), DType.FLOAT64,
                new double[] {3.5});
        // float32 + float64 array -> float64
        checkD(NdArray.array(new float[] {0.1f}).add(NdArray.array(new double[] {0.2})), DType.FLOAT64,
                new double[] {(double) 0.1f + 0.2});
        // bool arithmetic promotes to int64 (documented deviation: NumPy's bool+bool is logical or)
        NdArray t = NdArray.wrap(new boolean[] {true, false}, 2);
        checkL(t.add(t), new long[] {2, 0});
        checkD(t.div(t), DType.FLOAT64, new double[] {1.0, Double.NaN});
        // int64 wrap-around and power
        checkL(NdArray.array(new long[] {1L << 62}).mul(4L), new long[] {0});
        checkL(NdArray.array(new long[] {Long.MAX_VALUE}).add(1L), new long[] {Long.MIN_VALUE});
        checkL(NdArray.array(new long[] {3, -2, 2}).pow(NdArray.array(new long[] {40, 3, 62})),
                new long[] {-6289078614652622815L, -8L, 4611686018427387904L});
        assertError(IllegalArgumentException.class,
                () -> NdArray.array(new long[] {1, 2}).pow(NdArray.array(new long[] {-1, 2})),
                "Integers to negative integer powers are not allowed");
        checkD(NdArray.array(new long[] {2}).pow(-1.0), DType.FLOAT64, new double[] {0.5});
        // the operands are not modified and the shape is not shared wrongly
        NdArray x = NdArray.array(new double[] {1, 2});
        x.add(x);
        assertArrayEquals(new double[] {1, 2}, x.doubleData(), 0.0);
    }

    @Test
    void maximumMinimumPropagateNaN() {
        NdArray a = NdArray.array(new double[] {1.0, Double.NaN, 2.0});
        NdArray b = NdArray.array(new double[] {Double.NaN, 0.0, 3.0});
        checkD(a.maximum(b), DType.FLOAT64, new double[] {Double.NaN, Double.NaN, 3.0});
        checkD(a.minimum(b), DType.FLOAT64, new double[] {Double.NaN, Double.NaN, 2.0});
        NdArray af = a.astype(DType.FLOAT32);
        checkF(af.maximum(2.0), new float[] {2f, Float.NaN, 2f});
    }

    // ------------------------------------------------------------------ in place

    @Test
    void inPlaceOps() {
        NdArray x = a1(2, 3);
        Object data = x.data;
        assertSame(x, x.subi(b1(3)));
        assertSame(data, x.data);
        check(x, s(2, 3), 0.5, 1.0, 1.5, 3.5, 4.0, 4.5);
        x.muli(2.0);
        check(x, s(2, 3), 1.0, 2.0, 3.0, 7.0, 8.0, 9.0);
        x.addi(NdArray.scalar(1.0));
        check(x, s(2, 3), 2.0, 3.0, 4.0, 8.0, 9.0, 10.0);
        x.divi(a1(2, 1));
        check(x, s(2, 3), 2.0, 3.0, 4.0, 4.0, 4.5, 5.0);
        // aliasing: x += x, x *= x
        x.addi(x);
        check(x, s(2, 3), 4.0, 6.0, 8.0, 8.0, 9.0, 10.0);
        x.muli(x);
        check(x, s(2, 3), 16.0, 36.0, 64.0, 64.0, 81.0, 100.0);
        // aliasing through a reshaped view of the same storage
        NdArray v = x.reshape(1, 6).reshape(2, 3);
        x.subi(v);
        check(x, s(2, 3), 0, 0, 0, 0, 0, 0);
        // general broadcast (2,1,3) -= (4,1) is refused: output shape would be (2,4,3)
        assertError(IllegalArgumentException.class, () -> a1(2, 1, 3).subi(a1(4, 1)),
                "non-broadcastable output operand with shape (2, 1, 3)", "broadcast shape (2, 4, 3)");
        assertError(IllegalArgumentException.class, () -> a1(2, 3).addi(a1(4, 2, 3)),
                "non-broadcastable output operand with shape (2, 3) doesn't match the broadcast shape (4, 2, 3)");
        assertError(IllegalArgumentException.class, () -> a1(2, 3).addi(a1(2)), "(2, 3)", "(2,)");
        // a general broadcast into the target
        NdArray y = a1(2, 3, 2);
        y.addi(b1(3, 1));
        check(y, s(2, 3, 2), 1.5, 2.5, 4.0, 5.0, 6.5, 7.5, 7.5, 8.5, 10.0, 11.0, 12.5, 13.5);
    }

    @Test
    void subiScaledMatchesSubiOfTheProductBitForBit() {
        NdRandom rnd = new NdRandom(3);
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int n : new int[] {1, 7, 100, 1023, 300_000}) {
                NdArray w = rnd.randn(n).astype(t);
                NdArray g = rnd.randn(n).astype(t);
                NdArray expected = w.copy().subi(g.mul(0.01));
                Object data = w.data;
                assertSame(w, w.subiScaled(0.01, g));
                assertSame(data, w.data);
                assertArrayEquals(expected.toDoubleArray(), w.toDoubleArray(), 0.0, t + " n=" + n);
            }
        }
        // hand-computed, and aliasing (w -= 0.5 * w)
        NdArray w = a1(2, 2);
        w.subiScaled(2.0, NdArray.wrap(new double[] {1, 1, 1, 1}, 2, 2));
        check(w, s(2, 2), -1.0, 0.0, 1.0, 2.0);
        w.subiScaled(0.5, w);
        check(w, s(2, 2), -0.5, 0.0, 0.5, 1.0);
        // another shape or dtype: subi's broadcasting and casting rules
        NdArray m = a1(2, 3);
        m.subiScaled(2.0, b1(3));
        check(m, s(2, 3), 0.0, 0.0, 0.0, 3.0, 3.0, 3.0);
        NdArray f = a1(3).astype(DType.FLOAT32);
        f.subiScaled(1.0, a1(3));
        assertEquals(DType.FLOAT32, f.dtype());
        check(f, s(3), 0.0, 0.0, 0.0);
        assertError(IllegalArgumentException.class, () -> a1(2).subiScaled(1.0, a1(3)), "(2,)", "(3,)");
    }

    @Test
    void inPlaceCasting() {
        // float64 result into float32 target: computed in float64, rounded (NumPy's a32 += f64)
        NdArray a32 = NdArray.array(new float[] {0.1f, 0.7f});
        a32.addi(NdArray.array(new double[] {0.2, 0.3}));
        checkF(a32, new float[] {0.30000001192092896f, 1.0f});
        // int64 into float32 target
        NdArray b32 = NdArray.array(new float[] {1.5f});
        b32.muli(NdArray.array(new long[] {2}));
        checkF(b32, new float[] {3f});
        // int64 target with int64 operand stays exact
        NdArray l = NdArray.array(new long[] {1, 2, 3});
        l.addi(NdArray.scalar(5L));
        checkL(l, new long[] {6, 7, 8});
        // float result into an int64 target is refused (same_kind)
        assertError(IllegalArgumentException.class, () -> NdArray.array(new long[] {1}).addi(NdArray.array(new double[] {1})),
                "Cannot cast ufunc 'add' output from float64 to int64");
        assertError(IllegalArgumentException.class, () -> NdArray.array(new long[] {1}).divi(NdArray.array(new long[] {1})),
                "Cannot cast ufunc 'divide' output from float64 to int64");
        assertError(IllegalArgumentException.class, () -> NdArray.array(new long[] {1}).muli(0.5),
                "Cannot cast ufunc 'multiply' output from float64 to int64");
    }

    @Test
    void assignBroadcastsAndCasts() {
        NdArray x = NdArray.zeros(2, 3);
        x.assign(a1(3));
        check(x, s(2, 3), 1, 2, 3, 1, 2, 3);
        x.assign(a1(2, 1));
        check(x, s(2, 3), 1, 1, 1, 2, 2, 2);
        x.assign(NdArray.scalar(7L));
        check(x, s(2, 3), 7, 7, 7, 7, 7, 7);
        NdArray l = NdArray.zeros(DType.INT64, 3);
        l.assign(NdArray.array(new double[] {1.7, -1.7, 2.0}));
        checkL(l, new long[] {1, -1, 2});
        NdArray y = NdArray.zeros(2, 2, 3);
        y.assign(a1(2, 1, 3).mul(NdArray.ones(2, 1))); // same shape: plain copy
        check(y, s(2, 2, 3), 1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6);
        NdArray g = NdArray.zeros(2, 2, 3);
        g.assign(a1(2, 1, 3));
        check(g, s(2, 2, 3), 1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6);
        assertError(IllegalArgumentException.class, () -> NdArray.zeros(2, 3).assign(a1(3, 3)), "(2, 3)", "(3, 3)");
    }

    // ------------------------------------------------------------------ compare, where, clip, astype

    @Test
    void comparisons() {
        NdArray x = NdArray.array(new double[][] {{1.0, Double.NaN, 3.0}, {-1.0, 2.0, 0.5}});
        NdArray y = NdArray.array(new double[] {1.0, 2.0, 0.5});
        checkB(x.eq(y), true, false, false, false, true, true);
        checkB(x.ne(y), false, true, true, true, false, false);
        checkB(x.lt(y), false, false, false, true, false, false);
        checkB(x.le(y), true, false, false, true, true, true);
        checkB(x.gt(y), false, false, true, false, false, false);
        checkB(x.ge(y), true, false, true, false, true, true);
        assertArrayEquals(s(2, 3), x.ge(y).shape());
        // float32 vs float32 compares as float: 0.1f == 0.1f, while the double 0.1 differs from it
        NdArray f = NdArray.array(new float[] {0.1f});
        checkB(f.eq(NdArray.array(new float[] {0.1f})), true);
        checkB(f.eq(0.1), true); // weak scalar becomes float32
        checkB(f.eq(NdArray.array(new double[] {0.1})), false);
        // int64 compared as longs (no precision loss through double)
        NdArray big = NdArray.array(new long[] {(1L << 53) + 1});
        checkB(big.eq(NdArray.array(new long[] {1L << 53})), false);
        // int vs float, broadcasting of a (3,1) against (2,)
        NdArray c = NdArray.wrap(new long[] {0, 1, 2}, 3, 1).gt(NdArray.array(new double[] {0.5, 1.5}));
        checkB(c, false, false, true, false, true, true);
        assertArrayEquals(s(3, 2), c.shape());
        // bool vs bool
        NdArray t = NdArray.wrap(new boolean[] {true, false}, 2);
        checkB(t.gt(NdArray.wrap(new boolean[] {false, false}, 2)), true, false);
        // scalar vs scalar
        NdArray sc = NdArray.scalar(2.0).lt(3.0);
        assertArrayEquals(s(), sc.shape());
        checkB(sc, true);
    }

    @Test
    void whereBroadcastsAndPromotes() {
        NdArray r = NdArray.where(NdArray.wrap(new long[] {1, 0}, 2, 1), NdArray.wrap(new long[] {1, 2, 3}, 1, 3),
                NdArray.scalar(0.5));
        assertArrayEquals(s(2, 3), r.shape());
        checkD(r, DType.FLOAT64, new double[] {1.0, 2.0, 3.0, 0.5, 0.5, 0.5});
        NdArray f = NdArray.where(NdArray.array(new double[] {Double.NaN, 0.0, -2.0}),
                NdArray.array(new float[] {1, 2, 3}), NdArray.array(new float[] {-1, -2, -3}));
        checkF(f, new float[] {1, -2, 3}); // NaN counts as true
        NdArray l = NdArray.where(NdArray.wrap(new boolean[] {true, false}, 2), NdArray.scalar(1L), NdArray.scalar(2L));
        checkL(l, new long[] {1, 2});
        NdArray b = NdArray.where(NdArray.wrap(new boolean[] {true, false}, 2), NdArray.wrap(new boolean[] {false}),
                NdArray.wrap(new boolean[] {true}));
        checkB(b, false, true);
    }

    @Test
    void clip() {
        checkD(NdArray.array(new double[] {-1.0, 0.5, Double.NaN, 3.0}).clip(0, 2), DType.FLOAT64,
                new double[] {0.0, 0.5, Double.NaN, 2.0});
        checkF(NdArray.array(new float[] {-1f, 0.5f, 3f}).clip(0, 2), new float[] {0f, 0.5f, 2f});
    }

    @Test
    void astype() {
        NdArray x = NdArray.array(new double[] {1.7, -1.7, -0.5, 2.5e10, Double.NaN, Double.POSITIVE_INFINITY});
        // NaN and infinity become Long.MIN_VALUE, which is what NumPy gives on x86-64
        checkL(x.astype(DType.INT64), new long[] {1, -1, 0, 25000000000L, Long.MIN_VALUE, Long.MIN_VALUE});
        checkB(NdArray.array(new double[] {0.0, -0.0, Double.NaN, 2.0}).astype(DType.BOOL), false, false, true, true);
        checkF(NdArray.array(new double[] {0.1, 1e40}).astype(DType.FLOAT32),
                new float[] {0.10000000149011612f, Float.POSITIVE_INFINITY});
        NdArray t = NdArray.wrap(new boolean[] {true, false}, 2);
        checkD(t.astype(DType.FLOAT64), DType.FLOAT64, new double[] {1, 0});
        checkL(t.astype(DType.INT64), new long[] {1, 0});
        checkF(t.astype(DType.FLOAT32), new float[] {1, 0});
        checkL(NdArray.array(new float[] {-2.9f, 2.9f}).astype(DType.INT64), new long[] {-2, 2});
        checkD(NdArray.array(new long[] {(1L << 53) + 1}).astype(DType.FLOAT64), DType.FLOAT64,
                new double[] {9007199254740992.0});
        assertSame(x, x.astype(DType.FLOAT64));
        NdArray m = NdArray.wrap(new long[] {1, 2, 3, 4, 5, 6}, 2, 3).astype(DType.FLOAT32);
        assertArrayEquals(s(2, 3), m.shape());
        checkF(m, new float[] {1, 2, 3, 4, 5, 6});
    }

    @Test
    void unsupportedCombinationsFailLoudly() {
        try {
            bin(BinaryOp.ADD, NdArray.zeros(2), NdArray.zeros(3));
            fail("expected a broadcast error");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("(2,)") && e.getMessage().contains("(3,)"), e.getMessage());
        }
    }

    /** Broadcasts of over a million elements split their runs across the cores: every run still gets its operands. */
    @Test
    void largeBroadcastsSplitAcrossTheCoresGiveEveryElement() {
        NdRandom rnd = new NdRandom(3);
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            NdArray m = rnd.rand(t, 1100, 1000);
            NdArray row = rnd.rand(t, 1000);
            NdArray col = rnd.rand(t, 40, 300, 1);
            NdArray cube = rnd.rand(t, 40, 300, 100);
            NdArray sum = m.add(row);
            NdArray prod = cube.mul(col);
            NdArray inPlace = m.copy().subi(row);
            for (int i = 0; i < 1100; i += 137) {
                for (int j = 0; j < 1000; j += 91) {
                    double x = m.getFlat(i * 1000 + j);
                    double r = row.getFlat(j);
                    assertEquals(t == DType.FLOAT32 ? (double) (float) (x + r) : x + r, sum.getFlat(i * 1000 + j), 0.0);
                    assertEquals(t == DType.FLOAT32 ? (double) (float) (x - r) : x - r, inPlace.getFlat(i * 1000 + j), 0.0);
                }
            }
            for (int f = 0; f < cube.size(); f += 997) {
                double c = col.getFlat(f / 100);
                double x = cube.getFlat(f);
                assertEquals(t == DType.FLOAT32 ? (double) (float) (x * c) : x * c, prod.getFlat(f), 0.0);
            }
        }
    }
}
