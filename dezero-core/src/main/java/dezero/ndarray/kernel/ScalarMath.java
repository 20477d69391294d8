package dezero.ndarray.kernel;

/**
 * float32 exp, tanh and sigmoid for the plain kernel: {@link VectorMath}'s polynomials in plain
 * Java, with the same operations in the same order ({@code Math.fma} where the vector code fuses),
 * so both kernels give the same bits for every input, written as stages that the JIT vectorizes
 * (see the loops). The constants live here, where the plain kernel can read them without loading
 * the Vector API; {@code VectorMath} uses them too. Element by element these polynomials ran at
 * about ten times the speed of {@code (float) Math.exp}/{@code Math.tanh}, which call the
 * double-precision library functions (tanh is not even an intrinsic on JDK 17); in stages, at
 * about twice that again.
 */
final class ScalarMath {
    private ScalarMath() {
    }

    /**
     * From this many elements the float32 exp, tanh and sigmoid take the polynomials on both kernels; below
     * it {@code Math}'s functions, so the book's small examples print the same digits as the reference.
     */
    static final int POLYNOMIALS_FROM = 64;

    static final float LOG2E_F = 1.44269504f;
    /** ln2 in two parts: the high part has 9 significant bits, so n * LN2_HI_F is exact for |n| < 2^15. */
    static final float LN2_HI_F = 0.693359375f;
    static final float LN2_LO_F = -2.12194440e-4f;
    /** 1.5 * 2^23 + 127: adding it rounds to an integer n in the low mantissa bits, biased by 127. */
    static final float ROUND_BIAS_F = 12582912.0f + 127;
    /** exp's polynomial range: 2^n and the result stay normal floats from -86.9 to 88.0. */
    static final float EXP_MIN_F = -86.9f;
    static final float EXP_MAX_F = 88.0f;

    /** 1/k! for k = 7..2 (Horner order): truncation below 2e-9 relative for |r| <= ln2/2. */
    static final float EXP_Q0 = 1.0f / 5040;
    static final float EXP_Q1 = 1.0f / 720;
    static final float EXP_Q2 = 1.0f / 120;
    static final float EXP_Q3 = 1.0f / 24;
    static final float EXP_Q4 = 1.0f / 6;
    static final float EXP_Q5 = 0.5f;

    /**
     * P(u) with tanh x = x (1 + u P(u)), u = x^2, for 0 <= x <= 1 (Horner order): a least-squares fit
     * of the relative error on Chebyshev nodes in u, max relative error 1.1e-8 (0.18 of 2^-24).
     */
    static final float TANH_P0 = -0.00035522020f;
    static final float TANH_P1 = 0.0022899630f;
    static final float TANH_P2 = -0.0079302983f;
    static final float TANH_P3 = 0.021475796f;
    static final float TANH_P4 = -0.053875986f;
    static final float TANH_P5 = 0.13332282f;
    static final float TANH_P6 = -0.33333293f;
    /** 2^-12: below it x^3/3 is under a third of x's ulp, so tanh x rounds to x. */
    static final float TANH_IDENTITY = 0x1p-12f;

    /** P(u) of the tanh polynomial. */
    private static float tanhP(float u) {
        return Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(TANH_P0, u, TANH_P1), u, TANH_P2), u, TANH_P3),
                u, TANH_P4), u, TANH_P5), u, TANH_P6);
    }

    // The loops below compute VectorMath's lanes in stages of STAGE elements, each stage a simple loop
    // over buffers indexed alike, the form C2's SuperWord pass vectorizes on JDK 17: a loop as long as
    // a whole exp is not unrolled, hence not vectorized, and one that reads the caller's array at an
    // offset and a buffer at zero is not either. The steps that move bits between floats and ints
    // stay scalar (SuperWord does not vectorize those moves): 2^n built from its bits, and tanh's and
    // sigmoid's choice of form. The operations and their order are those of VectorMath, so both
    // kernels give the same bits (checked on all 2^32 floats when this was written; the tests sweep
    // a sample and the edges). Measured on one thread of the AMD EPYC of docs/PERFORMANCE.md, 4 M
    // normally distributed floats: exp 2.9 -> 1.3 ns per element, tanh 10.4 -> 2.7, sigmoid 11.2 -> 4.1
    // (the element-by-element loops branched on the form, mispredicted half the time on such data).

    /** The sign bit of a float. */
    private static final int SIGN = 0x80000000;
    /** The bits of 1.0f, 2.0f and TANH_IDENTITY: non-negative floats order as their bits do. */
    private static final int ONE_BITS = Float.floatToRawIntBits(1.0f);
    private static final int TWO_BITS = Float.floatToRawIntBits(2.0f);
    private static final int TANH_IDENTITY_BITS = Float.floatToRawIntBits(TANH_IDENTITY);
    /** Elements per stage: four buffers of floats per thread, 4 KB, in L1. */
    private static final int STAGE = 256;

    /** A thread's stage buffers. */
    private static final class Stage {
        /** The input. */
        final float[] x = new float[STAGE];
        /** t = y log2(e) + ROUND_BIAS_F of exp's reduction, then 2^n. */
        final float[] t = new float[STAGE];
        /** r of exp's reduction, then e^y, then the result. */
        final float[] p = new float[STAGE];
        /** tanh and sigmoid: the small-argument form. */
        final float[] s = new float[STAGE];
    }

    private static final ThreadLocal<Stage> STAGES = ThreadLocal.withInitial(Stage::new);

    /** One stage's work: st.p[0, w) from st.x[0, w), with the other buffers for intermediate results. */
    private interface StageWork {
        void run(Stage st, int w);
    }

    /**
     * out[oo + i] = f(a[ao + i]) for i in [0, n), f done by {@code work} a stage at a time: copied into the
     * thread's buffers, computed there, copied out. out may be a itself at the same offset.
     */
    private static void inStages(float[] a, int ao, float[] out, int oo, int n, StageWork work) {
        Stage st = STAGES.get();
        for (int c = 0; c < n; c += STAGE) {
            int w = Math.min(STAGE, n - c);
            System.arraycopy(a, ao + c, st.x, 0, w);
            work.run(st, w);
            System.arraycopy(st.p, 0, out, oo + c, w);
        }
    }

    /**
     * p[i] = e^y for i < w, from the reduction of y already in t[i] and p[i] (t = fma(y, LOG2E_F,
     * ROUND_BIAS_F), r = y - n ln2 in two parts): the polynomial, 2^n, and their product.
     */
    private static void expStages(float[] t, float[] p, int w) {
        for (int i = 0; i < w; i++) {
            float r = p[i];
            float q = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(EXP_Q0, r, EXP_Q1), r, EXP_Q2), r, EXP_Q3), r,
                    EXP_Q4), r, EXP_Q5);
            p[i] = Math.fma(r * r, q, r) + 1.0f;
        }
        for (int i = 0; i < w; i++) {
            t[i] = Float.intBitsToFloat(Float.floatToRawIntBits(t[i]) << 23);
        }
        for (int i = 0; i < w; i++) {
            p[i] = p[i] * t[i];
        }
    }

    /**
     * out[oo + i] = e^a[ao + i] for i in [0, n): outside [-86.9, 88.0] and for NaN, {@code (float) Math.exp}.
     * out may be a itself at the same offset (in place).
     */
    static void exp(float[] a, int ao, float[] out, int oo, int n) {
        inStages(a, ao, out, oo, n, ScalarMath::expStage);
    }

    /** One stage of {@link #exp}: st.p[i] from st.x[i], i < w. */
    private static void expStage(Stage st, int w) {
        float[] x = st.x;
        float[] t = st.t;
        float[] p = st.p;
        // the largest distance from the range: 0 when every element is in it (NaN otherwise for a NaN)
        float outside = 0.0f;
        for (int i = 0; i < w; i++) {
            float v = x[i];
            float y = Math.min(Math.max(v, EXP_MIN_F), EXP_MAX_F);
            outside = Math.max(outside, Math.abs(v - y));
            float ti = Math.fma(y, LOG2E_F, ROUND_BIAS_F);
            float k = ti - ROUND_BIAS_F;
            t[i] = ti;
            p[i] = Math.fma(k, -LN2_LO_F, Math.fma(k, -LN2_HI_F, y));
        }
        expStages(t, p, w);
        if (!(outside == 0.0f)) {
            for (int i = 0; i < w; i++) {
                float v = x[i];
                if (!(v >= EXP_MIN_F && v <= EXP_MAX_F)) {
                    p[i] = (float) Math.exp(v);
                }
            }
        }
    }

    /**
     * p[i] = e^y with y = min(|x[i]|, cap) * scale for i < w (scale 1 or 2: exact), y within exp's range:
     * tanh's e^(2|x|) with |x| capped at 10, sigmoid's e^|x| capped at 88.
     */
    private static void expOfMagnitude(float[] x, float[] t, float[] p, int w, float cap, float scale) {
        for (int i = 0; i < w; i++) {
            float y = Math.min(Math.abs(x[i]), cap) * scale;
            float ti = Math.fma(y, LOG2E_F, ROUND_BIAS_F);
            float k = ti - ROUND_BIAS_F;
            t[i] = ti;
            p[i] = Math.fma(k, -LN2_LO_F, Math.fma(k, -LN2_HI_F, y));
        }
        expStages(t, p, w);
    }

    /**
     * Whether some x[i], i < w, has |x[i]| >= bound or is NaN: the elements that take the exp form of
     * tanh (bound 1) or sigmoid (2). Where none does, the choice loop takes the small form everywhere and
     * never reads p (as its masks are all zero there).
     */
    private static boolean anyAtLeast(float[] x, int w, float bound) {
        for (int i = 0; i < w; i++) {
            if (!(Math.abs(x[i]) < bound)) {
                return true;
            }
        }
        return false;
    }

    /**
     * out[oo + i] = tanh a[ao + i] for i in [0, n), as VectorMath.tanh's lanes (see there for the method);
     * out may be a itself at the same offset.
     */
    static void tanh(float[] a, int ao, float[] out, int oo, int n) {
        inStages(a, ao, out, oo, n, ScalarMath::tanhStage);
    }

    /** One stage of {@link #tanh}: st.p[i] from st.x[i], i < w. */
    private static void tanhStage(Stage st, int w) {
        float[] x = st.x;
        float[] t = st.t;
        float[] p = st.p;
        float[] s = st.s;
        for (int i = 0; i < w; i++) {
            float v = x[i];
            float ax = Math.min(Math.abs(v), 10.0f);
            float u = ax * ax;
            s[i] = Math.fma(v, u * tanhP(u), v);
        }
        // the exp form only for a stage that has an element at |x| >= 1 (or a NaN), as VectorMath skips it
        // for a vector without one: inputs in (-1, 1) are common, and the form is most of the work
        if (anyAtLeast(x, w, 1.0f)) {
            expOfMagnitude(x, t, p, w, 10.0f, 2.0f);
            for (int i = 0; i < w; i++) {
                p[i] = 1.0f - 2.0f / (p[i] + 1.0f);
            }
        }
        // the choice per element, on int bits with masks: a branch on |x| >= 1 is mispredicted half the
        // time on data around it (it took 60 % of the time). |x| >= 1 and |x| < 2^-12 as the order of
        // the bits of |x|; a NaN takes the large form, NaN too. The large form gets x's sign (x < 0 there).
        for (int i = 0; i < w; i++) {
            int vb = Float.floatToRawIntBits(x[i]);
            int ab = vb & ~SIGN;
            int large = Float.floatToRawIntBits(p[i]) ^ (vb & SIGN);
            int identity = (ab - TANH_IDENTITY_BITS) >> 31;
            int small = vb & identity | Float.floatToRawIntBits(s[i]) & ~identity;
            int useLarge = (ONE_BITS - 1 - ab) >> 31;
            p[i] = Float.intBitsToFloat(large & useLarge | small & ~useLarge);
        }
    }

    /**
     * out[oo + i] = sigmoid a[ao + i] for i in [0, n), as VectorMath.sigmoid's lanes (see there for the
     * method); out may be a itself at the same offset.
     */
    static void sigmoid(float[] a, int ao, float[] out, int oo, int n) {
        inStages(a, ao, out, oo, n, ScalarMath::sigmoidStage);
    }

    /** One stage of {@link #sigmoid}: st.p[i] from st.x[i], i < w. */
    private static void sigmoidStage(Stage st, int w) {
        float[] x = st.x;
        float[] t = st.t;
        float[] p = st.p;
        float[] s = st.s;
        for (int i = 0; i < w; i++) {
            float v = x[i];
            float halfH = v * 0.25f;
            float ah = Math.min(Math.abs(v) * 0.5f, 1.0f);
            float u = ah * ah;
            s[i] = Math.fma(halfH, u * tanhP(u), halfH + 0.5f);
        }
        if (anyAtLeast(x, w, 2.0f)) {
            expOfMagnitude(x, t, p, w, 88.0f, 1.0f);
            for (int i = 0; i < w; i++) {
                p[i] = 1.0f / (p[i] + 1.0f);
            }
        }
        // as in tanh, the choice with masks on int bits: |x| >= 2, x < 0 (its sign bit; -0 never takes
        // the large form, a NaN gives NaN in both)
        for (int i = 0; i < w; i++) {
            int vb = Float.floatToRawIntBits(x[i]);
            float e = p[i];
            int negative = vb >> 31;
            int large = Float.floatToRawIntBits(e) & negative | Float.floatToRawIntBits(1.0f - e) & ~negative;
            int useLarge = (TWO_BITS - 1 - (vb & ~SIGN)) >> 31;
            p[i] = Float.intBitsToFloat(large & useLarge | Float.floatToRawIntBits(s[i]) & ~useLarge);
        }
    }

    /**
     * Whether {@link #run} computes {@code op}: exp, tanh and sigmoid, where the CPU fuses
     * multiply-adds (written with {@code Math.fma}, they would take a microsecond each without; see
     * {@link HardwareFma}).
     */
    static boolean covers(UnaryOp op) {
        return (op == UnaryOp.EXP || op == UnaryOp.TANH || op == UnaryOp.SIGMOID) && HardwareFma.available();
    }

    /** out[oo + i] = op(a[ao + i]) for i in [0, n), op one of those {@link #covers} accepts. */
    static void run(UnaryOp op, float[] a, int ao, float[] out, int oo, int n) {
        switch (op) {
            case EXP:
                exp(a, ao, out, oo, n);
                break;
            case TANH:
                tanh(a, ao, out, oo, n);
                break;
            case SIGMOID:
                sigmoid(a, ao, out, oo, n);
                break;
            default:
                throw new IllegalArgumentException("no float32 polynomial for " + op);
        }
    }
}
