package dezero.ndarray.kernel;

/**
 * The portable kernel: plain Java loops in same-index form that HotSpot's superword pass can
 * vectorize. gemm is delegated to {@link PlainGemm} (cache-blocked, multi-threaded).
 */
public final class PlainKernel implements Kernel {

    @Override
    public String name() {
        return "plain-java";
    }

    @Override
    public void binary(BinaryOp op, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride,
                       double[] out, int outOff, int n) { throw new UnsupportedOperationException("not implemented yet"); }

    @Override
    public void binary(BinaryOp op, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride,
                       float[] out, int outOff, int n) { throw new UnsupportedOperationException("not implemented yet"); }

    @Override
    public void binary(BinaryOp op, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride,
                       long[] out, int outOff, int n) { throw new UnsupportedOperationException("not implemented yet"); }

    @Override
    public void unary(UnaryOp op, double[] a, int aOff, double[] out, int outOff, int n) { throw new UnsupportedOperationException("not implemented yet"); }

    @Override
    public void unary(UnaryOp op, float[] a, int aOff, float[] out, int outOff, int n) { throw new UnsupportedOperationException("not implemented yet"); }

    @Override
    public void reduce(ReduceOp op, double[] a, int aOff, int outer, int len, int inner, double[] out, int outOff) { throw new UnsupportedOperationException("not implemented yet"); }

    @Override
    public void reduce(ReduceOp op, float[] a, int aOff, int outer, int len, int inner, float[] out, int outOff) { throw new UnsupportedOperationException("not implemented yet"); }

    @Override
    public void reduce(ReduceOp op, long[] a, int aOff, int outer, int len, int inner, long[] out, int outOff) { throw new UnsupportedOperationException("not implemented yet"); }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        PlainGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        PlainGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }
}
