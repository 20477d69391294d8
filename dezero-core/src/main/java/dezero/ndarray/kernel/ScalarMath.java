package dezero.ndarray.kernel;

/**
 * float32 exp, tanh and sigmoid for the plain kernel: {@link VectorMath}'s polynomials one element
 * at a time, with the same operations in the same order ({@code Math.fma} where the vector code
 * fuses), so both kernels give the same bits for every input. The constants live here, where the
 * plain kernel can read them without loading the Vector API; {@code VectorMath} uses them too.
 * About ten times the speed of {@code (float) Math.exp}/{@code Math.tanh} per element, which
 * call the double-precision library functions (tanh is not even an intrinsic on JDK 17).
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

    /** e^y for y in [EXP_MIN_F, EXP_MAX_F], as VectorMath's exp lanes compute it (no range check). */
    private static float expInRange(float y) {
        float t = Math.fma(y, LOG2E_F, ROUND_BIAS_F);
        float n = t - ROUND_BIAS_F;
        float r = Math.fma(n, -LN2_HI_F, y);
        r = Math.fma(n, -LN2_LO_F, r);
        float q = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(EXP_Q0, r, EXP_Q1), r, EXP_Q2), r, EXP_Q3), r,
                EXP_Q4), r, EXP_Q5);
        return (Math.fma(r * r, q, r) + 1.0f) * Float.intBitsToFloat(Float.floatToRawIntBits(t) << 23);
    }

    /** P(u) of the tanh polynomial. */
    private static float tanhP(float u) {
        return Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(TANH_P0, u, TANH_P1), u, TANH_P2), u, TANH_P3),
                u, TANH_P4), u, TANH_P5), u, TANH_P6);
    }

    /** out[oo + i] = e^a[ao + i] for i in [0, n): outside [-86.9, 88.0] and for NaN, {@code (float) Math.exp}. */
    static void exp(float[] a, int ao, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            float x = a[ao + i];
            out[oo + i] = x >= EXP_MIN_F && x <= EXP_MAX_F ? expInRange(x) : (float) Math.exp(x);
        }
    }

    /** out[oo + i] = tanh a[ao + i] for i in [0, n), as VectorMath.tanh's lanes (see there for the method). */
    static void tanh(float[] a, int ao, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            float x = a[ao + i];
            float ax = Math.min(Math.abs(x), 10.0f);
            float u = ax * ax;
            float small = ax < TANH_IDENTITY ? x : Math.fma(x, u * tanhP(u), x);
            if (ax >= 1.0f) {
                float large = 1.0f - 2.0f / (expInRange(ax + ax) + 1.0f);
                out[oo + i] = x < 0.0f ? -large : large;
            } else {
                out[oo + i] = small;
            }
        }
    }

    /** out[oo + i] = sigmoid a[ao + i] for i in [0, n), as VectorMath.sigmoid's lanes (see there for the method). */
    static void sigmoid(float[] a, int ao, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            float x = a[ao + i];
            float halfH = x * 0.25f;
            float ah = Math.min(Math.abs(x) * 0.5f, 1.0f);
            float u = ah * ah;
            float small = Math.fma(halfH, u * tanhP(u), halfH + 0.5f);
            float ax = Math.min(Math.abs(x), 88.0f);
            if (ax >= 2.0f) {
                float s = 1.0f / (expInRange(ax) + 1.0f);
                out[oo + i] = x < 0.0f ? s : 1.0f - s;
            } else {
                out[oo + i] = small;
            }
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
