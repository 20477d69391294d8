package dezero.ndarray.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;

/**
 * The kernel on the Java Vector API ({@code jdk.incubator.vector}): SIMD gemm
 * ({@link VectorGemmF}, {@link VectorGemmD}), element-wise operations and reductions
 * ({@link VectorOps}), split across cores above {@link KernelThreads#ELEMENTWISE_SPLIT}
 * elements. int64 arithmetic stays with {@link PlainKernel}. Only {@link Kernels} loads this
 * class, by name, after checking that the module is present.
 */
final class VectorKernel implements Kernel {
    private final PlainKernel plain = new PlainKernel();

    /** Why this kernel would not pay off on this JVM, or null when it is usable. */
    static String unsupportedReason() {
        int bits = VectorShape.preferredShape().vectorBitSize();
        if (bits < 128) {
            return "the preferred vector size is only " + bits + " bits";
        }
        return null;
    }

    @Override
    public String name() {
        return "vector-api (" + FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit)";
    }

    private static final int SPLIT = KernelThreads.ELEMENTWISE_SPLIT;
    /**
     * Below these sizes the plain loops run: SIMD gains little there, and small computations (the
     * book's scalar examples) then print the same digits whichever kernel runs (the vector
     * exp/log/tanh differ from Math's in the last ulps, and lane-wise sums add in another order).
     */
    static final int PLAIN_UNARY_BELOW = 64;
    static final int PLAIN_ROW_SUM_BELOW = 1024;
    /** Split points fall on whole cache lines of either type. */
    private static final int ALIGN = 64;

    private static boolean vectorForm(BinaryOp op, int aStride, int bStride) {
        return op != BinaryOp.POW && (aStride == 1 || bStride == 1) && aStride >= 0 && aStride <= 1
                && bStride >= 0 && bStride <= 1;
    }

    @Override
    public void binary(BinaryOp op, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride,
                       double[] out, int outOff, int n) {
        if (n <= 0 || !vectorForm(op, aStride, bStride)) {
            plain.binary(op, a, aOff, aStride, b, bOff, bStride, out, outOff, n);
        } else if (n < SPLIT) {
            VectorBinaryD.binaryRange(op, a, aOff, aStride, b, bOff, bStride, out, outOff, 0, n);
        } else {
            KernelThreads.split(n, SPLIT, ALIGN, (from, to) ->
                    VectorBinaryD.binaryRange(op, a, aOff, aStride, b, bOff, bStride, out, outOff, from, to));
        }
    }

    @Override
    public void binary(BinaryOp op, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                       float[] out, int outOff, int n) {
        if (n <= 0 || !vectorForm(op, aStride, bStride)) {
            plain.binary(op, a, aOff, aStride, b, bOff, bStride, out, outOff, n);
        } else if (n < SPLIT) {
            VectorBinaryF.binaryRange(op, a, aOff, aStride, b, bOff, bStride, out, outOff, 0, n);
        } else {
            KernelThreads.split(n, SPLIT, ALIGN, (from, to) ->
                    VectorBinaryF.binaryRange(op, a, aOff, aStride, b, bOff, bStride, out, outOff, from, to));
        }
    }

    @Override
    public void subScaled(double[] y, int yOff, double alpha, double[] x, int xOff, int n) {
        if (n < SPLIT) {
            VectorBinaryD.subScaledRange(y, yOff, alpha, x, xOff, 0, n);
        } else {
            KernelThreads.split(n, SPLIT, ALIGN, (from, to) -> VectorBinaryD.subScaledRange(y, yOff, alpha, x, xOff, from, to));
        }
    }

    @Override
    public void subScaled(float[] y, int yOff, float alpha, float[] x, int xOff, int n) {
        if (n < SPLIT) {
            VectorBinaryF.subScaledRange(y, yOff, alpha, x, xOff, 0, n);
        } else {
            KernelThreads.split(n, SPLIT, ALIGN, (from, to) -> VectorBinaryF.subScaledRange(y, yOff, alpha, x, xOff, from, to));
        }
    }

    @Override
    public void adamStep(double[] p, double[] m, double[] v, double[] g, int n, double c1, double c2, double lr, double eps) {
        AdamStep.checkLengths(p.length, m.length, v.length, g.length, n);
        if (n < SPLIT) {
            VectorAdamStep.range(p, m, v, g, 0, n, c1, c2, lr, eps);
        } else {
            KernelThreads.split(n, SPLIT, ALIGN, (from, to) -> VectorAdamStep.range(p, m, v, g, from, to, c1, c2, lr, eps));
        }
    }

    @Override
    public void adamStep(float[] p, float[] m, float[] v, float[] g, int n, float c1, float c2, float lr, float eps) {
        AdamStep.checkLengths(p.length, m.length, v.length, g.length, n);
        if (n < SPLIT) {
            VectorAdamStep.range(p, m, v, g, 0, n, c1, c2, lr, eps);
        } else {
            KernelThreads.split(n, SPLIT, ALIGN, (from, to) -> VectorAdamStep.range(p, m, v, g, from, to, c1, c2, lr, eps));
        }
    }

    @Override
    public void binary(BinaryOp op, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride,
                       long[] out, int outOff, int n) {
        plain.binary(op, a, aOff, aStride, b, bOff, bStride, out, outOff, n);
    }

    @Override
    public void unary(UnaryOp op, double[] a, int aOff, double[] out, int outOff, int n) {
        if (n < PLAIN_UNARY_BELOW || !VectorUnary.supports(op)) {
            plain.unary(op, a, aOff, out, outOff, n);
        } else if (n < SPLIT) {
            VectorUnary.unary(op, a, aOff, out, outOff, 0, n);
        } else {
            KernelThreads.split(n, SPLIT, ALIGN, (from, to) -> VectorUnary.unary(op, a, aOff, out, outOff, from, to));
        }
    }

    @Override
    public void unary(UnaryOp op, float[] a, int aOff, float[] out, int outOff, int n) {
        if (n < PLAIN_UNARY_BELOW || !VectorUnary.supports(op)) {
            plain.unary(op, a, aOff, out, outOff, n);
        } else if (n < SPLIT) {
            VectorUnary.unary(op, a, aOff, out, outOff, 0, n);
        } else {
            KernelThreads.split(n, SPLIT, ALIGN, (from, to) -> VectorUnary.unary(op, a, aOff, out, outOff, from, to));
        }
    }

    // Reductions split by output ranges: blocks (outer) when the output does not alias the input
    // (an aliased output overwrites the first block while others would still read it), else
    // columns (inner), else a single long row in two partial results.

    @Override
    public void reduce(ReduceOp op, double[] a, int aOff, int outer, int len, int inner, double[] out, int outOff) {
        if (outer <= 0 || inner <= 0 || len <= 0 || (inner == 1 && op == ReduceOp.SUM && len < PLAIN_ROW_SUM_BELOW)) {
            plain.reduce(op, a, aOff, outer, len, inner, out, outOff);
            return;
        }
        long size = (long) outer * len * inner;
        boolean split = size >= SPLIT && KernelThreads.THREADS > 1;
        if (inner == 1) {
            if (outer == 1 && split) {
                out[outOff] = splitRow(op, len, (from, to) -> VectorReduce.row(op, a, aOff + from, to - from));
            } else if (split && outer >= KernelThreads.THREADS && out != a) {
                KernelThreads.split(outer, 0, 1, (from, to) -> {
                    for (int o = from; o < to; o++) {
                        out[outOff + o] = VectorReduce.row(op, a, aOff + o * len, len);
                    }
                });
            } else {
                for (int o = 0; o < outer; o++) {
                    out[outOff + o] = VectorReduce.row(op, a, aOff + o * len, len);
                }
            }
        } else if (split && outer >= KernelThreads.THREADS && out != a) {
            KernelThreads.split(outer, 0, 1, (from, to) ->
                    VectorReduce.columns(op, a, aOff, from, to, len, inner, 0, inner, out, outOff));
        } else if (split && inner >= 2 * ALIGN) {
            KernelThreads.split(inner, 0, ALIGN, (from, to) ->
                    VectorReduce.columns(op, a, aOff, 0, outer, len, inner, from, to, out, outOff));
        } else {
            VectorReduce.columns(op, a, aOff, 0, outer, len, inner, 0, inner, out, outOff);
        }
    }

    @Override
    public void reduce(ReduceOp op, float[] a, int aOff, int outer, int len, int inner, float[] out, int outOff) {
        if (outer <= 0 || inner <= 0 || len <= 0 || (inner == 1 && op == ReduceOp.SUM && len < PLAIN_ROW_SUM_BELOW)) {
            plain.reduce(op, a, aOff, outer, len, inner, out, outOff);
            return;
        }
        long size = (long) outer * len * inner;
        boolean split = size >= SPLIT && KernelThreads.THREADS > 1;
        if (inner == 1) {
            if (outer == 1 && split) {
                out[outOff] = (float) splitRow(op, len, (from, to) -> VectorReduce.row(op, a, aOff + from, to - from));
            } else if (split && outer >= KernelThreads.THREADS && out != a) {
                KernelThreads.split(outer, 0, 1, (from, to) -> {
                    for (int o = from; o < to; o++) {
                        out[outOff + o] = (float) VectorReduce.row(op, a, aOff + o * len, len);
                    }
                });
            } else {
                for (int o = 0; o < outer; o++) {
                    out[outOff + o] = (float) VectorReduce.row(op, a, aOff + o * len, len);
                }
            }
        } else if (split && outer >= KernelThreads.THREADS && out != a) {
            KernelThreads.split(outer, 0, 1, (from, to) ->
                    VectorReduce.columns(op, a, aOff, from, to, len, inner, 0, inner, out, outOff));
        } else if (split && inner >= 2 * ALIGN) {
            KernelThreads.split(inner, 0, ALIGN, (from, to) ->
                    VectorReduce.columns(op, a, aOff, 0, outer, len, inner, from, to, out, outOff));
        } else {
            VectorReduce.columns(op, a, aOff, 0, outer, len, inner, 0, inner, out, outOff);
        }
    }

    /** A partial reduction of row elements [from, to). */
    private interface Partial {
        double of(int from, int to);
    }

    /** One long row reduced in one piece per thread, the partial results combined in order. */
    private static double splitRow(ReduceOp op, int len, Partial partial) {
        int chunk = ((len + KernelThreads.THREADS - 1) / KernelThreads.THREADS + ALIGN - 1) / ALIGN * ALIGN;
        int pieces = (len + chunk - 1) / chunk;
        double[] parts = new double[pieces];
        KernelThreads.run(pieces, t -> parts[t] = partial.of(t * chunk, Math.min(len, t * chunk + chunk)));
        double r = parts[0];
        for (int t = 1; t < pieces; t++) {
            r = op == ReduceOp.SUM ? r + parts[t] : op == ReduceOp.MAX ? Math.max(r, parts[t]) : Math.min(r, parts[t]);
        }
        return r;
    }

    @Override
    public void reduce(ReduceOp op, long[] a, int aOff, int outer, int len, int inner, long[] out, int outOff) {
        plain.reduce(op, a, aOff, outer, len, inner, out, outOff);
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        VectorGemmD.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        VectorGemmF.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }
}
