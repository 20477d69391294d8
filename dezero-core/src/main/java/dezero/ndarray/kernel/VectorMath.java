package dezero.ndarray.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, expm1, tanh and log on double vectors, within a few ulps of {@link Math}: JDK 17's
 * {@code lanewise(EXP)} and friends fall back to one {@code Math} call per lane on this JVM
 * (no SVML stubs), which is slower than the plain loop. float32 exp, log, tanh and sigmoid are
 * computed in float lanes (twice as many per vector, no conversions), within an ulp of
 * {@code (float) Math.f((double) x)} (tested; log on every positive normal float).
 *
 * <p>Method: exp reduces x = n ln2 + r (|r| <= ln2/2, Cody-Waite two-part ln2) and evaluates
 * the Taylor polynomial of degree 13 (truncation below 1e-17 relative), scaled by 2^n built in
 * the exponent bits. Lanes beyond the normal range (|x| > 708) and NaN are recomputed with
 * {@code Math.exp}. log splits x = m 2^e (m in [sqrt(1/2), sqrt(2))) and sums the atanh series
 * of s = (m-1)/(m+1); zero, negative, subnormal, infinite and NaN lanes use {@code Math.log}.
 */
final class VectorMath {
    private VectorMath() {
    }

    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double EXP_LIMIT = 708.0;

    /** 1/k! for k = 2..13, highest first (Horner order). */
    private static final double[] EXP_POLY = {
        1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0,
        1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5,
    };

    /** (e^r - 1 - r) / r^2 for |r| <= ln2/2 + a bit, Horner in r. */
    private static DoubleVector expTail(DoubleVector r) {
        return horner(EXP_POLY, r);
    }

    private static DoubleVector horner(double[] c, DoubleVector r) {
        DoubleVector p = DoubleVector.broadcast(D, c[0]);
        for (int i = 1; i < c.length; i++) {
            p = p.fma(r, DoubleVector.broadcast(D, c[i]));
        }
        return p;
    }

    // ---- float32 lanes: tanh and sigmoid without widening to double (twice the lanes) ----

    // the float32 constants are ScalarMath's (the plain kernel's scalar loops give the same bits), explained there
    private static final float LOG2E_F = ScalarMath.LOG2E_F;
    private static final float LN2_HI_F = ScalarMath.LN2_HI_F;
    private static final float LN2_LO_F = ScalarMath.LN2_LO_F;
    private static final float ROUND_BIAS_F = ScalarMath.ROUND_BIAS_F;

    /**
     * out[oo + i] = e^a[ao + i] for i in [from, end), end - from a multiple of F.length(), in float
     * lanes, within an ulp of {@code (float) Math.exp} (tested on a dense sweep): x = n ln2 + r
     * (|r| <= ln2/2, ln2 in two parts so n ln2_hi is exact), e^r = 1 + r + r^2 q(r), times 2^n
     * built in the exponent bits, for -86.9 <= x <= 88.0 (n from -125 to 127: 2^n and the result
     * stay normal floats). Lanes outside that (results near the float range's ends, subnormal or
     * infinite) and NaN take {@code Math.exp}.
     *
     * <p>A whole loop with the math written out rather than a function of a vector: such a helper
     * is often compiled on its own first, after which C2 will not inline it into the loop and
     * passes it boxed vectors. The out-of-range lanes are patched by a scalar pass after the loop
     * (the loop only notes that there are some), so no branch in the loop merges two vectors (C2
     * boxes a vector merged at a branch): with the patch inside the loop, once an input had a NaN
     * the loop ran at a third of its speed for the rest of the run. In place, it runs from a copy.
     */
    static void exp(float[] a, int ao, float[] out, int oo, int from, int end) {
        runFromOperands(VectorMath::expRange, a, ao, out, oo, from, end);
    }

    private static void expRange(float[] a, int ao, float[] out, int oo, int from, int end) {
        boolean outside = false;
        for (int i = from; i < end; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, ao + i);
            FloatVector t = x.fma(FloatVector.broadcast(F, LOG2E_F), FloatVector.broadcast(F, ROUND_BIAS_F));
            FloatVector n = t.sub(ROUND_BIAS_F);
            FloatVector r = n.fma(FloatVector.broadcast(F, -LN2_HI_F), x);
            r = n.fma(FloatVector.broadcast(F, -LN2_LO_F), r);
            FloatVector q = FloatVector.broadcast(F, EXP_Q0).fma(r, FloatVector.broadcast(F, EXP_Q1))
                    .fma(r, FloatVector.broadcast(F, EXP_Q2)).fma(r, FloatVector.broadcast(F, EXP_Q3))
                    .fma(r, FloatVector.broadcast(F, EXP_Q4)).fma(r, FloatVector.broadcast(F, EXP_Q5));
            FloatVector e = r.mul(r).fma(q, r).add(1.0f)
                    .mul(t.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
            // in range unless below -86.9 / above 88.0 or NaN (comparisons with NaN are false)
            outside |= !x.compare(VectorOperators.GE, EXP_MIN_F)
                    .and(x.compare(VectorOperators.LE, EXP_MAX_F)).allTrue();
            e.intoArray(out, oo + i);
        }
        if (outside) {
            for (int i = from; i < end; i++) {
                float v = a[ao + i];
                if (!(v >= EXP_MIN_F && v <= EXP_MAX_F)) {
                    out[oo + i] = (float) Math.exp(v);
                }
            }
        }
    }

    /** ln2 in two parts: the high part's low 12 bits are zero, so k * LN2_HI_LOG is exact for |k| < 2^11. */
    private static final float LN2_HI_LOG =
            Float.intBitsToFloat(Float.floatToIntBits((float) Math.log(2)) & 0xfffff000);
    private static final float LN2_LO_LOG = (float) (Math.log(2) - LN2_HI_LOG);
    /** The bits of sqrt(1/2) rounded down: shifting the mantissa range so that m is in [sqrt(1/2), sqrt(2)). */
    private static final int SQRT_HALF_BITS = 0x3f3504f3;

    /**
     * out[oo + i] = log a[ao + i] for i in [from, end), end - from a multiple of F.length(), in
     * float lanes, within an ulp of {@code (float) Math.log} (tested on a dense sweep of every
     * binade). x = 2^k m with m in [sqrt(1/2), sqrt(2)) taken from the bits, f = m - 1 (exact),
     * s = f / (2 + f), and log(1 + f) = f - f^2/2 + s (f^2/2 + R), with R = z (2/3 + 2/5 z + ... +
     * 2/11 z^4), z = s^2 <= 0.0295, the series of 2 atanh s less its first term (truncation below
     * 2^-28): the small terms are added first and f last, so f's rounding is the only large one.
     * k ln2 is added in two parts. Zero, negative, subnormal, infinite and NaN operands are
     * recomputed with {@code Math.log} by a scalar pass after the loop, as in {@link #exp}.
     */
    static void log(float[] a, int ao, float[] out, int oo, int from, int end) {
        runFromOperands(VectorMath::logRange, a, ao, out, oo, from, end);
    }

    private static void logRange(float[] a, int ao, float[] out, int oo, int from, int end) {
        boolean special = false;
        for (int i = from; i < end; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, ao + i);
            IntVector ix = x.reinterpretAsInts().add(0x3f800000 - SQRT_HALF_BITS);
            // k as a float: the biased exponent put in the mantissa of 2^23 (no int-to-float lane cast needed)
            FloatVector k = ix.lanewise(VectorOperators.LSHR, 23).or(0x4b000000).reinterpretAsFloats()
                    .sub(8388608.0f + 127);
            FloatVector f = ix.and(0x007fffff).add(SQRT_HALF_BITS).reinterpretAsFloats().sub(1.0f);
            FloatVector s = f.div(f.add(2.0f));
            FloatVector z = s.mul(s);
            FloatVector r = z.fma(FloatVector.broadcast(F, 2.0f / 11), FloatVector.broadcast(F, 2.0f / 9))
                    .fma(z, FloatVector.broadcast(F, 2.0f / 7)).fma(z, FloatVector.broadcast(F, 2.0f / 5))
                    .fma(z, FloatVector.broadcast(F, 2.0f / 3)).mul(z);
            FloatVector hfsq = f.mul(f).mul(0.5f);
            FloatVector y = s.mul(hfsq.add(r)).add(k.mul(LN2_LO_LOG)).sub(hfsq).add(f).add(k.mul(LN2_HI_LOG));
            special |= !x.compare(VectorOperators.GE, Float.MIN_NORMAL)
                    .and(x.compare(VectorOperators.LE, Float.MAX_VALUE)).allTrue();
            y.intoArray(out, oo + i);
        }
        if (special) {
            for (int i = from; i < end; i++) {
                float v = a[ao + i];
                if (!(v >= Float.MIN_NORMAL && v <= Float.MAX_VALUE)) {
                    out[oo + i] = (float) Math.log(v);
                }
            }
        }
    }

    private static final float EXP_MIN_F = ScalarMath.EXP_MIN_F;
    private static final float EXP_MAX_F = ScalarMath.EXP_MAX_F;

    /** A loop over [from, end) that reads its operands again after its stores (to patch lanes). */
    private interface FloatLoop {
        void run(float[] a, int ao, float[] out, int oo, int from, int end);
    }

    private interface DoubleLoop {
        void run(double[] a, int ao, double[] out, int oo, int from, int end);
    }

    /** Elements per block when such a loop runs in place (from a copy of its operands). */
    private static final int ALIAS_BLOCK = 1024;

    /**
     * Runs the loop on a, or, when out overlaps a's range (in place), block by block on a copy of
     * the operands, since the loop's patch pass reads them after its stores.
     */
    private static void runFromOperands(FloatLoop loop, float[] a, int ao, float[] out, int oo, int from, int end) {
        if (a != out || !overlap(ao, oo, from, end)) {
            loop.run(a, ao, out, oo, from, end);
            return;
        }
        float[] copy = new float[Math.min(ALIAS_BLOCK, end - from)];
        for (int i = from; i < end; i += copy.length) {
            int n = Math.min(copy.length, end - i);
            System.arraycopy(a, ao + i, copy, 0, n);
            loop.run(copy, -i, out, oo, i, i + n);
        }
    }

    private static void runFromOperands(DoubleLoop loop, double[] a, int ao, double[] out, int oo, int from, int end) {
        if (a != out || !overlap(ao, oo, from, end)) {
            loop.run(a, ao, out, oo, from, end);
            return;
        }
        double[] copy = new double[Math.min(ALIAS_BLOCK, end - from)];
        for (int i = from; i < end; i += copy.length) {
            int n = Math.min(copy.length, end - i);
            System.arraycopy(a, ao + i, copy, 0, n);
            loop.run(copy, -i, out, oo, i, i + n);
        }
    }

    /** Whether [ao + from, ao + end) and [oo + from, oo + end) of one array overlap. */
    private static boolean overlap(int ao, int oo, int from, int end) {
        return ao + from < oo + end && oo + from < ao + end;
    }

    private static final float EXP_Q0 = ScalarMath.EXP_Q0;
    private static final float EXP_Q1 = ScalarMath.EXP_Q1;
    private static final float EXP_Q2 = ScalarMath.EXP_Q2;
    private static final float EXP_Q3 = ScalarMath.EXP_Q3;
    private static final float EXP_Q4 = ScalarMath.EXP_Q4;
    private static final float EXP_Q5 = ScalarMath.EXP_Q5;

    private static final float TANH_P0 = ScalarMath.TANH_P0;
    private static final float TANH_P1 = ScalarMath.TANH_P1;
    private static final float TANH_P2 = ScalarMath.TANH_P2;
    private static final float TANH_P3 = ScalarMath.TANH_P3;
    private static final float TANH_P4 = ScalarMath.TANH_P4;
    private static final float TANH_P5 = ScalarMath.TANH_P5;
    private static final float TANH_P6 = ScalarMath.TANH_P6;
    private static final float TANH_IDENTITY = ScalarMath.TANH_IDENTITY;

    /**
     * out[oo + i] = tanh a[ao + i] for i in [from, end), end - from a multiple of F.length(), in
     * float lanes, within an ulp of {@code (float) Math.tanh} (tested). Below |x| = 1: |x| (1 + u P(u))
     * from the odd polynomial (no cancellation). Above: 1 - 2/(e^(2|x|) + 1), whose error is scaled
     * down by 2/(e^2 + 1) = 0.24 or less; |x| is capped at 10, beyond which tanh rounds to 1, and e^y
     * is exp's reduction without its range checks (2|x| <= 20). The sign comes from x: x (1 + w)
     * below 1, the negated value above for x < 0, and x itself below 2^-12, where tanh x rounds to
     * x (this keeps -0.0 and the subnormals). NaN needs no test of its own: it survives abs, min
     * (Java's min returns NaN) and the polynomial, and fails every comparison.
     *
     * <p>A vector with no lane at |x| >= 1 stores the polynomial's result and skips the exp form
     * (inputs concentrated below 1, such as well-scaled activations or the benchmark's uniform
     * [0, 1), cost a third); the others compute both and blend. Each branch ends in its own store. Written out, without
     * vector-valued helpers
     * and with no vector live across the branch's end, for the reasons given at
     * {@link #exp(float[], int, float[], int, int, int)}; the helper-based version ran at half
     * this loop's speed even in a fresh JVM.
     */
    static void tanh(float[] a, int ao, float[] out, int oo, int from, int end) {
        for (int i = from; i < end; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, ao + i);
            FloatVector ax = x.abs().min(10.0f);
            FloatVector u = ax.mul(ax);
            FloatVector p = FloatVector.broadcast(F, TANH_P0).fma(u, FloatVector.broadcast(F, TANH_P1))
                    .fma(u, FloatVector.broadcast(F, TANH_P2)).fma(u, FloatVector.broadcast(F, TANH_P3))
                    .fma(u, FloatVector.broadcast(F, TANH_P4)).fma(u, FloatVector.broadcast(F, TANH_P5))
                    .fma(u, FloatVector.broadcast(F, TANH_P6));
            FloatVector small = x.fma(u.mul(p), x).blend(x, ax.compare(VectorOperators.LT, TANH_IDENTITY));
            VectorMask<Float> needsExp = ax.compare(VectorOperators.GE, 1.0f);
            if (!needsExp.anyTrue()) {
                small.intoArray(out, oo + i);
            } else {
                FloatVector y = ax.add(ax);
                FloatVector t = y.fma(FloatVector.broadcast(F, LOG2E_F), FloatVector.broadcast(F, ROUND_BIAS_F));
                FloatVector n = t.sub(ROUND_BIAS_F);
                FloatVector r = n.fma(FloatVector.broadcast(F, -LN2_HI_F), y);
                r = n.fma(FloatVector.broadcast(F, -LN2_LO_F), r);
                FloatVector q = FloatVector.broadcast(F, EXP_Q0).fma(r, FloatVector.broadcast(F, EXP_Q1))
                        .fma(r, FloatVector.broadcast(F, EXP_Q2)).fma(r, FloatVector.broadcast(F, EXP_Q3))
                        .fma(r, FloatVector.broadcast(F, EXP_Q4)).fma(r, FloatVector.broadcast(F, EXP_Q5));
                FloatVector e = r.mul(r).fma(q, r).add(1.0f)
                        .mul(t.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
                FloatVector large = FloatVector.broadcast(F, 1.0f).sub(FloatVector.broadcast(F, 2.0f).div(e.add(1.0f)));
                large.blend(large.neg(), x.compare(VectorOperators.LT, 0.0f)).blend(small, needsExp.not())
                        .intoArray(out, oo + i);
            }
        }
    }

    /**
     * out[oo + i] = sigmoid a[ao + i] for i in [from, end), end - from a multiple of F.length(), in
     * float lanes, to the absolute accuracy of 0.5 tanh(x/2) + 0.5 rounded once (tested), without
     * rounding tanh on the way. Below |x| = 2, with h = x/2 and w = tanh(h)/h - 1 = u P(u):
     * 0.5 + h/2 + (h/2) w, where 0.5 + h/2 is exact for h <= -1/2. Above: s = 1/(e^|x| + 1) is
     * sigmoid(-|x|) without cancellation, and 1 - s for x > 0. |x| is capped at 88 (e^88 is the
     * largest float power of e), so x < -88 gives 6e-39 instead of the subnormal truth. NaN
     * propagates through both halves as in {@link #tanh(float[], int, float[], int, int, int)};
     * written out, with the same branch (the exp form from |x| = 2), for the same reasons.
     */
    static void sigmoid(float[] a, int ao, float[] out, int oo, int from, int end) {
        for (int i = from; i < end; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, ao + i);
            FloatVector halfH = x.mul(0.25f);
            FloatVector ah = x.abs().mul(0.5f).min(1.0f);
            FloatVector u = ah.mul(ah);
            FloatVector p = FloatVector.broadcast(F, TANH_P0).fma(u, FloatVector.broadcast(F, TANH_P1))
                    .fma(u, FloatVector.broadcast(F, TANH_P2)).fma(u, FloatVector.broadcast(F, TANH_P3))
                    .fma(u, FloatVector.broadcast(F, TANH_P4)).fma(u, FloatVector.broadcast(F, TANH_P5))
                    .fma(u, FloatVector.broadcast(F, TANH_P6));
            FloatVector small = halfH.fma(u.mul(p), halfH.add(0.5f));
            FloatVector ax = x.abs().min(88.0f);
            VectorMask<Float> needsExp = ax.compare(VectorOperators.GE, 2.0f);
            if (!needsExp.anyTrue()) {
                small.intoArray(out, oo + i);
            } else {
                FloatVector t = ax.fma(FloatVector.broadcast(F, LOG2E_F), FloatVector.broadcast(F, ROUND_BIAS_F));
                FloatVector n = t.sub(ROUND_BIAS_F);
                FloatVector r = n.fma(FloatVector.broadcast(F, -LN2_HI_F), ax);
                r = n.fma(FloatVector.broadcast(F, -LN2_LO_F), r);
                FloatVector q = FloatVector.broadcast(F, EXP_Q0).fma(r, FloatVector.broadcast(F, EXP_Q1))
                        .fma(r, FloatVector.broadcast(F, EXP_Q2)).fma(r, FloatVector.broadcast(F, EXP_Q3))
                        .fma(r, FloatVector.broadcast(F, EXP_Q4)).fma(r, FloatVector.broadcast(F, EXP_Q5));
                FloatVector e = r.mul(r).fma(q, r).add(1.0f)
                        .mul(t.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
                FloatVector s = FloatVector.broadcast(F, 1.0f).div(e.add(1.0f));
                FloatVector large = FloatVector.broadcast(F, 1.0f).sub(s).blend(s, x.compare(VectorOperators.LT, 0.0f));
                large.blend(small, needsExp.not()).intoArray(out, oo + i);
            }
        }
    }

    /**
     * out[oo + i] = e^a[ao + i] for i in [from, end), end - from a multiple of D.length(), out
     * may be a itself. The result is stored first; lanes beyond the normal range (|x| > 708) and
     * NaN are then recomputed with {@code Math.exp} by a scalar pass after the loop, as in the
     * float32 exp (pitfall 3 of docs/PERFORMANCE.md: with the patch merged into the loop, one NaN
     * left it at a quarter of its speed).
     */
    static void exp(double[] a, int ao, double[] out, int oo, int from, int end) {
        runFromOperands(VectorMath::expRange, a, ao, out, oo, from, end);
    }

    private static void expRange(double[] a, int ao, double[] out, int oo, int from, int end) {
        boolean outside = false;
        for (int i = from; i < end; i += D.length()) {
            DoubleVector x = DoubleVector.fromArray(D, a, ao + i);
            DoubleVector t = x.fma(DoubleVector.broadcast(D, LOG2E), DoubleVector.broadcast(D, ROUND_BIAS));
            DoubleVector n = t.sub(ROUND_BIAS);
            DoubleVector r = n.fma(DoubleVector.broadcast(D, -LN2_HI), x);
            r = n.fma(DoubleVector.broadcast(D, -LN2_LO), r);
            // e^r = 1 + r + r^2 * tail(r)
            DoubleVector er = r.mul(r).fma(expTail(r), r).add(1.0);
            outside |= x.abs().compare(VectorOperators.GT, EXP_LIMIT).or(x.compare(VectorOperators.NE, x)).anyTrue();
            er.mul(twoTo(t)).intoArray(out, oo + i);
        }
        if (outside) {
            for (int i = from; i < end; i++) {
                double v = a[ao + i];
                if (!(Math.abs(v) <= EXP_LIMIT)) {
                    out[oo + i] = Math.exp(v);
                }
            }
        }
    }

    /**
     * 1.5 * 2^52 + 1023: adding it rounds to an integer n in the low mantissa bits, biased by 1023,
     * so that shifting the bits left by 52 gives 2^n (JDK 17 cannot convert double lanes to long).
     */
    private static final double ROUND_BIAS = 6755399441055744.0 + 1023;

    /** 2^n from t = n + ROUND_BIAS, for -1022 <= n <= 1023. */
    private static DoubleVector twoTo(DoubleVector t) {
        return t.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    }

    /** out = tanh of a (see {@link #tanhScaled}). */
    static void tanh(double[] a, int ao, double[] out, int oo, int from, int end) {
        tanhScaled(a, ao, out, oo, from, end, 1.0, 1.0, -0.0);
    }

    /** out = 1 / (1 + e^-x) of a, computed as 0.5 tanh(x/2) + 0.5 like the plain kernel (and DeZero). */
    static void sigmoid(double[] a, int ao, double[] out, int oo, int from, int end) {
        tanhScaled(a, ao, out, oo, from, end, 0.5, 0.5, 0.5);
    }

    /**
     * out[oo + i] = fma(tanh(inScale a[ao + i]), outScale, outShift) for i in [from, end), end - from
     * a multiple of D.length() (tanh: 1, 1, -0.0, which keeps the sign of a zero; sigmoid: 0.5,
     * 0.5, 0.5). tanh(|x|) = em / (em + 2) with em = e^(2|x|) - 1, the sign of x copied back; |x|
     * is capped at 20, beyond which tanh rounds to 1. Within 4 ulps of Math.tanh (tested). em:
     * below 2|x| = ln 2 with h = |x| from the polynomial, em = e^h' (e^h' + 2) where e^h' = e^h - 1
     * (no cancellation); above, with 2|x| = n ln2 + r, em = 2^n (e^r - 1) + (2^n - 1), where n >= 1
     * and 2^n - 1 is exact. Both are computed for every lane and blended: one loop, no branch on
     * vectors (see {@link #exp(float[], int, float[], int, int, int)}); NaN flows through.
     */
    private static void tanhScaled(double[] a, int ao, double[] out, int oo, int from, int end,
                                   double inScale, double outScale, double outShift) {
        for (int i = from; i < end; i += D.length()) {
            DoubleVector x = DoubleVector.fromArray(D, a, ao + i).mul(inScale);
            DoubleVector ax = x.abs().min(20.0);
            DoubleVector y = ax.add(ax);
            DoubleVector eh = ax.mul(ax).fma(expTail(ax), ax);
            DoubleVector small = eh.mul(eh.add(2.0));
            DoubleVector t = y.fma(DoubleVector.broadcast(D, LOG2E), DoubleVector.broadcast(D, ROUND_BIAS));
            DoubleVector n = t.sub(ROUND_BIAS);
            DoubleVector r = n.fma(DoubleVector.broadcast(D, -LN2_HI), y);
            r = n.fma(DoubleVector.broadcast(D, -LN2_LO), r);
            DoubleVector emr = r.mul(r).fma(expTail(r), r);
            DoubleVector scale = twoTo(t);
            DoubleVector em = scale.fma(emr, scale.sub(1.0))
                    .blend(small, y.compare(VectorOperators.LT, 0.6931471805599453));
            DoubleVector th = em.div(em.add(2.0));
            // copy the sign of x (keeps -0.0 as it is)
            LongVector signBit = x.reinterpretAsLongs().and(Long.MIN_VALUE);
            th.reinterpretAsLongs().or(signBit).reinterpretAsDoubles()
                    .fma(DoubleVector.broadcast(D, outScale), DoubleVector.broadcast(D, outShift))
                    .intoArray(out, oo + i);
        }
    }

    /** 2/(2k+1) for k = 10..1, Horner order in s^2. */
    private static final double[] LOG_POLY = {
        2.0 / 21, 2.0 / 19, 2.0 / 17, 2.0 / 15, 2.0 / 13, 2.0 / 11, 2.0 / 9, 2.0 / 7, 2.0 / 5, 2.0 / 3,
    };
    private static final double SQRT_HALF = 0.7071067811865476;

    /**
     * out[oo + i] = log a[ao + i] for i in [from, end), end - from a multiple of D.length(), out
     * may be a itself. Zero, negative, subnormal, infinite and NaN operands are recomputed with
     * {@code Math.log} by a scalar pass after the loop, as in
     * {@link #exp(double[], int, double[], int, int, int)}.
     */
    static void log(double[] a, int ao, double[] out, int oo, int from, int end) {
        runFromOperands(VectorMath::logRange, a, ao, out, oo, from, end);
    }

    private static void logRange(double[] a, int ao, double[] out, int oo, int from, int end) {
        boolean special = false;
        for (int i = from; i < end; i += D.length()) {
            DoubleVector x = DoubleVector.fromArray(D, a, ao + i);
            LongVector bits = x.reinterpretAsLongs();
            DoubleVector m = bits.and(0x000FFFFFFFFFFFFFL).or(0x3FF0000000000000L).reinterpretAsDoubles();
            // m in [1, 2): move [sqrt 2, 2) to [sqrt(1/2), 1) so that |s| <= 0.1716
            VectorMask<Double> high = m.compare(VectorOperators.GT, 2 * SQRT_HALF);
            m = m.blend(m.mul(0.5), high);
            // the biased exponent as a double: put it in the mantissa of 2^52 (no long-to-double lane cast in JDK 17)
            DoubleVector ed = bits.lanewise(VectorOperators.LSHR, 52).or(0x4330000000000000L).reinterpretAsDoubles()
                    .sub(4503599627370496.0 + 1023);
            ed = ed.blend(ed.add(1.0), high);
            DoubleVector s = m.sub(1.0).div(m.add(1.0));
            DoubleVector s2 = s.mul(s);
            DoubleVector p = DoubleVector.broadcast(D, LOG_POLY[0]);
            for (int k = 1; k < LOG_POLY.length; k++) {
                p = p.fma(s2, DoubleVector.broadcast(D, LOG_POLY[k]));
            }
            // log m = 2s + s^3 p(s^2) ; log x = e ln2 + log m
            DoubleVector logm = s.mul(s2).fma(p, s.add(s));
            special |= x.compare(VectorOperators.LT, Double.MIN_NORMAL)
                    .or(x.compare(VectorOperators.GT, Double.MAX_VALUE)).or(x.compare(VectorOperators.NE, x)).anyTrue();
            ed.fma(DoubleVector.broadcast(D, LN2_LO), logm).add(ed.mul(LN2_HI)).intoArray(out, oo + i);
        }
        // zero, negative, subnormal, infinite and NaN operands
        if (special) {
            for (int i = from; i < end; i++) {
                double v = a[ao + i];
                if (!(v >= Double.MIN_NORMAL && v <= Double.MAX_VALUE)) {
                    out[oo + i] = Math.log(v);
                }
            }
        }
    }
}
