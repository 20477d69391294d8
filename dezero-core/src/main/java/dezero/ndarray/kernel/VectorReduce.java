package dezero.ndarray.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorized reductions over the middle axis of an (outer, len, inner) block, len >= 1. Rows
 * (inner == 1) are reduced with four vector accumulators; otherwise whole rows of the block are
 * combined element-wise into the output, walking memory in order. float32 row sums accumulate
 * in double lanes and column sums keep a TwoSum error term beside each float partial sum: both
 * as accurate as the plain kernel's double accumulation. Callers split the work across threads by
 * output ranges.
 */
final class VectorReduce {
    private VectorReduce() {
    }

    private static final VectorSpecies<Double> D = VectorMath.D;
    private static final VectorSpecies<Float> F = VectorUnary.F;

    private static final ThreadLocal<float[][]> SUM_BUF = ThreadLocal.withInitial(() -> new float[1][0]);

    // ------------------------------------------------------------------ one row: a[off .. off+len)

    static double row(ReduceOp op, double[] a, int off, int len) {
        int i = 0;
        int end = D.loopBound(len);
        double r;
        if (op == ReduceOp.SUM) {
            DoubleVector s0 = DoubleVector.zero(D);
            DoubleVector s1 = DoubleVector.zero(D);
            for (; i + 2 * D.length() <= len; i += 2 * D.length()) {
                s0 = s0.add(DoubleVector.fromArray(D, a, off + i));
                s1 = s1.add(DoubleVector.fromArray(D, a, off + i + D.length()));
            }
            for (; i < end; i += D.length()) {
                s0 = s0.add(DoubleVector.fromArray(D, a, off + i));
            }
            r = s0.add(s1).reduceLanes(VectorOperators.ADD);
            for (; i < len; i++) {
                r += a[off + i];
            }
            return r;
        }
        if (len < D.length()) {
            r = a[off];
            for (i = 1; i < len; i++) {
                r = op == ReduceOp.MAX ? Math.max(r, a[off + i]) : Math.min(r, a[off + i]);
            }
            return r;
        }
        DoubleVector m = DoubleVector.fromArray(D, a, off);
        if (op == ReduceOp.MAX) {
            for (i = D.length(); i < end; i += D.length()) {
                m = m.max(DoubleVector.fromArray(D, a, off + i));
            }
            r = m.reduceLanes(VectorOperators.MAX);
            for (; i < len; i++) {
                r = Math.max(r, a[off + i]);
            }
        } else {
            for (i = D.length(); i < end; i += D.length()) {
                m = m.min(DoubleVector.fromArray(D, a, off + i));
            }
            r = m.reduceLanes(VectorOperators.MIN);
            for (; i < len; i++) {
                r = Math.min(r, a[off + i]);
            }
        }
        return r;
    }

    /** float32 row; a sum is returned in double (see {@link #sumRow}), max/min exactly. */
    static double row(ReduceOp op, float[] a, int off, int len) {
        int i = 0;
        if (op == ReduceOp.SUM) {
            return sumRow(a, off, len);
        }
        int end = F.loopBound(len);
        float r;
        if (len < F.length()) {
            r = a[off];
            for (i = 1; i < len; i++) {
                r = op == ReduceOp.MAX ? Math.max(r, a[off + i]) : Math.min(r, a[off + i]);
            }
            return r;
        }
        FloatVector m = FloatVector.fromArray(F, a, off);
        if (op == ReduceOp.MAX) {
            for (i = F.length(); i < end; i += F.length()) {
                m = m.max(FloatVector.fromArray(F, a, off + i));
            }
            r = m.reduceLanes(VectorOperators.MAX);
            for (; i < len; i++) {
                r = Math.max(r, a[off + i]);
            }
        } else {
            for (i = F.length(); i < end; i += F.length()) {
                m = m.min(FloatVector.fromArray(F, a, off + i));
            }
            r = m.reduceLanes(VectorOperators.MIN);
            for (; i < len; i++) {
                r = Math.min(r, a[off + i]);
            }
        }
        return r;
    }

    /**
     * The sum of a float32 row, accumulated in double lanes: every float widened exactly and added in
     * double, as the plain kernel does, in four vector accumulators. A float vector's upper half is
     * widened from a second load half a vector further on ({@code convert(F2D, 0)} of both: one
     * conversion each, where part 1 adds a lane shuffle); the last vectors, which that load would
     * read past, take part 1. Same shape as the floats, so no second species (see KernelSpeciesTest).
     * 2048 x 2048 row sums on an AMD EPYC (Zen 4), alternating with the former (sum, error) float pairs
     * (TwoSum, seven operations per element) in one JVM: +21 % on one thread, +18-42 % on two.
     */
    private static double sumRow(float[] a, int off, int len) {
        int step = F.length();
        int half = D.length();
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = 0;
        for (; i + 2 * step + half <= len; i += 2 * step) {
            s0 = s0.add(FloatVector.fromArray(F, a, off + i).convert(VectorOperators.F2D, 0));
            s1 = s1.add(FloatVector.fromArray(F, a, off + i + half).convert(VectorOperators.F2D, 0));
            s2 = s2.add(FloatVector.fromArray(F, a, off + i + step).convert(VectorOperators.F2D, 0));
            s3 = s3.add(FloatVector.fromArray(F, a, off + i + step + half).convert(VectorOperators.F2D, 0));
        }
        for (; i + step <= len; i += step) {
            FloatVector x = FloatVector.fromArray(F, a, off + i);
            s0 = s0.add(x.convert(VectorOperators.F2D, 0));
            s1 = s1.add(x.convert(VectorOperators.F2D, 1));
        }
        double r = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            r += a[off + i];
        }
        return r;
    }

    /** sum + error in double; a sum that is infinite or NaN counts alone (its error term is NaN then). */
    private static double pairTotal(float sum, float error) {
        return Float.isFinite(sum) ? (double) sum + error : sum;
    }

    // ------------------------------------------------------------------ columns [from, to) of blocks [oFrom, oTo)

    static void columns(ReduceOp op, double[] a, int aOff, int oFrom, int oTo, int len, int inner, int from, int to,
                        double[] out, int outOff) {
        for (int o = oFrom; o < oTo; o++) {
            int base = aOff + o * len * inner;
            int ob = outOff + o * inner;
            System.arraycopy(a, base + from, out, ob + from, to - from);
            for (int k = 1; k < len; k++) {
                combine(op, a, base + k * inner, out, ob, from, to);
            }
        }
    }

    /** out[ob + i] = op(out[ob + i], a[r + i]) for i in [from, to). */
    private static void combine(ReduceOp op, double[] a, int r, double[] out, int ob, int from, int to) {
        int i = from;
        int end = from + D.loopBound(to - from);
        switch (op) {
            case SUM:
                for (; i < end; i += D.length()) {
                    DoubleVector.fromArray(D, out, ob + i).add(DoubleVector.fromArray(D, a, r + i))
                            .intoArray(out, ob + i);
                }
                for (; i < to; i++) {
                    out[ob + i] += a[r + i];
                }
                break;
            case MAX:
                for (; i < end; i += D.length()) {
                    DoubleVector.fromArray(D, out, ob + i).max(DoubleVector.fromArray(D, a, r + i))
                            .intoArray(out, ob + i);
                }
                for (; i < to; i++) {
                    out[ob + i] = Math.max(out[ob + i], a[r + i]);
                }
                break;
            default:
                for (; i < end; i += D.length()) {
                    DoubleVector.fromArray(D, out, ob + i).min(DoubleVector.fromArray(D, a, r + i))
                            .intoArray(out, ob + i);
                }
                for (; i < to; i++) {
                    out[ob + i] = Math.min(out[ob + i], a[r + i]);
                }
        }
    }

    static void columns(ReduceOp op, float[] a, int aOff, int oFrom, int oTo, int len, int inner, int from, int to,
                        float[] out, int outOff) {
        if (op == ReduceOp.SUM) {
            columnSums(a, aOff, oFrom, oTo, len, inner, from, to, out, outOff);
            return;
        }
        for (int o = oFrom; o < oTo; o++) {
            int base = aOff + o * len * inner;
            int ob = outOff + o * inner;
            System.arraycopy(a, base + from, out, ob + from, to - from);
            for (int k = 1; k < len; k++) {
                int r = base + k * inner;
                int i = from;
                int end = from + F.loopBound(to - from);
                if (op == ReduceOp.MAX) {
                    for (; i < end; i += F.length()) {
                        FloatVector.fromArray(F, out, ob + i).max(FloatVector.fromArray(F, a, r + i))
                                .intoArray(out, ob + i);
                    }
                    for (; i < to; i++) {
                        out[ob + i] = Math.max(out[ob + i], a[r + i]);
                    }
                } else {
                    for (; i < end; i += F.length()) {
                        FloatVector.fromArray(F, out, ob + i).min(FloatVector.fromArray(F, a, r + i))
                                .intoArray(out, ob + i);
                    }
                    for (; i < to; i++) {
                        out[ob + i] = Math.min(out[ob + i], a[r + i]);
                    }
                }
            }
        }
    }

    /**
     * float32 column sums, each kept as a (sum, error) pair of floats accumulated with TwoSum in
     * row order (Ogita, Rump and Oishi's Sum2: as accurate as summing in double), rounded once into out.
     * {@link #ROWS_PER_PASS} rows per pass over the pairs.
     * The pairs of a vector of columns lie side by side ({@link #sumAt}): with the sums and the errors in
     * two halves of the buffer, w apart, a width that is a multiple of 1024 put every error's store 4 KB
     * (a multiple) from its sum's, and the CPU then holds loads back behind stores to other addresses with
     * the same low 12 bits (4K aliasing): 2048 x 2048 column sums on one thread of an AMD EPYC (Zen 4) ran
     * 20-30 % faster side by side, both layouts alternating in one JVM.
     */
    private static void columnSums(float[] a, int aOff, int oFrom, int oTo, int len, int inner, int from, int to,
                                   float[] out, int outOff) {
        int w = to - from;
        int step = F.length();
        float[][] holder = SUM_BUF.get();
        if (holder[0].length < 2 * (w + step)) {
            holder[0] = new float[2 * (w + step)];
        }
        float[] acc = holder[0];
        int vend = F.loopBound(w);
        for (int o = oFrom; o < oTo; o++) {
            int base = aOff + o * len * inner + from;
            java.util.Arrays.fill(acc, 0, 2 * (w + step), 0.0f);
            int k = 0;
            for (; k + ROWS_PER_PASS <= len; k += ROWS_PER_PASS) {
                addRows(a, base + k * inner, inner, acc, w, vend);
            }
            for (; k < len; k++) {
                addRows1(a, base + k * inner, acc, w, vend);
            }
            int ob = outOff + o * inner + from;
            for (int i = 0; i < w; i++) {
                int si = sumAt(i);
                out[ob + i] = (float) pairTotal(acc[si], acc[si + step]);
            }
        }
    }

    /**
     * Where column i's running sum lies in the pair buffer: each vector of columns (and the last, partial
     * one) has its V sums followed by its V errors, so the error of column i is at sumAt(i) + V.
     */
    private static int sumAt(int i) {
        return i + i / F.length() * F.length();
    }

    /**
     * Rows added per pass over the (sum, error) pairs: the pairs are loaded and stored once per this many
     * TwoSum steps. Eight rather than four: 2048 x 2048 column sums ran 5-15 % faster on one thread and up to
     * half again on two (AMD EPYC); sixteen ran slower on both.
     */
    private static final int ROWS_PER_PASS = 8;

    /** Rows r, r + inner, ..., r + (ROWS_PER_PASS - 1) inner added, in that order, to the pairs of every column. */
    private static void addRows(float[] a, int r, int inner, float[] acc, int w, int vend) {
        int step = F.length();
        int i = 0;
        // three of TwoSum's seven additions as multiply-adds by +-1 (the same correctly rounded results), so
        // that CPUs with separate add and fma pipes (AMD's) spread them over both
        FloatVector one = FloatVector.broadcast(F, 1f);
        FloatVector minusOne = FloatVector.broadcast(F, -1f);
        for (; i < vend; i += step) {
            FloatVector s = FloatVector.fromArray(F, acc, 2 * i);
            FloatVector e = FloatVector.fromArray(F, acc, 2 * i + step);
            for (int q = 0; q < ROWS_PER_PASS; q++) {
                FloatVector x = FloatVector.fromArray(F, a, r + q * inner + i);
                FloatVector t = s.add(x);
                FloatVector b = s.fma(minusOne, t);
                e = e.add(t.sub(b).fma(minusOne, s).fma(one, x.sub(b)));
                s = t;
            }
            s.intoArray(acc, 2 * i);
            e.intoArray(acc, 2 * i + step);
        }
        for (; i < w; i++) {
            for (int q = 0; q < ROWS_PER_PASS; q++) {
                addScalar(acc, sumAt(i), a[r + q * inner + i]);
            }
        }
    }

    private static void addRows1(float[] a, int r, float[] acc, int w, int vend) {
        int step = F.length();
        int i = 0;
        for (; i < vend; i += step) {
            FloatVector s = FloatVector.fromArray(F, acc, 2 * i);
            FloatVector x = FloatVector.fromArray(F, a, r + i);
            FloatVector t = s.add(x);
            FloatVector b = t.sub(s);
            FloatVector.fromArray(F, acc, 2 * i + step).add(s.sub(t.sub(b)).add(x.sub(b))).intoArray(acc, 2 * i + step);
            t.intoArray(acc, 2 * i);
        }
        for (; i < w; i++) {
            addScalar(acc, sumAt(i), a[r + i]);
        }
    }

    /** The same TwoSum step on one column, its sum at acc[si] and its error V further on. */
    private static void addScalar(float[] acc, int si, float x) {
        float s = acc[si];
        float t = s + x;
        float b = t - s;
        acc[si + F.length()] += (s - (t - b)) + (x - b);
        acc[si] = t;
    }
}
