package dezero.ndarray.kernel;

/**
 * Cache-blocked, multi-threaded matrix product in plain Java: C[m x n] = op(A) op(B).
 *
 * <p>C is cut into tiles of MC rows and NC columns, one task each for {@link KernelThreads}.
 * A tile accumulates in per-thread rows (one array per row) over KC-deep blocks: op(B) packed
 * as separate rows, op(A) row by row, then each accumulator row takes eight rows of B per pass
 * in a loop that C2's SuperWord pass vectorizes (see rowUpdate for the form that needs).
 * Packing is the transposition: no operand is copied whole.
 */
final class PlainGemm {
    private PlainGemm() {
    }

    /** Columns of C per tile (the length of an accumulator row). */
    static final int NC = 1024;
    /** Depth of a packed panel (rows of op(B), columns of op(A)). */
    static final int KC = 256;
    /** Rows of C per tile (rows of op(A) packed at a time). */
    static final int MC = 64;
    /** Below this many multiply-adds the unpacked loop is used. */
    static final long SMALL = 32L * 32 * 32;
    /** From this many multiply-adds on, tiles are shared among the worker threads. */
    static final long PARALLEL = 96L * 96 * 96;

    static void checkArgs(boolean transA, boolean transB, int m, int n, int k, int aLen, int aOff, int lda,
                          int bLen, int bOff, int ldb, int cLen, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: negative size m=" + m + ", n=" + n + ", k=" + k);
        }
        checkOperand("A", transA ? k : m, transA ? m : k, aLen, aOff, lda);
        checkOperand("B", transB ? n : k, transB ? k : n, bLen, bOff, ldb);
        checkOperand("C", m, n, cLen, cOff, ldc);
    }

    private static void checkOperand(String name, int rows, int cols, int len, int off, int ld) {
        if (off < 0 || ld < cols) {
            throw new IllegalArgumentException("gemm: " + name + " is " + rows + " x " + cols + " with offset " + off
                    + " and leading dimension " + ld + " (leading dimension must be >= " + cols + ")");
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        long last = off + (long) (rows - 1) * ld + cols - 1;
        if (last >= len) {
            throw new IllegalArgumentException("gemm: " + name + " is " + rows + " x " + cols + " with offset " + off
                    + " and leading dimension " + ld + ", which needs " + (last + 1) + " elements; the array has " + len);
        }
    }


    // ================================================================== float

    /** Per-thread buffers for float. */
    private static final class WsF {
        /** Packed rows of op(B): bp[p][j] = op(B)[p0 + p][j0 + j], zero rows up to a multiple of 8. */
        final float[][] bp = new float[KC][NC];
        /** Packed op(A): ap[i * KC + p] = op(A)[i0 + i][p0 + p], zero up to a multiple of 8 in p. */
        final float[] ap = new float[MC * KC];
        /** The tile of C being computed, one zero-based array per row. */
        final float[][] acc = new float[MC][NC];
    }

    private static final ThreadLocal<WsF> WS_F = ThreadLocal.withInitial(WsF::new);

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        checkArgs(transA, transB, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, (float) 0);
            }
            return;
        }
        if ((long) m * n * k < SMALL) {
            small(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            return;
        }
        int rowTiles = (m + MC - 1) / MC;
        int colTiles = (n + NC - 1) / NC;
        int tasks = rowTiles * colTiles;
        if ((long) m * n * k < PARALLEL) {
            WsF ws = WS_F.get();
            for (int t = 0; t < tasks; t++) {
                tile(ws, t / colTiles, t % colTiles, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            }
            return;
        }
        KernelThreads.run(tasks, t -> tile(WS_F.get(), t / colTiles, t % colTiles,
                transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc));
    }

    /** Unpacked product for small problems: C[i][j] = sum_p op(A)[i][p] * op(B)[p][j]. */
    static void small(boolean transA, boolean transB, int m, int n, int k,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int asI = transA ? 1 : lda;
        int asP = transA ? lda : 1;
        int bsP = transB ? 1 : ldb;
        int bsJ = transB ? ldb : 1;
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * asI;
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * bsJ;
                float s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p * asP] * b[bj + p * bsP];
                }
                c[ci + j] = s;
            }
        }
    }

    /** The tile of C with rows [ti*MC, ti*MC + MC) and columns [tj*NC, tj*NC + NC), over the whole depth. */
    private static void tile(WsF ws, int ti, int tj, boolean transA, boolean transB, int m, int n, int k,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int i0 = ti * MC;
        int rows = Math.min(MC, m - i0);
        int j0 = tj * NC;
        int nb = Math.min(NC, n - j0);
        float[][] bp = ws.bp;
        float[] ap = ws.ap;
        float[][] acc = ws.acc;
        for (int i = 0; i < rows; i++) {
            float[] row = acc[i];
            for (int j = 0; j < nb; j++) {
                row[j] = 0;
            }
        }
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            int kcp = (kc + 7) & ~7;
            packB(transB, b, bOff, ldb, p0, kc, kcp, j0, nb, bp);
            packA(transA, a, aOff, lda, i0, rows, p0, kc, kcp, ap);
            // eight rows of B (in L1) against every accumulator row (streamed from L2)
            for (int p = 0; p < kcp; p += 8) {
                float[] b0 = bp[p], b1 = bp[p + 1], b2 = bp[p + 2], b3 = bp[p + 3];
                float[] b4 = bp[p + 4], b5 = bp[p + 5], b6 = bp[p + 6], b7 = bp[p + 7];
                for (int i = 0; i < rows; i++) {
                    int q = i * KC + p;
                    rowUpdate(acc[i], b0, b1, b2, b3, b4, b5, b6, b7,
                            ap[q], ap[q + 1], ap[q + 2], ap[q + 3], ap[q + 4], ap[q + 5], ap[q + 6], ap[q + 7], nb);
                }
            }
        }
        for (int i = 0; i < rows; i++) {
            float[] row = acc[i];
            int ci = cOff + (i0 + i) * ldc + j0;
            for (int j = 0; j < nb; j++) {
                c[ci + j] = row[j];
            }
        }
    }

    /**
     * row[j] += sum_{u<8} x_u b_u[j], j < nb: the loop C2's SuperWord pass
     * vectorizes. It does so reliably only in this form (checked on JDK 17): one store, every
     * array zero-based and indexed by j alone. Writing C at an offset, or two accumulator rows
     * in one loop, leaves it scalar.
     */
    private static void rowUpdate(float[] row, float[] b0, float[] b1, float[] b2, float[] b3, float[] b4, float[] b5, float[] b6,
                                  float[] b7, float x0, float x1, float x2, float x3, float x4, float x5, float x6, float x7, int nb) {
        for (int j = 0; j < nb; j++) {
            row[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j] + x4 * b4[j] + x5 * b5[j] + x6 * b6[j] + x7 * b7[j];
        }
    }

    private static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int kcp, int j0, int nb,
                              float[][] bp) {
        if (!transB) {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, bOff + (p0 + p) * ldb + j0, bp[p], 0, nb);
            }
        } else {
            // op(B)[p][j] = B[j][p]: read each stored row of B contiguously
            for (int j = 0; j < nb; j++) {
                int src = bOff + (j0 + j) * ldb + p0;
                for (int p = 0; p < kc; p++) {
                    bp[p][j] = b[src + p];
                }
            }
        }
        for (int p = kc; p < kcp; p++) {
            java.util.Arrays.fill(bp[p], 0, nb, (float) 0);
        }
    }

    private static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int rows, int p0, int kc, int kcp,
                              float[] ap) {
        if (!transA) {
            for (int i = 0; i < rows; i++) {
                System.arraycopy(a, aOff + (i0 + i) * lda + p0, ap, i * KC, kc);
            }
        } else {
            // op(A)[i][p] = A[p][i]: read each stored row of A contiguously
            for (int p = 0; p < kc; p++) {
                int src = aOff + (p0 + p) * lda + i0;
                for (int i = 0; i < rows; i++) {
                    ap[i * KC + p] = a[src + i];
                }
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int p = kc; p < kcp; p++) {
                ap[i * KC + p] = 0;
            }
        }
    }

    // ================================================================== double

    /** Per-thread buffers for double. */
    private static final class WsD {
        /** Packed rows of op(B): bp[p][j] = op(B)[p0 + p][j0 + j], zero rows up to a multiple of 8. */
        final double[][] bp = new double[KC][NC];
        /** Packed op(A): ap[i * KC + p] = op(A)[i0 + i][p0 + p], zero up to a multiple of 8 in p. */
        final double[] ap = new double[MC * KC];
        /** The tile of C being computed, one zero-based array per row. */
        final double[][] acc = new double[MC][NC];
    }

    private static final ThreadLocal<WsD> WS_D = ThreadLocal.withInitial(WsD::new);

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        checkArgs(transA, transB, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, (double) 0);
            }
            return;
        }
        if ((long) m * n * k < SMALL) {
            small(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            return;
        }
        int rowTiles = (m + MC - 1) / MC;
        int colTiles = (n + NC - 1) / NC;
        int tasks = rowTiles * colTiles;
        if ((long) m * n * k < PARALLEL) {
            WsD ws = WS_D.get();
            for (int t = 0; t < tasks; t++) {
                tile(ws, t / colTiles, t % colTiles, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            }
            return;
        }
        KernelThreads.run(tasks, t -> tile(WS_D.get(), t / colTiles, t % colTiles,
                transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc));
    }

    /** Unpacked product for small problems: C[i][j] = sum_p op(A)[i][p] * op(B)[p][j]. */
    static void small(boolean transA, boolean transB, int m, int n, int k,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        int asI = transA ? 1 : lda;
        int asP = transA ? lda : 1;
        int bsP = transB ? 1 : ldb;
        int bsJ = transB ? ldb : 1;
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * asI;
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * bsJ;
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p * asP] * b[bj + p * bsP];
                }
                c[ci + j] = s;
            }
        }
    }

    /** The tile of C with rows [ti*MC, ti*MC + MC) and columns [tj*NC, tj*NC + NC), over the whole depth. */
    private static void tile(WsD ws, int ti, int tj, boolean transA, boolean transB, int m, int n, int k,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        int i0 = ti * MC;
        int rows = Math.min(MC, m - i0);
        int j0 = tj * NC;
        int nb = Math.min(NC, n - j0);
        double[][] bp = ws.bp;
        double[] ap = ws.ap;
        double[][] acc = ws.acc;
        for (int i = 0; i < rows; i++) {
            double[] row = acc[i];
            for (int j = 0; j < nb; j++) {
                row[j] = 0;
            }
        }
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            int kcp = (kc + 7) & ~7;
            packB(transB, b, bOff, ldb, p0, kc, kcp, j0, nb, bp);
            packA(transA, a, aOff, lda, i0, rows, p0, kc, kcp, ap);
            // eight rows of B (in L1) against every accumulator row (streamed from L2)
            for (int p = 0; p < kcp; p += 8) {
                double[] b0 = bp[p], b1 = bp[p + 1], b2 = bp[p + 2], b3 = bp[p + 3];
                double[] b4 = bp[p + 4], b5 = bp[p + 5], b6 = bp[p + 6], b7 = bp[p + 7];
                for (int i = 0; i < rows; i++) {
                    int q = i * KC + p;
                    rowUpdate(acc[i], b0, b1, b2, b3, b4, b5, b6, b7,
                            ap[q], ap[q + 1], ap[q + 2], ap[q + 3], ap[q + 4], ap[q + 5], ap[q + 6], ap[q + 7], nb);
                }
            }
        }
        for (int i = 0; i < rows; i++) {
            double[] row = acc[i];
            int ci = cOff + (i0 + i) * ldc + j0;
            for (int j = 0; j < nb; j++) {
                c[ci + j] = row[j];
            }
        }
    }

    /**
     * row[j] += sum_{u<8} x_u b_u[j], j < nb: the loop C2's SuperWord pass
     * vectorizes. It does so reliably only in this form (checked on JDK 17): one store, every
     * array zero-based and indexed by j alone. Writing C at an offset, or two accumulator rows
     * in one loop, leaves it scalar.
     */
    private static void rowUpdate(double[] row, double[] b0, double[] b1, double[] b2, double[] b3, double[] b4, double[] b5, double[] b6,
                                  double[] b7, double x0, double x1, double x2, double x3, double x4, double x5, double x6, double x7, int nb) {
        for (int j = 0; j < nb; j++) {
            row[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j] + x4 * b4[j] + x5 * b5[j] + x6 * b6[j] + x7 * b7[j];
        }
    }

    private static void packB(boolean transB, double[] b, int bOff, int ldb, int p0, int kc, int kcp, int j0, int nb,
                              double[][] bp) {
        if (!transB) {
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, bOff + (p0 + p) * ldb + j0, bp[p], 0, nb);
            }
        } else {
            // op(B)[p][j] = B[j][p]: read each stored row of B contiguously
            for (int j = 0; j < nb; j++) {
                int src = bOff + (j0 + j) * ldb + p0;
                for (int p = 0; p < kc; p++) {
                    bp[p][j] = b[src + p];
                }
            }
        }
        for (int p = kc; p < kcp; p++) {
            java.util.Arrays.fill(bp[p], 0, nb, (double) 0);
        }
    }

    private static void packA(boolean transA, double[] a, int aOff, int lda, int i0, int rows, int p0, int kc, int kcp,
                              double[] ap) {
        if (!transA) {
            for (int i = 0; i < rows; i++) {
                System.arraycopy(a, aOff + (i0 + i) * lda + p0, ap, i * KC, kc);
            }
        } else {
            // op(A)[i][p] = A[p][i]: read each stored row of A contiguously
            for (int p = 0; p < kc; p++) {
                int src = aOff + (p0 + p) * lda + i0;
                for (int i = 0; i < rows; i++) {
                    ap[i * KC + p] = a[src + i];
                }
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int p = kc; p < kcp; p++) {
                ap[i * KC + p] = 0;
            }
        }
    }
}
