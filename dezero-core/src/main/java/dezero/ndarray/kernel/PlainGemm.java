package dezero.ndarray.kernel;

/** Cache-blocked, multi-threaded matrix product in plain Java. */
final class PlainGemm {
    private PlainGemm() {
    }

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) { throw new UnsupportedOperationException("not implemented yet"); }

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) { throw new UnsupportedOperationException("not implemented yet"); }
}
