package dezero.ndarray.kernel;

/**
 * The arithmetic of the array layer, on flat primitive arrays. {@code NdArray} does the shape
 * work (broadcasting, axes, batching) and hands every inner loop to one {@code Kernel}, chosen
 * once at start-up by {@link Kernels#get()}: the Vector API implementation when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, otherwise a plain-Java one written so the JIT can
 * vectorize it. Both give the same results up to rounding: exactly for the IEEE operations,
 * within a few ulps for exp, log and tanh, and sums may add in another order.
 *
 * <p>Strided operands: a stride of 1 walks a contiguous run, a stride of 0 repeats one element
 * (a broadcast scalar). Implementations must accept output arrays that alias an input exactly
 * ({@code out == a && outOff == aOff}), which in-place updates use.
 */
public interface Kernel {

    /** A short name for logs and benchmark reports, e.g. {@code "plain-java"}. */
    String name();

    // ---- element-wise binary: out[i] = a[aOff + i*aStride] op b[bOff + i*bStride], i < n

    void binary(BinaryOp op, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride,
                double[] out, int outOff, int n);

    void binary(BinaryOp op, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                float[] out, int outOff, int n);

    /** Integer arithmetic with NumPy's int64 semantics (wrap-around; DIV is not offered, it promotes to float64). */
    void binary(BinaryOp op, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride,
                long[] out, int outOff, int n);

    // ---- scaled update (optimizers): y[yOff + i] -= alpha * x[xOff + i], i < n, in one pass with
    //      no temporary; the product is rounded to the element type before the subtraction, as in
    //      NumPy's `y -= alpha * x`, so the results are the same bit for bit.

    void subScaled(double[] y, int yOff, double alpha, double[] x, int xOff, int n);

    void subScaled(float[] y, int yOff, float alpha, float[] x, int xOff, int n);

    // ---- one Adam step in place over elements [0, n) of param p, moments m and v, gradient g:
    //      m += (g - m) * c1; v += (g * g - v) * c2; p -= m * lr / (sqrt(v) + eps), each operation
    //      rounded to the element type as written (no fused multiply-add), so the values equal those
    //      of the same steps as array operations, bit for bit (see AdamStep). Throws
    //      IllegalArgumentException when an array is shorter than n.

    void adamStep(double[] p, double[] m, double[] v, double[] g, int n, double c1, double c2, double lr, double eps);

    void adamStep(float[] p, float[] m, float[] v, float[] g, int n, float c1, float c2, float lr, float eps);

    // ---- element-wise unary: out[outOff + i] = op(a[aOff + i]), i < n

    void unary(UnaryOp op, double[] a, int aOff, double[] out, int outOff, int n);

    void unary(UnaryOp op, float[] a, int aOff, float[] out, int outOff, int n);

    // ---- reductions over the middle axis of a (outer, len, inner) row-major block:
    //      out[o*inner + i] = reduce_k a[aOff + (o*len + k)*inner + i]

    void reduce(ReduceOp op, double[] a, int aOff, int outer, int len, int inner, double[] out, int outOff);

    /** float32 sums accumulate in double and round once, which is at least as accurate as NumPy's pairwise sum. */
    void reduce(ReduceOp op, float[] a, int aOff, int outer, int len, int inner, float[] out, int outOff);

    void reduce(ReduceOp op, long[] a, int aOff, int outer, int len, int inner, long[] out, int outOff);

    // ---- matrix product: C[m x n] = op(A) op(B), overwriting C.
    //      op(A) is A (m x k, row stride lda) or, when transA, the transpose of a (k x m) A.
    //      op(B) is B (k x n, row stride ldb) or, when transB, the transpose of a (n x k) B.

    void gemm(boolean transA, boolean transB, int m, int n, int k,
              double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc);

    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc);
}
