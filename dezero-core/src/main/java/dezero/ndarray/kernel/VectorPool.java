package dezero.ndarray.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 max pooling of 2 x 2 windows at stride 2 without padding on the Vector API, whole
 * planes at a time, giving exactly what {@code WindowLoops.max} gives: each window's first largest
 * element in row-major order (-0 and +0 equal) and its position 0..3.
 *
 * <p>Two passes per plane. Vertical: for every row pair and column, the larger of the two (the
 * upper one on a tie) and its tap (0 or 2), contiguous rows, so plain vector loads. Horizontal: the
 * row pairs' results lie in one buffer where each window's two columns are neighbours, and since
 * the plane's width is even and fully used, the windows are simply the consecutive pairs of that
 * buffer: even and odd lanes are split apart by single-vector rearranges and a blend with a constant
 * mask, and the right column wins when larger, or equal with a smaller tap (so that tap 1 beats tap 2).
 * The last vector of each pass overlaps the one before it instead of leaving a scalar tail
 * (recomputing lanes is harmless, and a branchy scalar tail of 10 columns in 26 cost more than the
 * vectors). Two-vector rearranges and mask casts between element types are not intrinsics on JDK 17
 * (they ran boxed, slower than scalar code), hence one element type and single-vector shuffles.
 *
 * <p>Comparisons treat NaN as no element of the window would: a plane holding a NaN is left to the
 * exact scalar loops, which the caller runs when {@link #plane} returns false. (The vertical pass
 * carries a running minimum, which Java's min turns into NaN for good once it meets one.)
 */
final class VectorPool {
    private VectorPool() {
    }

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Lanes 0..L/2 take the even (odd) lanes of the first vector, the others those of the second. */
    private static final VectorShuffle<Float> EVEN;
    private static final VectorShuffle<Float> ODD;
    private static final VectorMask<Float> UPPER_HALF;

    static {
        int[] even = new int[L];
        int[] odd = new int[L];
        boolean[] upper = new boolean[L];
        for (int i = 0; i < L; i++) {
            even[i] = 2 * i % L;
            odd[i] = (2 * i + 1) % L;
            upper[i] = i >= L / 2;
        }
        EVEN = VectorShuffle.fromArray(S, even, 0);
        ODD = VectorShuffle.fromArray(S, odd, 0);
        UPPER_HALF = VectorMask.fromArray(S, upper, 0);
    }

    /** Whether {@link #plane} handles planes of this window: 2 x 2, stride 2, no padding, width even and used fully. */
    static boolean fits(Window p) {
        return p.kh == 2 && p.kw == 2 && p.sh == 2 && p.sw == 2 && p.ph == 0 && p.pw == 0
                && p.w == 2 * p.ow && p.h >= 2 * p.oh && p.w >= L && p.oh * p.w >= 2 * L;
    }

    /** Per-thread buffers of {@link #plane}: values, taps (as floats) and the output taps of one plane. */
    static float[][] buffers(Window p) {
        return new float[][] {new float[p.oh * p.w], new float[p.oh * p.w], new float[Math.max(p.oh * p.ow, L)]};
    }

    /**
     * The plane starting at {@code xo} (outputs from {@code o}) of a window that {@link #fits}; false,
     * with y and idx of the plane undefined, when the plane holds a NaN.
     */
    static boolean plane(float[] x, int xo, Window p, float[] y, long[] idx, int o, float[][] buffers) {
        float[] values = buffers[0];
        float[] taps = buffers[1];
        float[] outTaps = buffers[2];
        float nanCheck = 0;
        for (int oy = 0; oy < p.oh; oy++) {
            int upper = xo + 2 * oy * p.w;
            nanCheck += vertical(x, upper, upper + p.w, p.w, values, taps, oy * p.w, outTaps);
        }
        if (nanCheck != nanCheck) {
            return false;
        }
        horizontal(p.oh * p.w, values, taps, y, o, outTaps);
        for (int i = 0, n = p.oh * p.ow; i < n; i++) {
            idx[o + i] = (long) outTaps[i];
        }
        return true;
    }

    /** One row pair into values/taps at q; returns NaN when the pair holds one (else a number at most 0). */
    private static float vertical(float[] x, int upper, int lower, int w, float[] values, float[] taps, int q,
                                  float[] scratch) {
        FloatVector zeros = FloatVector.zero(S);
        FloatVector two = FloatVector.broadcast(S, 2f);
        FloatVector nanCheck = zeros;
        for (int j = 0; ; j += L) {
            if (j > w - L) {
                j = w - L;
            }
            FloatVector u = FloatVector.fromArray(S, x, upper + j);
            FloatVector d = FloatVector.fromArray(S, x, lower + j);
            nanCheck = nanCheck.min(u).min(d);
            VectorMask<Float> lowerWins = d.compare(VectorOperators.GT, u);
            u.blend(d, lowerWins).intoArray(values, q + j);
            zeros.blend(two, lowerWins).intoArray(taps, q + j);
            if (j == w - L) {
                break;
            }
        }
        nanCheck.intoArray(scratch, 0);
        float sum = 0;
        for (int i = 0; i < L; i++) {
            sum += scratch[i];
        }
        return sum;
    }

    /** The consecutive pairs of values/taps [0, n) into y from o and their taps (0..3) into outTaps. */
    private static void horizontal(int n, float[] values, float[] taps, float[] y, int o, float[] outTaps) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int q = 0; ; q += 2 * L) {
            if (q > n - 2 * L) {
                q = n - 2 * L;
            }
            FloatVector v1 = FloatVector.fromArray(S, values, q);
            FloatVector v2 = FloatVector.fromArray(S, values, q + L);
            FloatVector t1 = FloatVector.fromArray(S, taps, q);
            FloatVector t2 = FloatVector.fromArray(S, taps, q + L);
            FloatVector left = v1.rearrange(EVEN).blend(v2.rearrange(EVEN), UPPER_HALF);
            FloatVector right = v1.rearrange(ODD).blend(v2.rearrange(ODD), UPPER_HALF);
            FloatVector leftTap = t1.rearrange(EVEN).blend(t2.rearrange(EVEN), UPPER_HALF);
            FloatVector rightTap = t1.rearrange(ODD).blend(t2.rearrange(ODD), UPPER_HALF).add(one);
            VectorMask<Float> rightWins = right.compare(VectorOperators.GT, left)
                    .or(right.compare(VectorOperators.EQ, left).and(rightTap.compare(VectorOperators.LT, leftTap)));
            left.blend(right, rightWins).intoArray(y, o + q / 2);
            leftTap.blend(rightTap, rightWins).intoArray(outTaps, q / 2);
            if (q == n - 2 * L) {
                break;
            }
        }
    }
}
