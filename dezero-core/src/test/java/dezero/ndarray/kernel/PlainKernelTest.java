package dezero.ndarray.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The plain kernel against straightforward reference loops, on awkward lengths (around the
 * vector widths and unroll factors) with stride combinations 1/1, 1/0, 0/1 and a general one,
 * non-zero offsets, and exact aliasing of output and input.
 */
class PlainKernelTest {
    static final int[] SIZES = {1, 3, 7, 8, 13, 16, 25, 207, 1023};
    static final int[][] STRIDES = {{1, 1}, {1, 0}, {0, 1}, {0, 0}, {2, 1}};
    static final int OFF = 3;

    final PlainKernel k = new PlainKernel();
    final Random rnd = new Random(42);

    double[] randD(int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = rnd.nextDouble() * 4 - 2;
        }
        return d;
    }

    float[] randF(int n) {
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = rnd.nextFloat() * 4 - 2;
        }
        return d;
    }

    long[] randL(int n, int bound) {
        long[] d = new long[n];
        for (int i = 0; i < n; i++) {
            d[i] = rnd.nextInt(2 * bound + 1) - bound;
        }
        return d;
    }

    static double refD(BinaryOp op, double x, double y) {
        switch (op) {
            case ADD:
                return x + y;
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            case DIV:
                return x / y;
            case POW:
                return Math.pow(x, y);
            case MAXIMUM:
                return Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.max(x, y);
            default:
                return Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.min(x, y);
        }
    }

    static float refF(BinaryOp op, float x, float y) {
        switch (op) {
            case ADD:
                return x + y;
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            case DIV:
                return x / y;
            case POW:
                return (float) Math.pow(x, y);
            case MAXIMUM:
                return Math.max(x, y);
            default:
                return Math.min(x, y);
        }
    }

    static long refL(BinaryOp op, long x, long y) {
        switch (op) {
            case ADD:
                return x + y;
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            case POW: {
                long r = 1;
                for (long i = 0; i < y; i++) {
                    r *= x;
                }
                return r;
            }
            case MAXIMUM:
                return Math.max(x, y);
            default:
                return Math.min(x, y);
        }
    }

    @Test
    void binaryDouble() {
        for (BinaryOp op : BinaryOp.values()) {
            for (int n : SIZES) {
                for (int[] st : STRIDES) {
                    double[] a = randD(OFF + n * Math.max(1, st[0]));
                    double[] b = randD(OFF + n * Math.max(1, st[1]));
                    if (op == BinaryOp.POW) {
                        for (int i = 0; i < a.length; i++) {
                            a[i] = Math.abs(a[i]);
                        }
                    }
                    if (n > 5) {
                        a[OFF + 5 * st[0]] = Double.NaN;
                    }
                    double[] out = new double[n + 2];
                    k.binary(op, a, OFF, st[0], b, OFF, st[1], out, 2, n);
                    for (int i = 0; i < n; i++) {
                        double e = refD(op, a[OFF + i * st[0]], b[OFF + i * st[1]]);
                        assertEquals(e, out[2 + i], 0.0, op + " n=" + n + " strides " + st[0] + "/" + st[1] + " i=" + i);
                    }
                    assertEquals(0.0, out[0]);
                    assertEquals(0.0, out[1]);
                }
            }
        }
    }

    @Test
    void binaryFloat() {
        for (BinaryOp op : BinaryOp.values()) {
            for (int n : SIZES) {
                for (int[] st : STRIDES) {
                    float[] a = randF(OFF + n * Math.max(1, st[0]));
                    float[] b = randF(OFF + n * Math.max(1, st[1]));
                    if (op == BinaryOp.POW) {
                        for (int i = 0; i < a.length; i++) {
                            a[i] = Math.abs(a[i]);
                        }
                    }
                    float[] out = new float[n];
                    k.binary(op, a, OFF, st[0], b, OFF, st[1], out, 0, n);
                    for (int i = 0; i < n; i++) {
                        float e = refF(op, a[OFF + i * st[0]], b[OFF + i * st[1]]);
                        assertEquals(e, out[i], 0.0f, op + " n=" + n + " strides " + st[0] + "/" + st[1] + " i=" + i);
                    }
                }
            }
        }
    }

    @Test
    void binaryLong() {
        for (BinaryOp op : BinaryOp.values()) {
            if (op == BinaryOp.DIV) {
                continue;
            }
            for (int n : SIZES) {
                for (int[] st : STRIDES) {
                    boolean pow = op == BinaryOp.POW;
                    long[] a = randL(OFF + n * Math.max(1, st[0]), pow ? 5 : 1000);
                    long[] b = randL(OFF + n * Math.max(1, st[1]), pow ? 5 : 1000);
                    if (pow) {
                        for (int i = 0; i < b.length; i++) {
                            b[i] = Math.abs(b[i]) * 9; // up to 45: exercises wrap-around
                        }
                    }
                    long[] out = new long[n];
                    k.binary(op, a, OFF, st[0], b, OFF, st[1], out, 0, n);
                    for (int i = 0; i < n; i++) {
                        long e = refL(op, a[OFF + i * st[0]], b[OFF + i * st[1]]);
                        assertEquals(e, out[i], op + " n=" + n + " strides " + st[0] + "/" + st[1] + " i=" + i);
                    }
                }
            }
        }
    }

    @Test
    void longPowAndDivRules() {
        long[] out = new long[3];
        k.binary(BinaryOp.POW, new long[] {2, 3, 2}, 0, 1, new long[] {10, 0, 63}, 0, 1, out, 0, 3);
        assertArrayEquals(new long[] {1024, 1, Long.MIN_VALUE}, out);
        assertThrows(IllegalArgumentException.class,
                () -> k.binary(BinaryOp.POW, new long[] {2, 3}, 0, 1, new long[] {1, -1}, 0, 1, new long[2], 0, 2));
        assertThrows(UnsupportedOperationException.class,
                () -> k.binary(BinaryOp.DIV, new long[] {2}, 0, 1, new long[] {1}, 0, 1, new long[1], 0, 1));
        assertEquals(-6289078614652622815L, PlainKernel.ipow(3, 40));
    }

    /** Operands and output at one offset take the loops that index every array alike (vectorized): same values. */
    @Test
    void binaryAtOneOffset() {
        for (BinaryOp op : BinaryOp.values()) {
            for (int n : SIZES) {
                for (int bStride = 0; bStride <= 1; bStride++) {
                    String what = op + " n=" + n + " b stride " + bStride;
                    double[] a = randD(OFF + n);
                    double[] b = randD(OFF + n);
                    float[] af = randF(OFF + n);
                    float[] bf = randF(OFF + n);
                    long[] al = randL(OFF + n, 50);
                    long[] bl = randL(OFF + n, 5);
                    if (op == BinaryOp.POW) {
                        for (int q = 0; q < a.length; q++) {
                            a[q] = Math.abs(a[q]);
                            af[q] = Math.abs(af[q]);
                            bl[q] = Math.abs(bl[q]);
                        }
                    }
                    double[] out = new double[OFF + n];
                    float[] outF = new float[OFF + n];
                    k.binary(op, a, OFF, 1, b, OFF, bStride, out, OFF, n);
                    k.binary(op, af, OFF, 1, bf, OFF, bStride, outF, OFF, n);
                    long[] outL = new long[OFF + n];
                    if (op != BinaryOp.DIV) {
                        k.binary(op, al, OFF, 1, bl, OFF, bStride, outL, OFF, n);
                    }
                    for (int q = OFF; q < OFF + n; q++) {
                        int j = bStride == 1 ? q : OFF;
                        assertEquals(refD(op, a[q], b[j]), out[q], 0.0, what);
                        assertEquals(refF(op, af[q], bf[j]), outF[q], 0.0f, what);
                        if (op != BinaryOp.DIV) {
                            assertEquals(refL(op, al[q], bl[j]), outL[q], what);
                        }
                    }
                    // in place, the output being the first operand
                    double[] expect = out.clone();
                    k.binary(op, a, OFF, 1, b, OFF, bStride, a, OFF, n);
                    for (int q = OFF; q < OFF + n; q++) {
                        assertEquals(expect[q], a[q], 0.0, what + " in place");
                    }
                }
            }
        }
    }

    /** y -= alpha * x with y and x at one offset (the vectorized loop) and at two: the same values, fl(alpha x) subtracted. */
    @Test
    void subScaledAtOneOffsetAndAtTwo() {
        for (int n : SIZES) {
            double[] x = randD(OFF + n);
            double[] y0 = randD(OFF + n);
            for (int yOff : new int[] {OFF, 1}) {
                double[] y = y0.clone();
                float[] yf = new float[y.length];
                float[] xf = new float[x.length];
                for (int q = 0; q < y.length; q++) {
                    yf[q] = (float) y0[q];
                    xf[q] = (float) x[q];
                }
                k.subScaled(y, yOff, 0.3, x, OFF, n);
                k.subScaled(yf, yOff, 0.3f, xf, OFF, n);
                for (int i = 0; i < n; i++) {
                    assertEquals(y0[yOff + i] - 0.3 * x[OFF + i], y[yOff + i], 0.0, "n=" + n + " yOff=" + yOff);
                    assertEquals((float) y0[yOff + i] - 0.3f * xf[OFF + i], yf[yOff + i], 0.0f, "n=" + n + " yOff=" + yOff);
                }
            }
        }
    }

    /** A thin product (n below 16) whose C^T is larger than a thread keeps: computed in a scratch of its own. */
    @Test
    void thinProductLargerThanTheKeptScratch() {
        int m = PlainGemm.THIN_KEPT / 10 + 5;
        int n = 10;
        int kk = 3;
        float[] a = randF(m * kk);
        float[] b = randF(kk * n);
        float[] c = new float[m * n];
        k.gemm(false, false, m, n, kk, a, 0, kk, b, 0, n, c, 0, n);
        for (int i = 0; i < m; i += 997) {
            for (int j = 0; j < n; j++) {
                double e = 0;
                for (int p = 0; p < kk; p++) {
                    e += (double) a[i * kk + p] * b[p * n + j];
                }
                assertEquals(e, c[i * n + j], 1e-5, "row " + i + " column " + j);
            }
        }
    }

    @Test
    void binaryAliasedOutput() {
        for (int n : SIZES) {
            double[] a = randD(n);
            double[] b = randD(n);
            double[] expect = new double[n];
            for (int i = 0; i < n; i++) {
                expect[i] = a[i] * b[i];
            }
            k.binary(BinaryOp.MUL, a, 0, 1, b, 0, 1, a, 0, n);
            assertArrayEquals(expect, a, 0.0);
            double[] c = randD(n);
            double[] e2 = new double[n];
            for (int i = 0; i < n; i++) {
                e2[i] = c[i] + c[i];
            }
            k.binary(BinaryOp.ADD, c, 0, 1, c, 0, 1, c, 0, n);
            assertArrayEquals(e2, c, 0.0);
        }
    }

    static double refU(UnaryOp op, double x) {
        switch (op) {
            case NEG:
                return -x;
            case EXP:
                return Math.exp(x);
            case LOG:
                return Math.log(x);
            case SIN:
                return Math.sin(x);
            case COS:
                return Math.cos(x);
            case TANH:
                return Math.tanh(x);
            case SQRT:
                return Math.sqrt(x);
            case ABS:
                return Math.abs(x);
            case SQUARE:
                return x * x;
            case SIGN:
                return Double.isNaN(x) ? x : x > 0 ? 1 : x < 0 ? -1 : 0;
            case RECIPROCAL:
                return 1 / x;
            default:
                return 1 / (1 + Math.exp(-x));
        }
    }

    @Test
    void unaryDoubleAndFloat() {
        for (UnaryOp op : UnaryOp.values()) {
            for (int n : SIZES) {
                double[] a = randD(n + OFF);
                a[OFF] = 0.0;
                double[] out = new double[n];
                k.unary(op, a, OFF, out, 0, n);
                float[] af = new float[n + OFF];
                for (int i = 0; i < af.length; i++) {
                    af[i] = (float) a[i];
                }
                float[] outF = new float[n + 1];
                k.unary(op, af, OFF, outF, 1, n);
                for (int i = 0; i < n; i++) {
                    double e = refU(op, a[OFF + i]);
                    double tol = op == UnaryOp.SIGMOID ? 1e-15 : 0.0;
                    if (Double.isNaN(e)) {
                        assertEquals(Double.NaN, out[i], op + " n=" + n);
                    } else {
                        assertEquals(e, out[i], tol, op + " n=" + n + " i=" + i);
                    }
                    double ef = refU(op, af[OFF + i]);
                    if (Double.isNaN(ef)) {
                        assertEquals(Float.NaN, outF[1 + i], op + " float n=" + n);
                    } else {
                        assertEquals((float) ef, outF[1 + i], Math.ulp((float) ef), op + " float n=" + n + " i=" + i);
                    }
                }
                // in place
                k.unary(op, a, OFF, a, OFF, n);
                for (int i = 0; i < n; i++) {
                    assertEquals(out[i], a[OFF + i], 0.0);
                }
            }
        }
    }

    static final int[][] BLOCKS = {
        {1, 1, 1}, {1, 7, 1}, {3, 13, 1}, {1, 1023, 1}, {2, 207, 1}, {1, 3, 8}, {4, 5, 16}, {2, 25, 7},
        {3, 1, 13}, {1, 8, 1023}, {5, 2, 3}, {2, 0, 3},
    };

    static double refReduce(ReduceOp op, double[] a, int base, int len, int inner) {
        double r = op == ReduceOp.SUM ? 0 : a[base];
        for (int k = 0; k < len; k++) {
            double v = a[base + k * inner];
            switch (op) {
                case SUM:
                    r += v;
                    break;
                case MAX:
                    r = Math.max(r, v);
                    break;
                default:
                    r = Math.min(r, v);
            }
        }
        return r;
    }

    /** 1/(i+1) with alternating signs and magnitudes from 1 to 10^6: a sum whose order shows in the last bits. */
    static double[] harmonicMix(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (1.0 / (i + 1)) * (i % 3 == 0 ? -1.0 : 1.0) * Math.pow(10.0, i % 7);
        }
        return a;
    }

    @Test
    void float64RowSumsAreNumpysPairwiseSums() {
        // np.sum of the same arrays (NumPy 2.4); a left-to-right sum gives 39805.649255795804,
        // 160804.4210644857 and 463420.5342890605
        double[] out = new double[1];
        k.reduce(ReduceOp.SUM, harmonicMix(100), 0, 1, 100, 1, out, 0);
        assertEquals(39805.649255795826, out[0], 0.0);
        k.reduce(ReduceOp.SUM, harmonicMix(1000), 0, 1, 1000, 1, out, 0);
        assertEquals(160804.4210644858, out[0], 0.0);
        // one row long enough to be split between threads, halved where NumPy halves it
        k.reduce(ReduceOp.SUM, harmonicMix(300_000), 0, 1, 300_000, 1, out, 0);
        assertEquals(463420.53428905865, out[0], 0.0);
        // np.sum(a.reshape(3, 100000), axis=1)
        double[] rows = new double[3];
        k.reduce(ReduceOp.SUM, harmonicMix(300_000), 0, 3, 100_000, 1, rows, 0);
        assertArrayEquals(new double[] {405291.1423852662, 36675.79561848774, 21453.596285304673}, rows, 0.0);
        // below 8 elements: in order from 0, so -0.0 sums to 0.0 as in NumPy
        k.reduce(ReduceOp.SUM, new double[] {-0.0}, 0, 1, 1, 1, out, 0);
        assertEquals(0L, Double.doubleToRawLongBits(out[0]));
    }

    @Test
    void reductionsSplitAcrossThreadsEqualTheSerialOnes() {
        // [outer, len, inner] from 256 K elements on: blocks split (outer), columns split (one block,
        // or an output that aliases the input), one long row in halves
        int[][] blocks = {{4, 70_000, 1}, {8, 300, 128}, {1, 300, 1024}, {1, 280_000, 1}, {3, 700, 200}};
        for (ReduceOp op : ReduceOp.values()) {
            for (int[] blk : blocks) {
                int outer = blk[0];
                int len = blk[1];
                int inner = blk[2];
                String what = op + " " + outer + "x" + len + "x" + inner;
                double[] a = randD(outer * len * inner);
                float[] af = new float[a.length];
                for (int i = 0; i < a.length; i++) {
                    af[i] = (float) a[i];
                }
                double[] out = new double[outer * inner];
                float[] outF = new float[outer * inner];
                k.reduce(op, a, 0, outer, len, inner, out, 0);
                k.reduce(op, af, 0, outer, len, inner, outF, 0);
                double[] aliased = a.clone();
                k.reduce(op, aliased, 0, outer, len, inner, aliased, 0);
                double[] ad = new double[af.length];
                for (int i = 0; i < af.length; i++) {
                    ad[i] = af[i];
                }
                for (int o = 0; o < outer; o++) {
                    for (int i = 0; i < inner; i++) {
                        // the same output computed serially: a row alone (a reduction too small to split,
                        // pairwise) or a column in order, as the serial loops add them
                        int base = o * len * inner + i;
                        int q = o * inner + i;
                        double expected = refReduce(op, a, base, len, inner);
                        float expectedF = (float) refReduce(op, ad, base, len, inner);
                        if (inner == 1 && len < KernelThreads.ELEMENTWISE_SPLIT) {
                            double[] one = new double[1];
                            float[] oneF = new float[1];
                            k.reduce(op, java.util.Arrays.copyOfRange(a, base, base + len), 0, 1, len, 1, one, 0);
                            k.reduce(op, java.util.Arrays.copyOfRange(af, base, base + len), 0, 1, len, 1, oneF, 0);
                            expected = one[0];
                            expectedF = oneF[0];
                        }
                        assertEquals(expected, out[q], len > 100_000 ? 1e-9 * len : 0.0, what);
                        assertEquals(expectedF, outF[q], 0.0f, what);
                        assertEquals(out[q], aliased[q], 0.0, what + " in place");
                    }
                }
            }
        }
    }

    @Test
    void reduceAllTypes() {
        for (ReduceOp op : ReduceOp.values()) {
            for (int[] blk : BLOCKS) {
                int outer = blk[0];
                int len = blk[1];
                int inner = blk[2];
                if (len == 0 && op != ReduceOp.SUM) {
                    continue;
                }
                int n = outer * len * inner;
                double[] a = randD(n + OFF);
                if (n > 10 && op != ReduceOp.SUM) {
                    a[OFF + n / 2] = Double.NaN;
                }
                double[] out = new double[outer * inner];
                k.reduce(op, a, OFF, outer, len, inner, out, 0);
                float[] af = new float[n + OFF];
                long[] al = new long[n + OFF];
                for (int i = 0; i < af.length; i++) {
                    af[i] = (float) a[i];
                    al[i] = (long) (a[i] * 1000);
                }
                float[] outF = new float[outer * inner];
                k.reduce(op, af, OFF, outer, len, inner, outF, 0);
                long[] outL = new long[outer * inner];
                k.reduce(op, al, OFF, outer, len, inner, outL, 0);
                for (int o = 0; o < outer; o++) {
                    for (int i = 0; i < inner; i++) {
                        int base = OFF + o * len * inner + i;
                        String what = op + " block " + outer + "x" + len + "x" + inner + " at " + o + "," + i;
                        assertEquals(refReduce(op, a, base, len, inner), out[o * inner + i], 1e-12, what);
                        double[] afd = new double[af.length];
                        for (int q = 0; q < af.length; q++) {
                            afd[q] = af[q];
                        }
                        assertEquals((float) refReduce(op, afd, base, len, inner), outF[o * inner + i], 0.0f, what);
                        long e = op == ReduceOp.SUM ? 0 : al[base];
                        for (int q = 0; q < len; q++) {
                            long v = al[base + q * inner];
                            e = op == ReduceOp.SUM ? e + v : op == ReduceOp.MAX ? Math.max(e, v) : Math.min(e, v);
                        }
                        assertEquals(e, outL[o * inner + i], what);
                    }
                }
                // in place: output aliases the input at the same offset
                if (n > 0) {
                    double[] copy = a.clone();
                    k.reduce(op, copy, OFF, outer, len, inner, copy, OFF);
                    for (int q = 0; q < outer * inner; q++) {
                        assertEquals(out[q], copy[OFF + q], 0.0, op + " in place " + outer + "x" + len + "x" + inner);
                    }
                }
            }
        }
    }

    @Test
    void reduceEmpty() {
        double[] out = {9, 9};
        k.reduce(ReduceOp.SUM, new double[0], 0, 1, 0, 2, out, 0);
        assertArrayEquals(new double[] {0, 0}, out, 0.0);
        float[] outF = {9};
        k.reduce(ReduceOp.SUM, new float[0], 0, 1, 0, 1, outF, 0);
        assertEquals(0f, outF[0]);
        assertThrows(IllegalArgumentException.class,
                () -> k.reduce(ReduceOp.MAX, new long[0], 0, 1, 0, 1, new long[1], 0));
        // nothing to write
        k.reduce(ReduceOp.MAX, new double[0], 0, 0, 5, 1, new double[0], 0);
    }

    @Test
    void float32SumAccumulatesInDouble() {
        float[] a = new float[1 << 20];
        java.util.Arrays.fill(a, 0.1f);
        float[] out = new float[1];
        k.reduce(ReduceOp.SUM, a, 0, 1, a.length, 1, out, 0);
        assertEquals((float) (a.length * (double) 0.1f), out[0], 0.0f);
    }
}
