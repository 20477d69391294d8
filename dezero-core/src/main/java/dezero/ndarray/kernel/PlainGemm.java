package dezero.ndarray.kernel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Cache-blocked, multi-threaded matrix product in plain Java: C[m x n] = op(A) op(B).
 *
 * NOTE
 */
final class PlainGemm {
    private PlainGemm() {
    }

    /** Rows of C per micro-tile. */
    static final int MR = 2;
    /** Columns of C per block (and the constant row stride of the micro-tile accumulator), float32. */
    static final int NC_F = 128;
    /** Columns of C per block, float64. */
    static final int NC_D = 128;
    /** Depth of a packed panel (rows of op(B), columns of op(A)). */
    static final int KC = 256;
    /** Rows of op(A) packed at a time. */
    static final int MC = 64;
    /** Below this many multiply-adds the unpacked loop is used. */
    static final long SMALL = 32L * 32 * 32;
    /** From this many multiply-adds on, blocks are shared among the worker threads. */
    static final long PARALLEL = 96L * 96 * 96;

    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** THREADS - 1 daemon workers; the calling thread always works too. */
    private static final ExecutorService POOL = THREADS == 1 ? null : Executors.newFixedThreadPool(THREADS - 1, r -> {
        Thread t = new Thread(r, "dezero-gemm");
        t.setDaemon(true);
        return t;
    });

    /** Runs body(0..tasks-1) on the calling thread and the pool; returns when all have finished. */
    private static void runParallel(int tasks, IntConsumer body) {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(tasks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int t;
            while ((t = next.getAndIncrement()) < tasks) {
                try {
                    if (failure.get() == null) {
                        body.accept(t);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        int helpers = Math.min(THREADS - 1, tasks - 1);
        for (int h = 0; h < helpers; h++) {
            POOL.execute(worker);
        }
        worker.run();
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        } else if (e instanceof Error) {
            throw (Error) e;
        } else if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of C per task: enough tasks (about 4 per thread) to balance the load. */
    private static int chooseMc(int m, int n, int k) {
        if ((long) m * n * k < PARALLEL || THREADS == 1) {
            return m;
        }
        int colTasks = (n + Math.min(NC_F, NC_D) - 1) / Math.min(NC_F, NC_D);
        int wanted = Math.max(1, (4 * THREADS + colTasks - 1) / colTasks);
        int mc = (m + wanted - 1) / wanted;
        mc = Math.max(mc, 16);
        return Math.min(m, (mc + MR - 1) / MR * MR);
    }

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

    /** Internal consistency check of a micro-kernel call (never fails unless the blocking is wrong). */
    private static void checkKernel(int accLen, int accNeed, int b0Len, int b1Len, int b2Len, int b3Len, int apLen,
                                    int ai, int nb, int nc) {
        if (nb < 0 || nb > nc || accLen < accNeed || b0Len < nb || b1Len < nb || b2Len < nb || b3Len < nb
                || ai < 0 || ai + 3 >= apLen) {
            throw new IllegalStateException("gemm micro-kernel: bad arguments nb=" + nb + ", ai=" + ai);
        }
    }

    // ================================================================== float

    /** Per-thread packing buffers for float. */
    private static final class WsF {
        /** Packed rows of op(B): bp[p][j] = op(B)[p0 + p][j0 + j], zero-padded to a multiple of 4 rows. */
        final float[][] bp = new float[KC][NC_F];
        /** Packed op(A): ap[i * KC + p] = op(A)[i0 + i][p0 + p], zero-padded in p to a multiple of 4. */
        final float[] ap = new float[MC * KC];
        /** The micro-tile of C: MR rows at the constant stride NC_F (so C2 can tell them apart). */
        final float[] acc = new float[MR * NC_F];
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
        int mc = chooseMc(m, n, k);
        int rowTasks = (m + mc - 1) / mc;
        int colTasks = (n + NC_F - 1) / NC_F;
        int tasks = rowTasks * colTasks;
        if (tasks == 1 || (long) m * n * k < PARALLEL || THREADS == 1) {
            WsF ws = WS_F.get();
            for (int t = 0; t < tasks; t++) {
                tile(ws, t / colTasks, t % colTasks, mc, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            }
            return;
        }
        runParallel(tasks, t -> tile(WS_F.get(), t / colTasks, t % colTasks, mc,
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

    /** Computes the block of C with rows [ti*mc, ti*mc + mc) and columns [tj*NC, tj*NC + NC). */
    private static void tile(WsF ws, int ti, int tj, int mc, boolean transA, boolean transB, int m, int n, int k,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
        int i0 = ti * mc;
        int mb = Math.min(mc, m - i0);
        int j0 = tj * NC_F;
        int nb = Math.min(NC_F, n - j0);
        float[][] bp = ws.bp;
        float[] ap = ws.ap;
        float[] acc = ws.acc;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            int kcp = (kc + 3) & ~3;
            packB(transB, b, bOff, ldb, p0, kc, kcp, j0, nb, bp);
            boolean first = p0 == 0;
            for (int ib = 0; ib < mb; ib += MC) {
                int rows = Math.min(MC, mb - ib);
                packA(transA, a, aOff, lda, i0 + ib, rows, p0, kc, kcp, ap);
                for (int i = 0; i < rows; i += MR) {
                    int r = Math.min(MR, rows - i);
                    int cRow = cOff + (i0 + ib + i) * ldc + j0;
                    micro(acc, bp, ap, i * KC, kcp, nb, c, cRow, ldc, first, r);
                }
            }
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

    /**
     * One micro-tile: rows r (1 or 2) of C starting at cRow, columns j < nb, over the packed depth kcp.
     * The accumulator rows lie at the constant stride NC_F in a zero-based array, and every operand
     * of the inner loops is indexed j + constant: that is what lets C2's SuperWord pass prove the
     * stores independent of the loads and vectorize (operands at variable offsets in one array,
     * or more than two accumulator rows, defeat it on JDK 17).
     */
    private static void micro(float[] acc, float[][] bp, float[] ap, int ai, int kcp, int nb,
                              float[] c, int cRow, int ldc, boolean first, int r) {
        for (int q = 0; q < r; q++) {
            if (first) {
                java.util.Arrays.fill(acc, q * NC_F, q * NC_F + nb, (float) 0);
            } else {
                System.arraycopy(c, cRow + q * ldc, acc, q * NC_F, nb);
            }
        }
        if (r == 2) {
            for (int p = 0; p < kcp; p += 4) {
                kernel2(acc, bp[p], bp[p + 1], bp[p + 2], bp[p + 3], ap, ai + p, nb);
            }
        } else {
            for (int p = 0; p < kcp; p += 4) {
                kernel1(acc, bp[p], bp[p + 1], bp[p + 2], bp[p + 3], ap, ai + p, nb);
            }
        }
        for (int q = 0; q < r; q++) {
            System.arraycopy(acc, q * NC_F, c, cRow + q * ldc, nb);
        }
    }

    /**
     * acc[q*NC + j] += sum_{u<4} ap[ai + q*KC + u] * b_u[j] for q < 2, j < nb.
     *
     * <p>The argument check is real, but it is also there to keep the method above C2's
     * FreqInlineSize (325 bytecodes): compiled inside its caller, the loop was seen to lose its
     * vectorization, so this method must stay a separate compilation unit.
     */
    private static void kernel2(float[] acc, float[] b0, float[] b1, float[] b2, float[] b3, float[] ap, int ai, int nb) {
        checkKernel(acc.length, 2 * NC_F, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_F);
        checkKernel(acc.length, 2 * NC_F, b0.length, b1.length, b2.length, b3.length, ap.length, ai + KC, nb, NC_F);
        checkKernel(acc.length, 2 * NC_F, b0.length, b1.length, b2.length, b3.length, ap.length, ai + KC, nb, NC_F);
        checkKernel(acc.length, 2 * NC_F, b0.length, b1.length, b2.length, b3.length, ap.length, ai + KC, nb, NC_F);
        checkKernel(acc.length, 2 * NC_F, b0.length, b1.length, b2.length, b3.length, ap.length, ai + KC, nb, NC_F);
        float a00 = ap[ai], a01 = ap[ai + 1], a02 = ap[ai + 2], a03 = ap[ai + 3];
        float a10 = ap[ai + KC], a11 = ap[ai + KC + 1], a12 = ap[ai + KC + 2], a13 = ap[ai + KC + 3];
        for (int j = 0; j < nb; j++) {
            float x0 = b0[j], x1 = b1[j], x2 = b2[j], x3 = b3[j];
            acc[j] += a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
            acc[NC_F + j] += a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
        }
    }

    /** One row: acc[j] += sum_{u<4} ap[ai + u] * b_u[j], j < nb (kept out of line like kernel2). */
    private static void kernel1(float[] acc, float[] b0, float[] b1, float[] b2, float[] b3, float[] ap, int ai, int nb) {
        checkKernel(acc.length, NC_F, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_F);
        checkKernel(acc.length, NC_F, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_F);
        checkKernel(acc.length, NC_F, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_F);
        checkKernel(acc.length, NC_F, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_F);
        checkKernel(acc.length, NC_F, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_F);
        checkKernel(acc.length, NC_F, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_F);
        checkKernel(acc.length, NC_F, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_F);
        checkKernel(acc.length, NC_F, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_F);
        float a0 = ap[ai], a1 = ap[ai + 1], a2 = ap[ai + 2], a3 = ap[ai + 3];
        for (int j = 0; j < nb; j++) {
            acc[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
    }

    // ================================================================== double

    /** Per-thread packing buffers for double. */
    private static final class WsD {
        /** Packed rows of op(B): bp[p][j] = op(B)[p0 + p][j0 + j], zero-padded to a multiple of 4 rows. */
        final double[][] bp = new double[KC][NC_D];
        /** Packed op(A): ap[i * KC + p] = op(A)[i0 + i][p0 + p], zero-padded in p to a multiple of 4. */
        final double[] ap = new double[MC * KC];
        /** The micro-tile of C: MR rows at the constant stride NC_D (so C2 can tell them apart). */
        final double[] acc = new double[MR * NC_D];
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
        int mc = chooseMc(m, n, k);
        int rowTasks = (m + mc - 1) / mc;
        int colTasks = (n + NC_D - 1) / NC_D;
        int tasks = rowTasks * colTasks;
        if (tasks == 1 || (long) m * n * k < PARALLEL || THREADS == 1) {
            WsD ws = WS_D.get();
            for (int t = 0; t < tasks; t++) {
                tile(ws, t / colTasks, t % colTasks, mc, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            }
            return;
        }
        runParallel(tasks, t -> tile(WS_D.get(), t / colTasks, t % colTasks, mc,
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

    /** Computes the block of C with rows [ti*mc, ti*mc + mc) and columns [tj*NC, tj*NC + NC). */
    private static void tile(WsD ws, int ti, int tj, int mc, boolean transA, boolean transB, int m, int n, int k,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        int i0 = ti * mc;
        int mb = Math.min(mc, m - i0);
        int j0 = tj * NC_D;
        int nb = Math.min(NC_D, n - j0);
        double[][] bp = ws.bp;
        double[] ap = ws.ap;
        double[] acc = ws.acc;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            int kcp = (kc + 3) & ~3;
            packB(transB, b, bOff, ldb, p0, kc, kcp, j0, nb, bp);
            boolean first = p0 == 0;
            for (int ib = 0; ib < mb; ib += MC) {
                int rows = Math.min(MC, mb - ib);
                packA(transA, a, aOff, lda, i0 + ib, rows, p0, kc, kcp, ap);
                for (int i = 0; i < rows; i += MR) {
                    int r = Math.min(MR, rows - i);
                    int cRow = cOff + (i0 + ib + i) * ldc + j0;
                    micro(acc, bp, ap, i * KC, kcp, nb, c, cRow, ldc, first, r);
                }
            }
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

    /**
     * One micro-tile: rows r (1 or 2) of C starting at cRow, columns j < nb, over the packed depth kcp.
     * The accumulator rows lie at the constant stride NC_D in a zero-based array, and every operand
     * of the inner loops is indexed j + constant: that is what lets C2's SuperWord pass prove the
     * stores independent of the loads and vectorize (operands at variable offsets in one array,
     * or more than two accumulator rows, defeat it on JDK 17).
     */
    private static void micro(double[] acc, double[][] bp, double[] ap, int ai, int kcp, int nb,
                              double[] c, int cRow, int ldc, boolean first, int r) {
        for (int q = 0; q < r; q++) {
            if (first) {
                java.util.Arrays.fill(acc, q * NC_D, q * NC_D + nb, (double) 0);
            } else {
                System.arraycopy(c, cRow + q * ldc, acc, q * NC_D, nb);
            }
        }
        if (r == 2) {
            for (int p = 0; p < kcp; p += 4) {
                kernel2(acc, bp[p], bp[p + 1], bp[p + 2], bp[p + 3], ap, ai + p, nb);
            }
        } else {
            for (int p = 0; p < kcp; p += 4) {
                kernel1(acc, bp[p], bp[p + 1], bp[p + 2], bp[p + 3], ap, ai + p, nb);
            }
        }
        for (int q = 0; q < r; q++) {
            System.arraycopy(acc, q * NC_D, c, cRow + q * ldc, nb);
        }
    }

    /**
     * acc[q*NC + j] += sum_{u<4} ap[ai + q*KC + u] * b_u[j] for q < 2, j < nb.
     *
     * <p>The argument check is real, but it is also there to keep the method above C2's
     * FreqInlineSize (325 bytecodes): compiled inside its caller, the loop was seen to lose its
     * vectorization, so this method must stay a separate compilation unit.
     */
    private static void kernel2(double[] acc, double[] b0, double[] b1, double[] b2, double[] b3, double[] ap, int ai, int nb) {
        checkKernel(acc.length, 2 * NC_D, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_D);
        checkKernel(acc.length, 2 * NC_D, b0.length, b1.length, b2.length, b3.length, ap.length, ai + KC, nb, NC_D);
        checkKernel(acc.length, 2 * NC_D, b0.length, b1.length, b2.length, b3.length, ap.length, ai + KC, nb, NC_D);
        checkKernel(acc.length, 2 * NC_D, b0.length, b1.length, b2.length, b3.length, ap.length, ai + KC, nb, NC_D);
        checkKernel(acc.length, 2 * NC_D, b0.length, b1.length, b2.length, b3.length, ap.length, ai + KC, nb, NC_D);
        double a00 = ap[ai], a01 = ap[ai + 1], a02 = ap[ai + 2], a03 = ap[ai + 3];
        double a10 = ap[ai + KC], a11 = ap[ai + KC + 1], a12 = ap[ai + KC + 2], a13 = ap[ai + KC + 3];
        for (int j = 0; j < nb; j++) {
            double x0 = b0[j], x1 = b1[j], x2 = b2[j], x3 = b3[j];
            acc[j] += a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
            acc[NC_D + j] += a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
        }
    }

    /** One row: acc[j] += sum_{u<4} ap[ai + u] * b_u[j], j < nb (kept out of line like kernel2). */
    private static void kernel1(double[] acc, double[] b0, double[] b1, double[] b2, double[] b3, double[] ap, int ai, int nb) {
        checkKernel(acc.length, NC_D, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_D);
        checkKernel(acc.length, NC_D, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_D);
        checkKernel(acc.length, NC_D, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_D);
        checkKernel(acc.length, NC_D, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_D);
        checkKernel(acc.length, NC_D, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_D);
        checkKernel(acc.length, NC_D, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_D);
        checkKernel(acc.length, NC_D, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_D);
        checkKernel(acc.length, NC_D, b0.length, b1.length, b2.length, b3.length, ap.length, ai, nb, NC_D);
        double a0 = ap[ai], a1 = ap[ai + 1], a2 = ap[ai + 2], a3 = ap[ai + 3];
        for (int j = 0; j < nb; j++) {
            acc[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
    }
}
