package dezero.ndarray.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, expm1, tanh and log on double vectors, within a few ulps of {@link Math}: JDK 17's
 * {@code lanewise(EXP)} and friends fall back to one {@code Math} call per lane on this JVM
 * (no SVML stubs), which is slower than the plain loop. float32 operands are widened to double,
 * computed here and rounded once, which gives results within an ulp of
 * {@code (float) Math.f((double) x)}.
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
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;

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
        DoubleVector p = DoubleVector.broadcast(D, EXP_POLY[0]);
        for (int i = 1; i < EXP_POLY.length; i++) {
            p = p.fma(r, DoubleVector.broadcast(D, EXP_POLY[i]));
        }
        return p;
    }

    static DoubleVector exp(DoubleVector x) {
        DoubleVector n = rint(x.mul(LOG2E));
        DoubleVector r = n.fma(DoubleVector.broadcast(D, -LN2_HI), x);
        r = n.fma(DoubleVector.broadcast(D, -LN2_LO), r);
        // e^r = 1 + r + r^2 * tail(r)
        DoubleVector er = r.mul(r).fma(expTail(r), r).add(1.0);
        LongVector bits = ((LongVector) n.convert(VectorOperators.D2L, 0)).add(1023L).lanewise(VectorOperators.LSHL, 52);
        DoubleVector y = er.mul(bits.reinterpretAsDoubles());
        VectorMask<Double> outside = x.abs().compare(VectorOperators.GT, EXP_LIMIT).or(x.compare(VectorOperators.NE, x));
        return outside.anyTrue() ? fixLanes(y, x, outside, 0) : y;
    }

    /**
     * e^x - 1, accurate also for small |x|, for |x| <= 40. Below |x| = ln 2: with h = x/2 from the
     * polynomial, e^x - 1 = e^h' (e^h' + 2) where e^h' = e^h - 1 (no cancellation). Above: with
     * x = n ln2 + r, e^x - 1 = 2^n (e^r - 1) + (2^n - 1), where n >= 1 and 2^n - 1 is exact.
     */
    static DoubleVector expm1(DoubleVector x) {
        DoubleVector h = x.mul(0.5);
        DoubleVector eh = h.mul(h).fma(expTail(h), h);
        DoubleVector small = eh.mul(eh.add(2.0));
        VectorMask<Double> isSmall = x.abs().compare(VectorOperators.LT, 0.6931471805599453);
        if (isSmall.allTrue()) {
            return small;
        }
        DoubleVector n = rint(x.mul(LOG2E));
        DoubleVector r = n.fma(DoubleVector.broadcast(D, -LN2_HI), x);
        r = n.fma(DoubleVector.broadcast(D, -LN2_LO), r);
        DoubleVector emr = r.mul(r).fma(expTail(r), r);
        LongVector bits = ((LongVector) n.convert(VectorOperators.D2L, 0)).add(1023L).lanewise(VectorOperators.LSHL, 52);
        DoubleVector scale = bits.reinterpretAsDoubles();
        return scale.fma(emr, scale.sub(1.0)).blend(small, isSmall);
    }

    /**
     * tanh(|x|) = em / (em + 2) with em = expm1(2|x|), the sign of x copied back; |x| is capped
     * at 20, beyond which tanh rounds to 1. Within 4 ulps of Math.tanh (tested).
     */
    static DoubleVector tanh(DoubleVector x) {
        DoubleVector ax = x.abs().min(20.0);
        DoubleVector em = expm1(ax.add(ax));
        DoubleVector t = em.div(em.add(2.0));
        // copy the sign of x (keeps -0.0 as it is); NaN passes through
        LongVector signBit = x.reinterpretAsLongs().and(Long.MIN_VALUE);
        DoubleVector y = t.reinterpretAsLongs().or(signBit).reinterpretAsDoubles();
        VectorMask<Double> nan = x.compare(VectorOperators.NE, x);
        return nan.anyTrue() ? y.blend(x, nan) : y;
    }

    /** 1 / (1 + e^-x), computed as 0.5 tanh(x/2) + 0.5 like the plain kernel (and DeZero). */
    static DoubleVector sigmoid(DoubleVector x) {
        return tanh(x.mul(0.5)).fma(DoubleVector.broadcast(D, 0.5), DoubleVector.broadcast(D, 0.5));
    }

    /** 2/(2k+1) for k = 10..1, Horner order in s^2. */
    private static final double[] LOG_POLY = {
        2.0 / 21, 2.0 / 19, 2.0 / 17, 2.0 / 15, 2.0 / 13, 2.0 / 11, 2.0 / 9, 2.0 / 7, 2.0 / 5, 2.0 / 3,
    };
    private static final double SQRT_HALF = 0.7071067811865476;

    static DoubleVector log(DoubleVector x) {
        LongVector bits = x.reinterpretAsLongs();
        LongVector e = bits.lanewise(VectorOperators.LSHR, 52).sub(1023L);
        DoubleVector m = bits.and(0x000FFFFFFFFFFFFFL).or(0x3FF0000000000000L).reinterpretAsDoubles();
        // m in [1, 2): move [sqrt 2, 2) to [sqrt(1/2), 1) so that |s| <= 0.1716
        VectorMask<Double> high = m.compare(VectorOperators.GT, 2 * SQRT_HALF);
        m = m.blend(m.mul(0.5), high);
        DoubleVector ed = ((DoubleVector) e.convert(VectorOperators.L2D, 0));
        ed = ed.blend(ed.add(1.0), high);
        DoubleVector s = m.sub(1.0).div(m.add(1.0));
        DoubleVector s2 = s.mul(s);
        DoubleVector p = DoubleVector.broadcast(D, LOG_POLY[0]);
        for (int i = 1; i < LOG_POLY.length; i++) {
            p = p.fma(s2, DoubleVector.broadcast(D, LOG_POLY[i]));
        }
        // log m = 2s + s^3 p(s^2) ; log x = e ln2 + log m
        DoubleVector logm = s.mul(s2).fma(p, s.add(s));
        DoubleVector y = ed.fma(DoubleVector.broadcast(D, LN2_LO), logm).add(ed.mul(LN2_HI));
        // zero, negative, subnormal, infinite and NaN lanes
        VectorMask<Double> special = x.compare(VectorOperators.LT, Double.MIN_NORMAL)
                .or(x.compare(VectorOperators.GT, Double.MAX_VALUE)).or(x.compare(VectorOperators.NE, x));
        return special.anyTrue() ? fixLanes(y, x, special, 1) : y;
    }

    /** Round to the nearest integer (ties to even), valid for |v| < 2^51. */
    private static DoubleVector rint(DoubleVector v) {
        DoubleVector shift = DoubleVector.broadcast(D, 6755399441055744.0); // 1.5 * 2^52
        return v.add(shift).sub(shift);
    }

    /** Recomputes the masked lanes with Math (0: exp, 1: log). */
    private static DoubleVector fixLanes(DoubleVector y, DoubleVector x, VectorMask<Double> lanes, int fn) {
        double[] ys = y.toArray();
        double[] xs = x.toArray();
        for (int i = 0; i < ys.length; i++) {
            if (lanes.laneIsSet(i)) {
                ys[i] = fn == 0 ? Math.exp(xs[i]) : Math.log(xs[i]);
            }
        }
        return DoubleVector.fromArray(D, ys, 0);
    }
}
