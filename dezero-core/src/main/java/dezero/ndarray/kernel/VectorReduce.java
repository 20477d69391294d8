package dezero.ndarray.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorized reductions over the middle axis of an (outer, len, inner) block, len >= 1. Rows
 * (inner == 1) are reduced with four vector accumulators; otherwise whole rows of the block are
 * combined element-wise into the output, walking memory in order. float32 sums accumulate in
 * double lanes, as the plain kernel does. Callers split the work across threads by output ranges.
 */
final class VectorReduce {
    private VectorReduce() {
    }

    private static final VectorSpecies<Double> D = VectorMath.D;
    private static final VectorSpecies<Float> F = VectorUnary.F;
    private static final VectorSpecies<Float> FH = VectorUnary.FH;

    private static final ThreadLocal<double[][]> SUM_BUF = ThreadLocal.withInitial(() -> new double[1][0]);

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

    /** float32 row; a sum is returned in double (accumulated in double lanes), max/min exactly. */
    static double row(ReduceOp op, float[] a, int off, int len) {
        int i = 0;
        if (op == ReduceOp.SUM) {
            DoubleVector s0 = DoubleVector.zero(D);
            DoubleVector s1 = DoubleVector.zero(D);
            for (; i + 2 * FH.length() <= len; i += 2 * FH.length()) {
                s0 = s0.add(VectorUnary.widen(a, off + i));
                s1 = s1.add(VectorUnary.widen(a, off + i + FH.length()));
            }
            double r = s0.add(s1).reduceLanes(VectorOperators.ADD);
            for (; i < len; i++) {
                r += a[off + i];
            }
            return r;
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
                    DoubleVector.fromArray(D, out, ob + i).add(DoubleVector.fromArray(D, a, r + i)).intoArray(out, ob + i);
                }
                for (; i < to; i++) {
                    out[ob + i] += a[r + i];
                }
                break;
            case MAX:
                for (; i < end; i += D.length()) {
                    DoubleVector.fromArray(D, out, ob + i).max(DoubleVector.fromArray(D, a, r + i)).intoArray(out, ob + i);
                }
                for (; i < to; i++) {
                    out[ob + i] = Math.max(out[ob + i], a[r + i]);
                }
                break;
            default:
                for (; i < end; i += D.length()) {
                    DoubleVector.fromArray(D, out, ob + i).min(DoubleVector.fromArray(D, a, r + i)).intoArray(out, ob + i);
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
                        FloatVector.fromArray(F, out, ob + i).max(FloatVector.fromArray(F, a, r + i)).intoArray(out, ob + i);
                    }
                    for (; i < to; i++) {
                        out[ob + i] = Math.max(out[ob + i], a[r + i]);
                    }
                } else {
                    for (; i < end; i += F.length()) {
                        FloatVector.fromArray(F, out, ob + i).min(FloatVector.fromArray(F, a, r + i)).intoArray(out, ob + i);
                    }
                    for (; i < to; i++) {
                        out[ob + i] = Math.min(out[ob + i], a[r + i]);
                    }
                }
            }
        }
    }

    /** float32 column sums in a per-thread double buffer, rounded once into out. */
    private static void columnSums(float[] a, int aOff, int oFrom, int oTo, int len, int inner, int from, int to,
                                   float[] out, int outOff) {
        int w = to - from;
        double[][] holder = SUM_BUF.get();
        if (holder[0].length < w) {
            holder[0] = new double[w];
        }
        double[] acc = holder[0];
        int vend = FH.loopBound(w);
        for (int o = oFrom; o < oTo; o++) {
            int base = aOff + o * len * inner + from;
            java.util.Arrays.fill(acc, 0, w, 0.0);
            int k = 0;
            // four rows per pass over the accumulator (added in row order, as the plain loop does)
            for (; k + 4 <= len; k += 4) {
                int r = base + k * inner;
                int i = 0;
                for (; i < vend; i += FH.length()) {
                    DoubleVector.fromArray(D, acc, i).add(VectorUnary.widen(a, r + i))
                            .add(VectorUnary.widen(a, r + inner + i)).add(VectorUnary.widen(a, r + 2 * inner + i))
                            .add(VectorUnary.widen(a, r + 3 * inner + i)).intoArray(acc, i);
                }
                for (; i < w; i++) {
                    acc[i] = acc[i] + a[r + i] + a[r + inner + i] + a[r + 2 * inner + i] + a[r + 3 * inner + i];
                }
            }
            for (; k < len; k++) {
                int r = base + k * inner;
                int i = 0;
                for (; i < vend; i += FH.length()) {
                    DoubleVector.fromArray(D, acc, i).add(VectorUnary.widen(a, r + i)).intoArray(acc, i);
                }
                for (; i < w; i++) {
                    acc[i] += a[r + i];
                }
            }
            int ob = outOff + o * inner + from;
            int i = 0;
            for (; i < vend; i += FH.length()) {
                VectorUnary.narrow(DoubleVector.fromArray(D, acc, i)).intoArray(out, ob + i);
            }
            for (; i < w; i++) {
                out[ob + i] = (float) acc[i];
            }
        }
    }
}
