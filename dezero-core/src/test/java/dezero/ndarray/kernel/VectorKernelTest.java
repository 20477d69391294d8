package dezero.ndarray.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernel against the plain one (itself tested against reference loops in
 * {@link PlainKernelTest}) on awkward lengths around the vector widths, non-zero offsets, the
 * stride forms 1/1, 1/0, 0/1 and a strided one, aliased outputs, special values, and lengths
 * above the threshold where the work is split across threads. Exact agreement where both compute
 * the same IEEE operations; within a few ulps for exp, log, tanh and sigmoid.
 */
@Tag("vector-api") // needs the incubator module: not in the plain-kernel run
class VectorKernelTest {
    static final int[] SIZES = {1, 3, 7, 8, 13, 16, 25, 207, 1023};
    /** Above the threshold where the work is split across threads. */
    static final int LARGE = KernelThreads.ELEMENTWISE_SPLIT + 77;
    static final int[][] STRIDES = {{1, 1}, {1, 0}, {0, 1}, {2, 1}};
    static final int OFF = 3;
    static final double[] SPECIAL = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        1e-310, -1e-310, 1e-20, -1e-20, 700, -700, 710, -750, 88.5, -88.5, 89, -104, 20, -20, 0.34, -0.35, 1, -1};

    final Kernel plain = new PlainKernel();
    final Kernel vector = new VectorKernel();
    final Random rnd = new Random(7);

    double[] randD(int n, double scale) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = (rnd.nextDouble() * 2 - 1) * scale;
        }
        for (int i = 0; i < Math.min(n, SPECIAL.length) && n > 30; i++) {
            d[rnd.nextInt(n)] = SPECIAL[i];
        }
        return d;
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    static void assertUlps(double expected, double actual, double ulps, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
            assertEquals(expected, actual, 0.0, what);
            return;
        }
        double err = Math.abs(expected - actual) / Math.ulp(expected);
        assertTrue(err <= ulps, what + ": expected " + expected + " but was " + actual + " (" + err + " ulps)");
    }

    static void assertUlps(float expected, float actual, double ulps, String what) {
        if (Float.isNaN(expected) || Float.isInfinite(expected) || expected == 0) {
            assertEquals(expected, actual, 0.0f, what);
            return;
        }
        double err = Math.abs((double) expected - actual) / Math.ulp(expected);
        assertTrue(err <= ulps, what + ": expected " + expected + " but was " + actual + " (" + err + " ulps)");
    }

    /**
     * sigmoid = 0.5 tanh(x/2) + 0.5 (DeZero's formula, both kernels) is accurate to an ulp of 0.5,
     * not relative to tiny results at very negative x: compare it that way.
     */
    static void assertSigmoid(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertEquals(expected, actual, 0.0, what);
            return;
        }
        assertEquals(expected, actual, 3 * Math.ulp(0.5), what);
    }

    static void assertSigmoid(float expected, float actual, String what) {
        if (Float.isNaN(expected)) {
            assertEquals(expected, actual, 0.0f, what);
            return;
        }
        assertEquals(expected, actual, Math.max(Math.ulp(expected), Math.ulp(0.5f) / 2), what);
    }

    @Test
    void binaryAgreesExactly() {
        for (BinaryOp op : BinaryOp.values()) {
            for (int n : SIZES) {
                for (int[] s : STRIDES) {
                    double[] a = randD(OFF + n * Math.max(1, s[0]), 3);
                    double[] b = randD(OFF + n * Math.max(1, s[1]), 3);
                    double[] e = new double[n + 1];
                    double[] v = new double[n + 1];
                    plain.binary(op, a, OFF, s[0], b, OFF, s[1], e, 1, n);
                    vector.binary(op, a, OFF, s[0], b, OFF, s[1], v, 1, n);
                    float[] af = toFloat(a);
                    float[] bf = toFloat(b);
                    float[] ef = new float[n + 1];
                    float[] vf = new float[n + 1];
                    plain.binary(op, af, OFF, s[0], bf, OFF, s[1], ef, 1, n);
                    vector.binary(op, af, OFF, s[0], bf, OFF, s[1], vf, 1, n);
                    for (int i = 1; i <= n; i++) {
                        String what = op + " n=" + n + " strides " + s[0] + "/" + s[1] + " i=" + i;
                        assertEquals(e[i], v[i], 0.0, what);
                        assertEquals(ef[i], vf[i], 0.0f, what + " float");
                    }
                    // aliased output (in-place update of a)
                    if (s[0] == 1) {
                        vector.binary(op, a, OFF, 1, b, OFF, s[1], a, OFF, n);
                        for (int i = 0; i < n; i++) {
                            assertEquals(e[i + 1], a[OFF + i], 0.0, op + " in place n=" + n);
                        }
                    }
                }
            }
        }
    }

    @Test
    void unaryWithinUlps() {
        for (UnaryOp op : UnaryOp.values()) {
            boolean transcendental = op == UnaryOp.EXP || op == UnaryOp.LOG || op == UnaryOp.TANH || op == UnaryOp.SIGMOID;
            for (int n : SIZES) {
                double scale = op == UnaryOp.EXP ? 80 : op == UnaryOp.LOG ? 1e6 : 8;
                double[] a = randD(n + OFF, scale);
                if (op == UnaryOp.LOG) {
                    for (int i = 0; i < a.length; i++) {
                        a[i] = rnd.nextInt(8) == 0 ? a[i] : Math.abs(a[i]) * Math.pow(10, rnd.nextInt(40) - 30);
                    }
                }
                double[] e = new double[n];
                double[] v = new double[n];
                plain.unary(op, a, OFF, e, 0, n);
                vector.unary(op, a, OFF, v, 0, n);
                float[] af = toFloat(a);
                float[] ef = new float[n];
                float[] vf = new float[n];
                plain.unary(op, af, OFF, ef, 0, n);
                vector.unary(op, af, OFF, vf, 0, n);
                for (int i = 0; i < n; i++) {
                    String what = op + " n=" + n + " x=" + a[OFF + i];
                    if (op == UnaryOp.SIGMOID) {
                        assertSigmoid(e[i], v[i], what);
                        assertSigmoid(ef[i], vf[i], what + " float x=" + af[OFF + i]);
                    } else if (transcendental) {
                        assertUlps(e[i], v[i], 4, what);
                        assertUlps(ef[i], vf[i], 1, what + " float x=" + af[OFF + i]);
                    } else {
                        assertEquals(e[i], v[i], 0.0, what);
                        assertEquals(ef[i], vf[i], 0.0f, what + " float");
                    }
                }
                if (VectorUnary.supports(op)) {
                    // the vector loops themselves, also below the size where the kernel hands small arrays to the plain loops
                    double[] vd = new double[n];
                    float[] vfd = new float[n];
                    VectorUnary.unary(op, a, OFF, vd, 0, 0, n);
                    VectorUnary.unary(op, af, OFF, vfd, 0, 0, n);
                    for (int i = 0; i < n; i++) {
                        String what = op + " vector loop n=" + n + " x=" + a[OFF + i];
                        if (op == UnaryOp.SIGMOID) {
                            assertSigmoid(e[i], vd[i], what);
                            assertSigmoid(ef[i], vfd[i], what + " float");
                        } else if (transcendental) {
                            assertUlps(e[i], vd[i], 4, what);
                            assertUlps(ef[i], vfd[i], 1, what + " float");
                        } else {
                            assertEquals(e[i], vd[i], 0.0, what);
                            assertEquals(ef[i], vfd[i], 0.0f, what + " float");
                        }
                    }
                }
                vector.unary(op, a, OFF, a, OFF, n);
                for (int i = 0; i < n; i++) {
                    assertEquals(v[i], a[OFF + i], 0.0, op + " in place n=" + n);
                }
            }
        }
    }

    @Test
    void transcendentalOnADenseGrid() {
        // every 1/32 over [-40, 40] (where the polynomials and range reductions switch), a third scaled by 1e-3
        int n = 32 * 80;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i - n / 2) / 32.0 * (i % 3 == 0 ? 1e-3 : 1);
        }
        for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.TANH, UnaryOp.SIGMOID, UnaryOp.LOG}) {
            double[] e = new double[n];
            double[] v = new double[n];
            plain.unary(op, x, 0, e, 0, n);
            vector.unary(op, x, 0, v, 0, n);
            for (int i = 0; i < n; i++) {
                if (op == UnaryOp.SIGMOID) {
                    assertSigmoid(e[i], v[i], op + " x=" + x[i]);
                } else {
                    assertUlps(e[i], v[i], 4, op + " x=" + x[i]);
                }
            }
        }
    }

    /** Floats spread over every binade of both signs, the branch switches densely, and the special values. */
    static float[] floatSweep() {
        float[] special = {0.0f, -0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, -1e-20f, 1e-8f,
            Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
            9.01f, 9.02f, -9.01f, 10.0f, 88.0f, -88.0f, 88.8f, -89.0f, -104.0f, 200.0f, -1e6f};
        float[] switches = {1.0f, 2.0f, 0.5f, 4.0f, 9.0f, 10.0f, 88.0f};
        int sparse = 0x7f800000 / 4093 + 1;
        int dense = 4000;
        float[] x = new float[special.length + 2 * sparse + 2 * switches.length * (2 * dense + 1)];
        int k = 0;
        for (float v : special) {
            x[k++] = v;
        }
        for (int i = 0; i < sparse; i++) {
            x[k++] = Float.intBitsToFloat(i * 4093);
            x[k++] = -Float.intBitsToFloat(i * 4093 + 7);
        }
        for (float s : switches) {
            int bits = Float.floatToIntBits(s);
            for (int d = -dense; d <= dense; d++) {
                x[k++] = Float.intBitsToFloat(bits + d);
                x[k++] = -Float.intBitsToFloat(bits + 3 * d);
            }
        }
        return x;
    }

    @Test
    void floatTanhAndSigmoidOverAllBinades() {
        float[] x = floatSweep();
        for (UnaryOp op : new UnaryOp[] {UnaryOp.TANH, UnaryOp.SIGMOID}) {
            float[] e = new float[x.length];
            float[] v = new float[x.length];
            plain.unary(op, x, 0, e, 0, x.length);
            vector.unary(op, x, 0, v, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                String what = op + " float x=" + x[i];
                if (op == UnaryOp.SIGMOID) {
                    assertSigmoid(e[i], v[i], what);
                } else {
                    assertUlps(e[i], v[i], 1, what);
                    if (!Float.isNaN(x[i])) {
                        // odd: the sign of x, also of -0.0, comes back
                        assertEquals(Math.copySign(1.0f, x[i]), Math.copySign(1.0f, v[i]), 0.0f, what + " sign");
                    }
                }
            }
        }
    }

    @Test
    void activationGradientsAgreeBitForBit() {
        int[] sizes = {63, 64, 65, 207, 1023, LARGE};
        for (int n : sizes) {
            double[] x = randD(n, 3);
            double[] g = randD(n, 5);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextDouble();
            }
            double[] wantD = new double[n];
            double[] gotD = new double[n];
            plain.maskPositive(g, x, wantD, n);
            vector.maskPositive(g, x, gotD, n);
            assertSameBits(wantD, gotD, "maskPositive float64 n=" + n);
            plain.mulLogisticSlope(g, y, wantD, n);
            vector.mulLogisticSlope(g, y, gotD, n);
            assertSameBits(wantD, gotD, "mulLogisticSlope float64 n=" + n);
            float[] xf = toFloat(x);
            float[] gf = toFloat(g);
            float[] yf = toFloat(y);
            float[] wantF = new float[n];
            float[] gotF = new float[n];
            plain.maskPositive(gf, xf, wantF, n);
            vector.maskPositive(gf, xf, gotF, n);
            assertSameBits(toDouble(wantF), toDouble(gotF), "maskPositive float32 n=" + n);
            plain.mulLogisticSlope(gf, yf, wantF, n);
            vector.mulLogisticSlope(gf, yf, gotF, n);
            assertSameBits(toDouble(wantF), toDouble(gotF), "mulLogisticSlope float32 n=" + n);
        }
    }

    /** Exact agreement, signed zeros and NaN payloads included (float results widen exactly). */
    static void assertSameBits(double[] want, double[] got, String what) {
        for (int i = 0; i < want.length; i++) {
            assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(got[i]), what + " at " + i);
        }
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Test
    void floatExpTanhSigmoidGiveTheSameBitsOnBothKernels() {
        // from ScalarMath.POLYNOMIALS_FROM elements both kernels run the same polynomials
        for (int n : new int[] {64, 100, 1023, LARGE}) {
            for (double scale : new double[] {0.5, 4, 120}) {
                float[] a = toFloat(randD(n, scale));
                for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.TANH, UnaryOp.SIGMOID}) {
                    float[] want = new float[n];
                    float[] got = new float[n];
                    plain.unary(op, a, 0, want, 0, n);
                    vector.unary(op, a, 0, got, 0, n);
                    for (int i = 0; i < n; i++) {
                        boolean same = Float.floatToRawIntBits(want[i]) == Float.floatToRawIntBits(got[i])
                                || Float.isNaN(want[i]) && Float.isNaN(got[i]);
                        assertTrue(same, op + " n=" + n + " x=" + a[i] + ": plain " + want[i] + ", vector " + got[i]);
                    }
                }
            }
        }
    }

    @Test
    void floatExpTanhSigmoidAgreeOnEdgesAndASweepOfAllFloats() {
        // the edges of every form (the ranges of exp, tanh's identity and 1, sigmoid's 2, the caps at 10
        // and 88, zeros, subnormals, infinities, NaN) and every 65521st bit pattern, at offsets, in place too
        float[] edges = {0f, Float.MIN_VALUE, Float.MIN_NORMAL, 0x1p-12f, 1f, 2f, 10f, 20f, 86.9f, 88f, 88.72f, 89f,
            Float.MAX_VALUE, Float.POSITIVE_INFINITY};
        java.util.List<Float> values = new java.util.ArrayList<>();
        for (float e : edges) {
            for (float v : new float[] {Math.nextDown(e), e, Math.nextUp(e)}) {
                values.add(v);
                values.add(-v);
            }
        }
        values.add(Float.NaN);
        for (long bits = 0; bits < 0x1_0000_0000L; bits += 65521) {
            values.add(Float.intBitsToFloat((int) bits));
        }
        // all of them, and those below 1 in magnitude alone (stages where tanh and sigmoid skip the exp form)
        for (boolean smallOnly : new boolean[] {false, true}) {
            float[] a = new float[values.size() + 3];
            int n = 0;
            for (float v : values) {
                if (!smallOnly || Math.abs(v) < 1f) {
                    a[3 + n++] = v;
                }
            }
            assertExpTanhSigmoidAgree(a, n);
        }
    }

    /** The three functions of a[3 .. 3 + n) on both kernels, into an output at offset 5, and in place. */
    private void assertExpTanhSigmoidAgree(float[] a, int n) {
        for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.TANH, UnaryOp.SIGMOID}) {
            float[] want = new float[n + 5];
            float[] got = new float[n + 5];
            vector.unary(op, a, 3, want, 5, n);
            plain.unary(op, a, 3, got, 5, n);
            float[] inPlace = a.clone();
            plain.unary(op, inPlace, 3, inPlace, 3, n);
            for (int i = 0; i < n; i++) {
                float x = a[i + 3];
                assertTrue(sameFloat(want[i + 5], got[i + 5]), op + " x=" + x + ": vector " + want[i + 5] + ", plain "
                        + got[i + 5]);
                assertTrue(sameFloat(want[i + 5], inPlace[i + 3]), op + " in place, x=" + x);
            }
        }
    }

    /** The same bits, or both NaN. */
    private static boolean sameFloat(float a, float b) {
        return Float.floatToRawIntBits(a) == Float.floatToRawIntBits(b) || Float.isNaN(a) && Float.isNaN(b);
    }

    @Test
    void maxPoolingAndItsScatterAgreeBitForBitOnWholePlanes() {
        // 2 x 2 windows at stride 2 over planes wide enough for VectorPool (26 x 26, 32 x 40), one with
        // an odd height; inputs full of ties and signed zeros, gradients with -0, NaN and infinities
        int[][] planes = {{26, 26}, {33, 40}, {32, 16}};
        for (int[] hw : planes) {
            int h = hw[0];
            int w = hw[1];
            Window g = new Window(2, 2, 2, 2, 0, 0, h, w, h / 2, w / 2);
            int n = 3;
            float[] x = new float[n * h * w];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextInt(3) == 0 ? (rnd.nextBoolean() ? -0f : 0f) : rnd.nextInt(5) - 2;
            }
            int outs = n * g.oh * g.ow;
            float[] yPlain = new float[outs];
            float[] yVector = new float[outs];
            long[] idxPlain = new long[outs];
            long[] idxVector = new long[outs];
            plain.maxPool(x, g, 0, n, yPlain, idxPlain);
            vector.maxPool(x, g, 0, n, yVector, idxVector);
            assertSameBits(toDouble(yPlain), toDouble(yVector), "max pooling " + h + " x " + w);
            assertEquals(java.util.Arrays.toString(idxPlain), java.util.Arrays.toString(idxVector), "argmax");
            float[] gy = toFloat(randD(outs, 10));
            gy[1] = -0f;
            float[] gxPlain = new float[x.length];
            float[] gxVector = new float[x.length];
            plain.maxPoolScatter(gy, idxPlain, g, 0, n, gxPlain);
            vector.maxPoolScatter(gy, idxPlain, g, 0, n, gxVector);
            assertSameBits(toDouble(gxPlain), toDouble(gxVector), "scatter " + h + " x " + w);
        }
    }

    @Test
    void largeOperandsSplitAcrossThreadsAgree() {
        double[] a = randD(LARGE, 3);
        double[] b = randD(LARGE, 3);
        float[] af = toFloat(a);
        float[] bf = toFloat(b);
        for (int[] s : new int[][] {{1, 1}, {1, 0}, {0, 1}}) {
            double[] e = new double[LARGE];
            double[] v = new double[LARGE];
            plain.binary(BinaryOp.ADD, a, 0, s[0], b, 0, s[1], e, 0, LARGE);
            vector.binary(BinaryOp.ADD, a, 0, s[0], b, 0, s[1], v, 0, LARGE);
            float[] ef = new float[LARGE];
            float[] vf = new float[LARGE];
            plain.binary(BinaryOp.MUL, af, 0, s[0], bf, 0, s[1], ef, 0, LARGE);
            vector.binary(BinaryOp.MUL, af, 0, s[0], bf, 0, s[1], vf, 0, LARGE);
            for (int i = 0; i < LARGE; i++) {
                assertEquals(e[i], v[i], 0.0, "add at " + i);
                assertEquals(ef[i], vf[i], 0.0f, "mul float at " + i);
            }
        }
        float[] ef = new float[LARGE];
        float[] vf = new float[LARGE];
        plain.unary(UnaryOp.TANH, af, 0, ef, 0, LARGE);
        vector.unary(UnaryOp.TANH, af, 0, vf, 0, LARGE);
        for (int i = 0; i < LARGE; i++) {
            assertUlps(ef[i], vf[i], 1, "tanh float at " + i);
        }
    }

    @Test
    void vectorRowReductionsOnAwkwardLengths() {
        for (ReduceOp op : ReduceOp.values()) {
            for (int n : SIZES) {
                double[] a = randD(n + OFF, 2);
                for (int i = 0; i < a.length; i++) {
                    if (!Double.isFinite(a[i]) || Math.abs(a[i]) > 100) {
                        a[i] = -0.5;
                    }
                }
                double[] e = new double[1];
                plain.reduce(op, a, OFF, 1, n, 1, e, 0);
                float[] af = toFloat(a);
                float[] ef = new float[1];
                plain.reduce(op, af, OFF, 1, n, 1, ef, 0);
                double v = VectorReduce.row(op, a, OFF, n);
                double vf = VectorReduce.row(op, af, OFF, n);
                assertEquals(e[0], v, op == ReduceOp.SUM ? 1e-13 * n : 0.0, op + " n=" + n);
                assertEquals(ef[0], (float) vf, op == ReduceOp.SUM ? Math.ulp(ef[0]) : 0.0f, op + " float n=" + n);
            }
        }
    }

    static final int[][] BLOCKS = {
        {1, 1, 1}, {1, 7, 1}, {3, 13, 1}, {1, 1023, 1}, {2, 207, 1}, {1, 3, 8}, {4, 5, 16}, {2, 25, 7},
        {3, 1, 13}, {1, 8, 1023}, {5, 2, 3}, {2, 0, 3}, {1, 300_000, 1}, {300, 1100, 1}, {1, 600, 600}, {3, 300, 307},
    };

    @Test
    void reductionsAgree() {
        for (ReduceOp op : ReduceOp.values()) {
            for (int[] blk : BLOCKS) {
                int outer = blk[0];
                int len = blk[1];
                int inner = blk[2];
                if (len == 0 && op != ReduceOp.SUM) {
                    continue;
                }
                int n = outer * len * inner;
                double[] a = randD(n + OFF, 2);
                for (int i = 0; i < a.length; i++) {
                    if (Double.isInfinite(a[i]) || Math.abs(a[i]) > 100) {
                        a[i] = 1.5;
                    }
                }
                if (n > 100 && op != ReduceOp.SUM) {
                    a[OFF + n / 3] = Double.NaN;
                }
                double[] e = new double[outer * inner];
                double[] v = new double[outer * inner];
                plain.reduce(op, a, OFF, outer, len, inner, e, 0);
                vector.reduce(op, a, OFF, outer, len, inner, v, 0);
                float[] af = toFloat(a);
                float[] ef = new float[outer * inner];
                float[] vf = new float[outer * inner];
                plain.reduce(op, af, OFF, outer, len, inner, ef, 0);
                vector.reduce(op, af, OFF, outer, len, inner, vf, 0);
                String what = op + " block " + outer + "x" + len + "x" + inner;
                for (int i = 0; i < e.length; i++) {
                    if (op == ReduceOp.SUM) {
                        assertEquals(e[i], v[i], 1e-12 * Math.max(1, len), what);
                        assertUlps(ef[i], vf[i], 1, what + " float");
                    } else {
                        assertEquals(e[i], v[i], 0.0, what);
                        assertEquals(ef[i], vf[i], 0.0f, what + " float");
                    }
                }
                if (n > 0) {
                    double[] copy = a.clone();
                    vector.reduce(op, copy, OFF, outer, len, inner, copy, OFF);
                    for (int q = 0; q < outer * inner; q++) {
                        assertEquals(v[q], copy[OFF + q], 0.0, what + " in place");
                    }
                }
            }
        }
    }

    /** Row (inner 1) and column (inner > 1) float32 sums: infinities and NaNs propagate as in the plain kernel. */
    @Test
    void floatSumsPropagateInfinitiesAndNaNs() {
        int[][] blocks = {{1, 100, 1}, {1, 1000, 1}, {1, 37, 40}, {2, 9, 33}};
        float[][] specials = {{Float.POSITIVE_INFINITY}, {Float.NEGATIVE_INFINITY}, {Float.NaN},
            {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}};
        for (int[] blk : blocks) {
            for (float[] sp : specials) {
                int n = blk[0] * blk[1] * blk[2];
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (i % 7) - 3.25f;
                }
                for (int q = 0; q < sp.length; q++) {
                    a[(n / 3 + q * 17) % n] = sp[q];
                }
                float[] e = new float[blk[0] * blk[2]];
                float[] v = new float[e.length];
                plain.reduce(ReduceOp.SUM, a, 0, blk[0], blk[1], blk[2], e, 0);
                vector.reduce(ReduceOp.SUM, a, 0, blk[0], blk[1], blk[2], v, 0);
                for (int i = 0; i < e.length; i++) {
                    assertEquals(e[i], v[i], 0.0f, java.util.Arrays.toString(blk) + " " + java.util.Arrays.toString(sp) + " at " + i);
                }
            }
        }
    }

    /**
     * Heavy cancellation (large values of both signs summing to something small) and subnormals:
     * the error-compensated float sums stay within an ulp of the plain kernel's double sums.
     */
    @Test
    void floatSumsStayAccurateUnderCancellationAndForSubnormals() {
        java.util.Random rnd = new java.util.Random(7);
        int[][] blocks = {{1, 100_000, 1}, {1, 4099, 1}, {1, 20_000, 48}, {3, 513, 17}};
        for (int[] blk : blocks) {
            for (int kind = 0; kind < 2; kind++) {
                int n = blk[0] * blk[1] * blk[2];
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = kind == 0 ? (float) (rnd.nextGaussian() * 1e6) + (i % 2 == 0 ? 1e7f : -1e7f)
                            : Float.MIN_VALUE * (rnd.nextInt(2000) - 1000);
                }
                float[] e = new float[blk[0] * blk[2]];
                float[] v = new float[e.length];
                plain.reduce(ReduceOp.SUM, a, 0, blk[0], blk[1], blk[2], e, 0);
                vector.reduce(ReduceOp.SUM, a, 0, blk[0], blk[1], blk[2], v, 0);
                for (int i = 0; i < e.length; i++) {
                    assertUlps(e[i], v[i], 1, java.util.Arrays.toString(blk) + " kind " + kind + " at " + i);
                }
            }
        }
    }

    /**
     * float32 exp in float lanes against the correctly rounded (float) Math.exp on a dense sweep of
     * the vector path's whole range, its edges and the fallback lanes beyond them.
     */
    @Test
    void floatExpWithinAnUlpOnADenseSweep() {
        int n = 1 << 21;
        float[] x = new float[n];
        float lo = -104f;
        float hi = 89f;
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * i / (n - 1);
        }
        float[] v = new float[n];
        vector.unary(UnaryOp.EXP, x, 0, v, 0, n);
        for (int i = 0; i < n; i++) {
            float e = (float) Math.exp(x[i]);
            if (e == 0 || Float.isInfinite(e)) {
                assertEquals(e, v[i], 0.0f, "exp(" + x[i] + ")");
            } else {
                assertUlps(e, v[i], 1, "exp(" + x[i] + ")");
            }
        }
        // in place, with the edges in one vector
        float[] edges = {-86.9f, -86.89f, 88.0f, 88.01f, -87.5f, 88.7f, 89f, -200f, Float.NaN, 0f, -0f, 1e-30f,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f, -1f};
        float[] copy = edges.clone();
        vector.unary(UnaryOp.EXP, copy, 0, copy, 0, copy.length);
        for (int i = 0; i < edges.length; i++) {
            float e = (float) Math.exp(edges[i]);
            if (Float.isNaN(e) || e == 0 || Float.isInfinite(e)) {
                assertEquals(e, copy[i], 0.0f, "exp(" + edges[i] + ") in place");
            } else {
                assertUlps(e, copy[i], 1, "exp(" + edges[i] + ") in place");
            }
        }
    }

    /** y -= alpha * x: both kernels give y - fl(alpha * x) exactly, in place, on the awkward sizes and a split one. */
    @Test
    void subScaledRoundsTheProductThenSubtracts() {
        int[] sizes = java.util.Arrays.copyOf(SIZES, SIZES.length + 1);
        sizes[SIZES.length] = 600_001;
        for (int n : sizes) {
            double[] x = randD(n + OFF, 2);
            double[] y0 = randD(n + OFF, 5);
            float[] xf = toFloat(x);
            float[] yf0 = toFloat(y0);
            for (Kernel k : new Kernel[] {plain, vector}) {
                double[] y = y0.clone();
                float[] yf = yf0.clone();
                k.subScaled(y, OFF, 0.3, x, OFF, n);
                k.subScaled(yf, OFF, 0.3f, xf, OFF, n);
                for (int i = 0; i < OFF; i++) {
                    assertEquals(y0[i], y[i], 0.0, k.name() + " prefix untouched");
                }
                for (int i = OFF; i < n + OFF; i++) {
                    double p = 0.3 * x[i];
                    float pf = 0.3f * xf[i];
                    assertEquals(y0[i] - p, y[i], 0.0, k.name() + " n=" + n + " at " + i);
                    assertEquals(yf0[i] - pf, yf[i], 0.0f, k.name() + " float n=" + n + " at " + i);
                }
            }
        }
    }

    /**
     * One Adam step: both kernels equal the step written as separate array operations (each result
     * stored, then the next operation), bit for bit, on the awkward sizes and a split one.
     */
    @Test
    void adamStepEqualsTheArrayOperationsBitForBit() {
        int[] sizes = java.util.Arrays.copyOf(SIZES, SIZES.length + 1);
        sizes[SIZES.length] = 600_001;
        for (int n : sizes) {
            double[] g = randD(n, 2);
            double[] m0 = randD(n, 1);
            double[] v0 = randD(n, 1);
            double[] p0 = randD(n, 3);
            for (int i = 0; i < n; i++) {
                v0[i] = Math.abs(v0[i]);
            }
            float[] gf = toFloat(g);
            float[] mf0 = toFloat(m0);
            float[] vf0 = toFloat(v0);
            float[] pf0 = toFloat(p0);
            for (Kernel k : new Kernel[] {plain, vector}) {
                double[] p = p0.clone();
                double[] m = m0.clone();
                double[] v = v0.clone();
                k.adamStep(p, m, v, g, n, 0.1, 0.001, 3e-3, 1e-8);
                float[] pf = pf0.clone();
                float[] mf = mf0.clone();
                float[] vf = vf0.clone();
                k.adamStep(pf, mf, vf, gf, n, 0.1f, 0.001f, 3e-3f, 1e-8f);
                for (int i = 0; i < n; i++) {
                    double dm = g[i] - m0[i];
                    dm = dm * 0.1;
                    double em = m0[i] + dm;
                    double sq = g[i] * g[i];
                    double dv = sq - v0[i];
                    dv = dv * 0.001;
                    double ev = v0[i] + dv;
                    double step = em * 3e-3;
                    double den = Math.sqrt(ev) + 1e-8;
                    step = step / den;
                    String what = k.name() + " n=" + n + " at " + i;
                    assertEquals(em, m[i], 0.0, what + " m");
                    assertEquals(ev, v[i], 0.0, what + " v");
                    assertEquals(p0[i] - step, p[i], 0.0, what + " p");
                    float dmf = gf[i] - mf0[i];
                    dmf = dmf * 0.1f;
                    float emf = mf0[i] + dmf;
                    float sqf = gf[i] * gf[i];
                    float dvf = sqf - vf0[i];
                    dvf = dvf * 0.001f;
                    float evf = vf0[i] + dvf;
                    float stepf = emf * 3e-3f;
                    float denf = (float) Math.sqrt(evf) + 1e-8f;
                    stepf = stepf / denf;
                    assertEquals(emf, mf[i], 0.0f, what + " float m");
                    assertEquals(evf, vf[i], 0.0f, what + " float v");
                    assertEquals(pf0[i] - stepf, pf[i], 0.0f, what + " float p");
                }
            }
        }
    }

    @Test
    void adamStepRejectsArraysShorterThanN() {
        for (Kernel k : new Kernel[] {plain, vector}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> k.adamStep(new float[8], new float[8], new float[7], new float[8], 8, 0.1f, 0.001f, 0.01f, 1e-8f));
            assertTrue(e.getMessage().contains("n = 8") && e.getMessage().contains("v 7"), e.getMessage());
        }
    }

    /**
     * exp and log patch the lanes their polynomials do not cover (overflow, underflow, NaN, zero,
     * negative, subnormal) after the vector loop: sprinkled through long arrays, out of place and
     * in place (the patch then runs from a copy of the operands), also across the thread split.
     */
    @Test
    void expAndLogPatchSpecialOperandsOutOfPlaceAndInPlace() {
        double[] specialsD = {Double.NaN, 710.0, -746.0, -710.0, 1e300, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 0.0, -0.0, -1.5, Double.MIN_VALUE, 1e-310, Double.MAX_VALUE};
        float[] specialsF = {Float.NaN, 89f, -104f, -87.5f, 3e38f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            0f, -0f, -1.5f, Float.MIN_VALUE, 1e-40f, Float.MAX_VALUE};
        for (int n : new int[] {1000, 5003, 600_017}) {
            for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.LOG}) {
                double[] a = randD(n, op == UnaryOp.EXP ? 50 : 1e3);
                for (int i = 0; i < n; i++) {
                    if (op == UnaryOp.LOG) {
                        a[i] = Math.abs(a[i]);
                    }
                    if (i % 97 == 5) {
                        a[i] = specialsD[(i / 97) % specialsD.length];
                    }
                }
                float[] af = new float[n];
                for (int i = 0; i < n; i++) {
                    af[i] = i % 97 == 5 ? specialsF[(i / 97) % specialsF.length] : (float) a[i];
                }
                double[] e = new double[n];
                float[] ef = new float[n];
                plain.unary(op, a, 0, e, 0, n);
                plain.unary(op, af, 0, ef, 0, n);
                double[] v = new double[n];
                float[] vf = new float[n];
                vector.unary(op, a, 0, v, 0, n);
                vector.unary(op, af, 0, vf, 0, n);
                double[] inPlace = a.clone();
                float[] inPlaceF = af.clone();
                vector.unary(op, inPlace, 0, inPlace, 0, n);
                vector.unary(op, inPlaceF, 0, inPlaceF, 0, n);
                for (int i = 0; i < n; i++) {
                    String what = op + " n=" + n + " x=" + a[i];
                    assertUlps(e[i], v[i], 4, what);
                    assertUlps(e[i], inPlace[i], 4, what + " in place");
                    assertUlps(ef[i], vf[i], 1, what + " float x=" + af[i]);
                    assertUlps(ef[i], inPlaceF[i], 1, what + " float in place x=" + af[i]);
                }
            }
        }
    }

    /**
     * float32 log in float lanes: within an ulp of (float) Math.log over every binade (every
     * 4093rd float, about half a million) and densely around 1, sqrt(2) and sqrt(1/2), where the
     * reduction switches and log m is smallest. (Checked once on every positive normal float: the
     * worst case is 1.0 ulp, none above.)
     */
    @Test
    void floatLogWithinAnUlpOverEveryBinade() {
        int lo = Float.floatToIntBits(Float.MIN_NORMAL);
        int hi = Float.floatToIntBits(Float.MAX_VALUE);
        int sparse = (hi - lo) / 4093 + 1;
        int dense = 20_000;
        float[] centers = {1.0f, (float) Math.sqrt(2), (float) Math.sqrt(0.5), 2.0f, 0.5f};
        float[] x = new float[sparse + centers.length * 2 * dense];
        int k = 0;
        for (int i = 0; i < sparse; i++) {
            x[k++] = Float.intBitsToFloat(lo + i * 4093);
        }
        for (float c : centers) {
            int b = Float.floatToIntBits(c);
            for (int d = -dense; d < dense; d++) {
                x[k++] = Float.intBitsToFloat(b + d);
            }
        }
        float[] v = new float[x.length];
        vector.unary(UnaryOp.LOG, x, 0, v, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertUlps((float) Math.log(x[i]), v[i], 1, "log(" + x[i] + ")");
        }
    }
}
