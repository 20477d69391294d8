package dezero.ndarray.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float64 matrix product on the Vector API: C[m x n] = op(A) op(B), GotoBLAS-style.
 *
 * <p>C is cut into tiles, one task each, shared by {@link KernelThreads}. A tile loops over
 * depth blocks of {@code KC}: it packs its columns of op(B) into panels {@code NR = 3V} wide
 * (V = lanes of the preferred species) and blocks of {@code MC} rows of op(A) into panels 8
 * rows high, both p-major and zero-padded, so the micro-kernel reads them contiguously whatever
 * the transposition of the operands (packing IS the transpose: no copy of a whole operand is made).
 * The micro-kernel keeps an 8 x 3V block of C in 24 vector registers and does one broadcast and
 * three fused multiply-adds per row per step of depth.
 *
 * <p>Thin shapes: when n is below one 3V panel (an output layer of 10 columns) the panels are one
 * vector wide (micro1) and, when all of n fits one vector, op(A) is read in place instead of
 * packed (each of its rows meets B once); when m is below 4 (a batch of 1) nothing is packed and rows of C are
 * computed as vectorized combinations of rows of op(B) (or dot products when B is transposed).
 * Edge tiles are computed into a small per-thread buffer and added, so no padding reaches C.
 * Loaded only when the {@code jdk.incubator.vector} module is present (see {@link Kernels}).
 */
final class VectorGemmD {
    private VectorGemmD() {
    }

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int V = S.length();
    private static final int MR = 8;
    private static final int NR = 3 * V;
    /** Depth of a packed block: a 3V-wide panel of B (KC x NR) then fills about 48 KB, the L1 data cache. */
    private static final int KC = Math.min(256, 16384 / (V * Double.BYTES));
    /** Rows of op(A) per packed block (MC x KC, kept in L2). */
    private static final int MC = 96;
    /** Columns of op(B) per packed block (KC x NC). */
    private static final int NC = 32 * NR;
    /** Below this many multiply-adds the plain loops win (no packing, no workspace). */
    private static final long TINY = 4096;
    /** From this many multiply-adds on the work is split among threads. */
    private static final long PARALLEL = 1L << 20;
    /** Below this many rows of C nothing is packed (row-times-matrix path). */
    private static final int THIN_M = 4;

    /** Per-thread packing buffers, allocated once per thread. */
    private static final class Workspace {
        final double[] ap = new double[MC * KC];
        final double[] bp = new double[KC * NC];
        final double[] edge = new double[MR * NR];
        double[] row = new double[0];
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        PlainGemm.checkArgs(transA, transB, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, (double) 0);
            }
            return;
        }
        long work = (long) m * n * k;
        if (work < TINY) {
            PlainGemm.small(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            return;
        }
        if (m < THIN_M) {
            thinRows(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            return;
        }
        int nr = n < NR ? V : NR;
        int want = work < PARALLEL ? 1 : work < (1L << 28) ? KernelThreads.THREADS : 2 * KernelThreads.THREADS;
        long plan = GemmPlan.tiles(m, n, want, MR, nr);
        int rowTile = GemmPlan.rowTile(plan);
        int colTile = GemmPlan.colTile(plan);
        int rowTiles = (m + rowTile - 1) / rowTile;
        int colTiles = (n + colTile - 1) / colTile;
        KernelThreads.run(rowTiles * colTiles, t -> {
            int i0 = (t / colTiles) * rowTile;
            int j0 = (t % colTiles) * colTile;
            tile(WORKSPACE.get(), nr, i0, Math.min(m, i0 + rowTile), j0, Math.min(n, j0 + colTile),
                    transA, transB, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        });
    }

    /**
     * Computes the tile of C with rows [i0, i1) and columns [j0, j1). The 3V-wide path stores the
     * first depth block's products and adds the later ones (outside the micro-kernel, which only
     * writes its buffer); the one-vector paths add inside their kernels, so for them the tile is
     * zeroed first: a branch between "store" and "add" inside a kernel would be seen one way
     * during JIT profiling and trap (deoptimize) the other way.
     */
    private static void tile(Workspace ws, int nr, int i0, int i1, int j0, int j1, boolean transA, boolean transB, int k,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        double[] ap = ws.ap;
        double[] bp = ws.bp;
        if (nr != NR) {
            // the one-vector paths add into C from the first depth block on
            for (int i = i0; i < i1; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc + j0, cOff + i * ldc + j1, (double) 0);
            }
        }
        // depth blocks of equal size (784 = 4 x 196, not 3 x 256 + 16: a thin last block costs a
        // full pass of packing and of C's loads and stores for little work)
        int kBlocks = (k + KC - 1) / KC;
        int kcStep = (k + kBlocks - 1) / kBlocks;
        // one panel of B (n below 3V): each row of op(A) meets it once, so packing A would cost
        // more than the products (it was most of a 64 x 10 x 5408 product): A is read in place
        boolean direct = nr == V && j1 - j0 <= V;
        // B as stored (not transposed) holds each 3V panel's rows contiguously: the full panels are
        // read in place, a depth step being a row of B further on, and only the last, partial one
        // is packed (packing B was up to a third of a 100 x 1000 x 784 forward product)
        boolean bInPlace = !transB && nr == NR;
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            int fullPanels = nc / NR * NR;
            if (bInPlace) {
                // nothing of B to pack but its last partial panel: depth innermost, so this block
                // of C stays in L2 while every depth block is added to it
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    for (int pc = 0; pc < k; pc += kcStep) {
                        int kc = Math.min(kcStep, k - pc);
                        if (fullPanels < nc) {
                            packPanels(true, b, bOff, ldb, jc + fullPanels, nc - fullPanels, pc, kc, NR, bp);
                        }
                        packA(transA, a, aOff, lda, ic, mc, pc, kc, ap);
                        panels(ws, nr, true, pc == 0, ic, mc, jc, nc, pc, kc, b, bOff, ldb, c, cOff, ldc);
                    }
                }
                continue;
            }
            for (int pc = 0; pc < k; pc += kcStep) {
                int kc = Math.min(kcStep, k - pc);
                packB(transB, b, bOff, ldb, pc, kc, jc, nc, nr, bp);
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    if (direct) {
                        directRows(ws, transA, a, aOff, lda, ic, mc, pc, kc, nc, c, cOff + ic * ldc + jc, ldc);
                        continue;
                    }
                    packA(transA, a, aOff, lda, ic, mc, pc, kc, ap);
                    panels(ws, nr, false, pc == 0, ic, mc, jc, nc, pc, kc, b, bOff, ldb, c, cOff, ldc);
                }
            }
        }
    }

    /**
     * Rows [ic, ic+mc) x columns [jc, jc+nc) of C += the packed block of op(A) times depth block
     * [pc, pc+kc) of op(B): packed B, or B read in place (its full panels; the partial one packed).
     * The first depth block stores into C, the later ones add.
     */
    private static void panels(Workspace ws, int nr, boolean bInPlace, boolean first, int ic, int mc, int jc, int nc,
                               int pc, int kc, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        double[] ap = ws.ap;
        double[] bp = ws.bp;
        for (int jr = 0; jr < nc; jr += nr) {
            int w = Math.min(nr, nc - jr);
            boolean panelInPlace = bInPlace && w == NR;
            double[] bsrc = panelInPlace ? b : bp;
            int bo = panelInPlace ? bOff + pc * ldb + jc + jr : bInPlace ? 0 : jr * kc;
            int bs = panelInPlace ? ldb : nr;
            for (int ir = 0; ir < mc; ir += MR) {
                int h = Math.min(MR, mc - ir);
                int ao = ir * kc;
                int co = cOff + (ic + ir) * ldc + jc + jr;
                if (nr == NR) {
                    // the block goes through the buffer (see micro3) and is stored or added to C
                    micro3(kc, ap, ao, bsrc, bo, bs, ws.edge, 0, NR);
                    if (first && h == MR && w == NR) {
                        storeTile(ws.edge, c, co, ldc);
                    } else if (first) {
                        copyEdge(ws.edge, NR, c, co, ldc, h, w);
                    } else if (h == MR && w == NR) {
                        addTile(ws.edge, c, co, ldc);
                    } else {
                        addEdge(ws.edge, NR, c, co, ldc, h, w);
                    }
                } else if (h == MR && w == nr) {
                    micro1(kc, ap, ao, bp, bo, c, co, ldc);
                } else {
                    java.util.Arrays.fill(ws.edge, (double) 0);
                    micro1(kc, ap, ao, bp, bo, ws.edge, 0, nr);
                    addEdge(ws.edge, nr, c, co, ldc, h, w);
                }
            }
        }
    }

    /**
     * Rows [ic, ic+mc) of op(A) times the single packed V-wide panel of B (nc <= V columns), op(A)
     * read in place: full 8-row blocks by {@link #micro1Direct}, the remaining rows packed as usual.
     */
    private static void directRows(Workspace ws, boolean transA, double[] a, int aOff, int lda, int ic, int mc, int pc,
                                   int kc, int nc, double[] c, int co, int ldc) {
        // op(A)[i][p] is a[aOff + i*si + p*sp]
        int si = transA ? 1 : lda;
        int sp = transA ? lda : 1;
        for (int ir = 0; ir < mc; ir += MR) {
            int h = Math.min(MR, mc - ir);
            int cr = co + ir * ldc;
            if (h == MR) {
                int a0 = aOff + (ic + ir) * si + pc * sp;
                if (nc == V) {
                    micro1Direct(kc, a, a0, si, sp, ws.bp, 0, c, cr, ldc);
                } else {
                    java.util.Arrays.fill(ws.edge, (double) 0);
                    micro1Direct(kc, a, a0, si, sp, ws.bp, 0, ws.edge, 0, V);
                    addEdge(ws.edge, V, c, cr, ldc, h, nc);
                }
            } else {
                packA(transA, a, aOff, lda, ic + ir, h, pc, kc, ws.ap);
                java.util.Arrays.fill(ws.edge, (double) 0);
                micro1(kc, ws.ap, 0, ws.bp, 0, ws.edge, 0, V);
                addEdge(ws.edge, V, c, cr, ldc, h, nc);
            }
        }
    }

    /** {@link #micro1} with the 8 rows of op(A) read in place: element (r, p) at a[a0 + r*si + p*sp]. */
    private static void micro1Direct(int kc, double[] a, int a0, int si, int sp, double[] bp, int bo, double[] c, int co,
                                     int ldc) {
        DoubleVector c0 = DoubleVector.zero(S); DoubleVector c1 = DoubleVector.zero(S); DoubleVector c2 = DoubleVector.zero(S); DoubleVector c3 = DoubleVector.zero(S);
        DoubleVector c4 = DoubleVector.zero(S); DoubleVector c5 = DoubleVector.zero(S); DoubleVector c6 = DoubleVector.zero(S); DoubleVector c7 = DoubleVector.zero(S);
        int r1 = si, r2 = 2 * si, r3 = 3 * si, r4 = 4 * si, r5 = 5 * si, r6 = 6 * si, r7 = 7 * si;
        for (int p = 0, ai = a0, bi = bo; p < kc; p++, ai += sp, bi += V) {
            DoubleVector b = DoubleVector.fromArray(S, bp, bi);
            c0 = DoubleVector.broadcast(S, a[ai]).fma(b, c0);
            c1 = DoubleVector.broadcast(S, a[ai + r1]).fma(b, c1);
            c2 = DoubleVector.broadcast(S, a[ai + r2]).fma(b, c2);
            c3 = DoubleVector.broadcast(S, a[ai + r3]).fma(b, c3);
            c4 = DoubleVector.broadcast(S, a[ai + r4]).fma(b, c4);
            c5 = DoubleVector.broadcast(S, a[ai + r5]).fma(b, c5);
            c6 = DoubleVector.broadcast(S, a[ai + r6]).fma(b, c6);
            c7 = DoubleVector.broadcast(S, a[ai + r7]).fma(b, c7);
        }
        c0 = c0.add(DoubleVector.fromArray(S, c, co));
        c1 = c1.add(DoubleVector.fromArray(S, c, co + 1 * ldc));
        c2 = c2.add(DoubleVector.fromArray(S, c, co + 2 * ldc));
        c3 = c3.add(DoubleVector.fromArray(S, c, co + 3 * ldc));
        c4 = c4.add(DoubleVector.fromArray(S, c, co + 4 * ldc));
        c5 = c5.add(DoubleVector.fromArray(S, c, co + 5 * ldc));
        c6 = c6.add(DoubleVector.fromArray(S, c, co + 6 * ldc));
        c7 = c7.add(DoubleVector.fromArray(S, c, co + 7 * ldc));
        c0.intoArray(c, co);
        c1.intoArray(c, co + 1 * ldc);
        c2.intoArray(c, co + 2 * ldc);
        c3.intoArray(c, co + 3 * ldc);
        c4.intoArray(c, co + 4 * ldc);
        c5.intoArray(c, co + 5 * ldc);
        c6.intoArray(c, co + 6 * ldc);
        c7.intoArray(c, co + 7 * ldc);
    }

    /** C[8 x 3V] at co += the block micro3 wrote into t (row stride 3V). */
    private static void addTile(double[] t, double[] c, int co, int ldc) {
        for (int r = 0; r < MR; r++) {
            int o = co + r * ldc;
            int e = r * NR;
            for (int q = 0; q < NR; q += V) {
                DoubleVector.fromArray(S, t, e + q).add(DoubleVector.fromArray(S, c, o + q)).intoArray(c, o + q);
            }
        }
    }

    /** C[8 x 3V] at co = the block micro3 wrote into t (vector copies: eight small arraycopy calls cost a fifth of a 256^3 product). */
    private static void storeTile(double[] t, double[] c, int co, int ldc) {
        for (int r = 0; r < MR; r++) {
            int o = co + r * ldc;
            int e = r * NR;
            for (int q = 0; q < NR; q += V) {
                DoubleVector.fromArray(S, t, e + q).intoArray(c, o + q);
            }
        }
    }

    /** Copies the valid h x w corner of a block computed into the buffer to C. */
    private static void copyEdge(double[] edge, int ld, double[] c, int co, int ldc, int h, int w) {
        for (int r = 0; r < h; r++) {
            System.arraycopy(edge, r * ld, c, co + r * ldc, w);
        }
    }

    /** Adds the valid h x w corner of an edge tile computed into the buffer to C. */
    private static void addEdge(double[] edge, int ld, double[] c, int co, int ldc, int h, int w) {
        for (int r = 0; r < h; r++) {
            int e = r * ld;
            int o = co + r * ldc;
            for (int j = 0; j < w; j++) {
                c[o + j] += edge[e + j];
            }
        }
    }

    /**
     * Packs op(B)[pc .. pc+kc) x [jc .. jc+nc) as panels nr columns wide: panel q holds columns
     * jc + q*nr + jj at bp[q*nr*kc + p*nr + jj], zero beyond the last column.
     */
    private static void packB(boolean transB, double[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, int nr, double[] bp) {
        // op(B)[p][j] is B[p][j] (contiguous along the panel) or, transposed, B[j][p] (contiguous along the depth)
        packPanels(!transB, b, bOff, ldb, jc, nc, pc, kc, nr, bp);
    }

    /**
     * Packs op(A)[ic .. ic+mc) x [pc .. pc+kc) as panels 8 rows high: panel q holds rows
     * ic + q*8 + ii at ap[q*8*kc + p*8 + ii], zero beyond the last row.
     */
    private static void packA(boolean transA, double[] a, int aOff, int lda, int ic, int mc, int pc, int kc, double[] ap) {
        // op(A)[i][p] is A[i][p] (contiguous along the depth) or, transposed, A[p][i] (contiguous along the panel)
        packPanels(transA, a, aOff, lda, ic, mc, pc, kc, MR, ap);
    }

    /**
     * The packing both operands share: element (u, p) of a logical matrix, u along the panel
     * (rows of op(A), columns of op(B)) and p along the depth, goes to
     * dst[(u - u0) / r * r * kc + p * r + (u - u0) % r] for u in [u0, u0 + count), p in [p0, p0 + kc);
     * panel slots beyond count are zero. The element is stored at x[off + p*ld + u] when
     * {@code alongPanel} (a run of r values is one copy) and at x[off + u*ld + p] otherwise.
     */
    private static void packPanels(boolean alongPanel, double[] x, int off, int ld, int u0, int count, int p0, int kc, int r,
                                   double[] dst) {
        for (int ur = 0; ur < count; ur += r) {
            int w = Math.min(r, count - ur);
            int base = ur * kc;
            if (alongPanel) {
                int src = off + p0 * ld + u0 + ur;
                for (int p = 0; p < kc; p++, src += ld) {
                    int d = base + p * r;
                    System.arraycopy(x, src, dst, d, w);
                    for (int uu = w; uu < r; uu++) {
                        dst[d + uu] = 0;
                    }
                }
            } else {
                for (int uu = 0; uu < w; uu++) {
                    int src = off + (u0 + ur + uu) * ld + p0;
                    for (int p = 0, d = base + uu; p < kc; p++, d += r) {
                        dst[d] = x[src + p];
                    }
                }
                for (int uu = w; uu < r; uu++) {
                    for (int p = 0, d = base + uu; p < kc; p++, d += r) {
                        dst[d] = 0;
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ thin m: no packing

    /**
     * m < 4 (a batch of one): packing would cost as much as the product. Each row of C is a
     * combination of the rows of op(B) (B as stored) or a set of dot products (B transposed,
     * its rows then being the columns of op(B)); split by columns across threads when large.
     */
    private static void thinRows(boolean transA, boolean transB, int m, int n, int k,
                                 double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        int asI = transA ? 1 : lda;
        int asP = transA ? lda : 1;
        long work = (long) m * n * k;
        int align = transB ? 1 : 4 * V;
        KernelThreads.split(n, work < PARALLEL ? Integer.MAX_VALUE : 0, align, (from, to) -> {
            Workspace ws = WORKSPACE.get();
            for (int i = 0; i < m; i++) {
                int ai = aOff + i * asI;
                int ci = cOff + i * ldc;
                if (transB) {
                    double[] row = a;
                    int ro = ai;
                    if (asP != 1) {
                        if (ws.row.length < k) {
                            ws.row = new double[k];
                        }
                        row = ws.row;
                        ro = 0;
                        for (int p = 0; p < k; p++) {
                            row[p] = a[ai + p * asP];
                        }
                    }
                    for (int j = from; j < to; j++) {
                        c[ci + j] = dot(row, ro, b, bOff + j * ldb, k);
                    }
                } else {
                    rowTimesB(a, ai, asP, k, b, bOff, ldb, c, ci, from, to);
                }
            }
        });
    }

    /** c[ci + j] = sum_p a[ai + p*asP] * b[bOff + p*ldb + j] for j in [from, to). */
    private static void rowTimesB(double[] a, int ai, int asP, int k, double[] b, int bOff, int ldb, double[] c, int ci,
                                  int from, int to) {
        int j = from;
        for (; j + 4 * V <= to; j += 4 * V) {
            DoubleVector s0 = DoubleVector.zero(S);
            DoubleVector s1 = DoubleVector.zero(S);
            DoubleVector s2 = DoubleVector.zero(S);
            DoubleVector s3 = DoubleVector.zero(S);
            for (int p = 0, bi = bOff + j; p < k; p++, bi += ldb) {
                DoubleVector x = DoubleVector.broadcast(S, a[ai + p * asP]);
                s0 = x.fma(DoubleVector.fromArray(S, b, bi), s0);
                s1 = x.fma(DoubleVector.fromArray(S, b, bi + V), s1);
                s2 = x.fma(DoubleVector.fromArray(S, b, bi + 2 * V), s2);
                s3 = x.fma(DoubleVector.fromArray(S, b, bi + 3 * V), s3);
            }
            s0.intoArray(c, ci + j);
            s1.intoArray(c, ci + j + V);
            s2.intoArray(c, ci + j + 2 * V);
            s3.intoArray(c, ci + j + 3 * V);
        }
        for (; j + V <= to; j += V) {
            DoubleVector s = DoubleVector.zero(S);
            for (int p = 0, bi = bOff + j; p < k; p++, bi += ldb) {
                s = DoubleVector.broadcast(S, a[ai + p * asP]).fma(DoubleVector.fromArray(S, b, bi), s);
            }
            s.intoArray(c, ci + j);
        }
        if (j < to) {
            // the last columns: the same order of operations, one fma at a time
            for (int jj = j; jj < to; jj++) {
                c[ci + jj] = 0;
            }
            for (int p = 0, bi = bOff + j; p < k; p++, bi += ldb) {
                double x = a[ai + p * asP];
                for (int jj = 0; jj < to - j; jj++) {
                    c[ci + j + jj] = Math.fma(x, b[bi + jj], c[ci + j + jj]);
                }
            }
        }
    }

    /** sum_p x[xo + p] * y[yo + p], four vector accumulators then a scalar tail. */
    private static double dot(double[] x, int xo, double[] y, int yo, int k) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = DoubleVector.zero(S);
        DoubleVector s2 = DoubleVector.zero(S);
        DoubleVector s3 = DoubleVector.zero(S);
        int p = 0;
        for (; p + 4 * V <= k; p += 4 * V) {
            s0 = DoubleVector.fromArray(S, x, xo + p).fma(DoubleVector.fromArray(S, y, yo + p), s0);
            s1 = DoubleVector.fromArray(S, x, xo + p + V).fma(DoubleVector.fromArray(S, y, yo + p + V), s1);
            s2 = DoubleVector.fromArray(S, x, xo + p + 2 * V).fma(DoubleVector.fromArray(S, y, yo + p + 2 * V), s2);
            s3 = DoubleVector.fromArray(S, x, xo + p + 3 * V).fma(DoubleVector.fromArray(S, y, yo + p + 3 * V), s3);
        }
        for (; p + V <= k; p += V) {
            s0 = DoubleVector.fromArray(S, x, xo + p).fma(DoubleVector.fromArray(S, y, yo + p), s0);
        }
        double s = s0.add(s1).add(s2.add(s3)).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
        for (; p < k; p++) {
            s = Math.fma(x[xo + p], y[yo + p], s);
        }
        return s;
    }

    // ------------------------------------------------------------------ micro-kernels (written out: 24 named accumulators)

    /**
     * C[8 x 3V] = the packed 8-row panel of A times a 3V-column panel of B over depth kc (packed:
     * bs = 3V; or B itself: bs = its row stride)
     * (stored, not added: callers pass a buffer and add it to C with {@link #addTile}). The method
     * is kept as small as it can be: with a load and an add of C for each of the 24 accumulators
     * as well, C2 failed to intrinsify most of the final stores once other Vector API code had
     * run (each became a scalar fallback, doubling the kernel's time in a training loop).
     */
    private static void micro3(int kc, double[] ap, int ao, double[] bp, int bo, int bs, double[] c, int co, int ldc) {
        DoubleVector c00 = DoubleVector.zero(S); DoubleVector c01 = DoubleVector.zero(S); DoubleVector c02 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S); DoubleVector c11 = DoubleVector.zero(S); DoubleVector c12 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S); DoubleVector c21 = DoubleVector.zero(S); DoubleVector c22 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S); DoubleVector c31 = DoubleVector.zero(S); DoubleVector c32 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S); DoubleVector c41 = DoubleVector.zero(S); DoubleVector c42 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S); DoubleVector c51 = DoubleVector.zero(S); DoubleVector c52 = DoubleVector.zero(S);
        DoubleVector c60 = DoubleVector.zero(S); DoubleVector c61 = DoubleVector.zero(S); DoubleVector c62 = DoubleVector.zero(S);
        DoubleVector c70 = DoubleVector.zero(S); DoubleVector c71 = DoubleVector.zero(S); DoubleVector c72 = DoubleVector.zero(S);
        for (int p = 0, ai = ao, bi = bo; p < kc; p++, ai += MR, bi += bs) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bi + V);
            DoubleVector b2 = DoubleVector.fromArray(S, bp, bi + 2 * V);
            DoubleVector a0 = DoubleVector.broadcast(S, ap[ai + 0]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01); c02 = a0.fma(b2, c02);
            DoubleVector a1 = DoubleVector.broadcast(S, ap[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11); c12 = a1.fma(b2, c12);
            DoubleVector a2 = DoubleVector.broadcast(S, ap[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21); c22 = a2.fma(b2, c22);
            DoubleVector a3 = DoubleVector.broadcast(S, ap[ai + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31); c32 = a3.fma(b2, c32);
            DoubleVector a4 = DoubleVector.broadcast(S, ap[ai + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41); c42 = a4.fma(b2, c42);
            DoubleVector a5 = DoubleVector.broadcast(S, ap[ai + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51); c52 = a5.fma(b2, c52);
            DoubleVector a6 = DoubleVector.broadcast(S, ap[ai + 6]);
            c60 = a6.fma(b0, c60); c61 = a6.fma(b1, c61); c62 = a6.fma(b2, c62);
            DoubleVector a7 = DoubleVector.broadcast(S, ap[ai + 7]);
            c70 = a7.fma(b0, c70); c71 = a7.fma(b1, c71); c72 = a7.fma(b2, c72);
        }
        int s0 = co;
        c00.intoArray(c, s0); c01.intoArray(c, s0 + V); c02.intoArray(c, s0 + 2 * V);
        int s1 = co + 1 * ldc;
        c10.intoArray(c, s1); c11.intoArray(c, s1 + V); c12.intoArray(c, s1 + 2 * V);
        int s2 = co + 2 * ldc;
        c20.intoArray(c, s2); c21.intoArray(c, s2 + V); c22.intoArray(c, s2 + 2 * V);
        int s3 = co + 3 * ldc;
        c30.intoArray(c, s3); c31.intoArray(c, s3 + V); c32.intoArray(c, s3 + 2 * V);
        int s4 = co + 4 * ldc;
        c40.intoArray(c, s4); c41.intoArray(c, s4 + V); c42.intoArray(c, s4 + 2 * V);
        int s5 = co + 5 * ldc;
        c50.intoArray(c, s5); c51.intoArray(c, s5 + V); c52.intoArray(c, s5 + 2 * V);
        int s6 = co + 6 * ldc;
        c60.intoArray(c, s6); c61.intoArray(c, s6 + V); c62.intoArray(c, s6 + 2 * V);
        int s7 = co + 7 * ldc;
        c70.intoArray(c, s7); c71.intoArray(c, s7 + V); c72.intoArray(c, s7 + 2 * V);
    }

    /** The narrow variant: C[8 x V] += the packed 8-row panel of A times a packed V-column panel of B. */
    private static void micro1(int kc, double[] ap, int ao, double[] bp, int bo, double[] c, int co, int ldc) {
        DoubleVector c0 = DoubleVector.zero(S); DoubleVector c1 = DoubleVector.zero(S); DoubleVector c2 = DoubleVector.zero(S); DoubleVector c3 = DoubleVector.zero(S);
        DoubleVector c4 = DoubleVector.zero(S); DoubleVector c5 = DoubleVector.zero(S); DoubleVector c6 = DoubleVector.zero(S); DoubleVector c7 = DoubleVector.zero(S);
        for (int p = 0, ai = ao, bi = bo; p < kc; p++, ai += MR, bi += V) {
            DoubleVector b = DoubleVector.fromArray(S, bp, bi);
            c0 = DoubleVector.broadcast(S, ap[ai + 0]).fma(b, c0);
            c1 = DoubleVector.broadcast(S, ap[ai + 1]).fma(b, c1);
            c2 = DoubleVector.broadcast(S, ap[ai + 2]).fma(b, c2);
            c3 = DoubleVector.broadcast(S, ap[ai + 3]).fma(b, c3);
            c4 = DoubleVector.broadcast(S, ap[ai + 4]).fma(b, c4);
            c5 = DoubleVector.broadcast(S, ap[ai + 5]).fma(b, c5);
            c6 = DoubleVector.broadcast(S, ap[ai + 6]).fma(b, c6);
            c7 = DoubleVector.broadcast(S, ap[ai + 7]).fma(b, c7);
        }
        c0 = c0.add(DoubleVector.fromArray(S, c, co));
        c1 = c1.add(DoubleVector.fromArray(S, c, co + 1 * ldc));
        c2 = c2.add(DoubleVector.fromArray(S, c, co + 2 * ldc));
        c3 = c3.add(DoubleVector.fromArray(S, c, co + 3 * ldc));
        c4 = c4.add(DoubleVector.fromArray(S, c, co + 4 * ldc));
        c5 = c5.add(DoubleVector.fromArray(S, c, co + 5 * ldc));
        c6 = c6.add(DoubleVector.fromArray(S, c, co + 6 * ldc));
        c7 = c7.add(DoubleVector.fromArray(S, c, co + 7 * ldc));
        c0.intoArray(c, co);
        c1.intoArray(c, co + 1 * ldc);
        c2.intoArray(c, co + 2 * ldc);
        c3.intoArray(c, co + 3 * ldc);
        c4.intoArray(c, co + 4 * ldc);
        c5.intoArray(c, co + 5 * ldc);
        c6.intoArray(c, co + 6 * ldc);
        c7.intoArray(c, co + 7 * ldc);
    }
}
