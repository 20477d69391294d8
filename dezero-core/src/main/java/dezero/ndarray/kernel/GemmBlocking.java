package dezero.ndarray.kernel;

import java.util.Locale;

/**
 * The blocking of a matrix product for one element type on this machine, derived at start-up the
 * way BLIS's analytical model derives it (Low et al., "Analytical modeling is enough for
 * high-performance BLIS", 2016), from the cache sizes the OS reports ({@link CpuCaches}), the
 * vector length and the number of vector registers:
 * <ul>
 * <li>the micro-tile, {@code mr} rows by {@code nr = nv} vectors of C, is the largest of the
 * written-out micro-kernels whose accumulators, the nv vectors of a row of B and one broadcast
 * fit the registers (8 x 3 vectors with 32 registers, 6 x 2 with 16);</li>
 * <li>{@code kc}, the depth of a block: the mr x kc sliver of A, whose elements the micro-kernel
 * broadcasts, fills the L1 data cache, and the kc x nr sliver of B, whose rows it loads as
 * vectors while every sliver of A of the block meets it, takes at most a quarter of the L2. (The
 * vector loads of B are few per fused multiply-add: nv per mr*nv of them, which the L2 serves at
 * full speed; measured on a Zen 4, half of L1d for B's sliver, BLIS's usual choice, gave kc = 80
 * and 70 % of the peak, the choice above 85 %.) A large kc also means few passes over C;</li>
 * <li>{@code mc}: the mc x kc block of packed A takes a quarter of the L2, beside B's sliver;</li>
 * <li>{@code nc}: the kc x nc block of packed B takes half of this thread's share of the L3 (or of
 * the L2 when there is no L3).</li>
 * </ul>
 * Each cache counts as this thread's share of it ({@link CpuCaches#l1dPerThread} and the like): a
 * core's L1d and L2 are halved where two kernel threads run on the SMT siblings of one core.
 * The system properties {@code dezero.gemm.kc}, {@code dezero.gemm.mc} and {@code dezero.gemm.nc}
 * override the derived values (for experiments; {@code dezero-bench probe} prints what was chosen).
 */
final class GemmBlocking {
    /** Rows of the micro-tile. */
    final int mr;
    /** Vectors per row of the micro-tile (nr = nv * lanes). */
    final int nv;
    /** Columns of the micro-tile. */
    final int nr;
    final int kc;
    final int mc;
    final int nc;
    /** Why: the inputs of the model. */
    final String why;
    /** What the register-level unit of work is (the micro-tile, or the plain kernel's row update). */
    private final String unit;

    private GemmBlocking(String unit, int mr, int nv, int nr, int kc, int mc, int nc, String why) {
        this.unit = unit;
        this.mr = mr;
        this.nv = nv;
        this.nr = nr;
        this.kc = kc;
        this.mc = mc;
        this.nc = nc;
        this.why = why;
    }

    /**
     * The blocking for elements of {@code bytes} bytes in vectors of {@code lanes}, on a CPU with
     * {@code registers} vector registers and the given caches, for {@code threads} threads.
     */
    static GemmBlocking derive(int bytes, int lanes, int registers, CpuCaches caches, int threads) {
        int mr;
        int nv;
        if (registers >= 32) {
            mr = 8;
            nv = 3;
        } else {
            mr = 6;
            nv = 2;
        }
        int nr = nv * lanes;
        // each thread's share of a core's L1d and L2: all of them unless SMT siblings run two threads on one core
        int l1d = caches.l1dPerThread(threads);
        int l2 = caches.l2PerThread(threads);
        int kc = roundDown(Math.min(l2 / 4 / (nr * bytes), l1d / (mr * bytes)), 8);
        kc = Integer.getInteger("dezero.gemm.kc", Math.max(32, kc));
        int mc = roundDown(l2 / 4 / (kc * bytes), mr);
        mc = Integer.getInteger("dezero.gemm.mc", Math.max(mr, mc));
        long l3 = caches.l3PerThread(threads);
        long room = l3 > l2 ? l3 : l2;
        int nc = Math.min(1 << 16, roundDown((int) Math.min(Integer.MAX_VALUE, room / 2 / ((long) kc * bytes)), nr));
        nc = Integer.getInteger("dezero.gemm.nc", Math.max(nr, nc));
        String l1dName = share("L1d", l1d, caches.l1d);
        String l2Name = share("L2", l2, caches.l2);
        String why = String.format(Locale.ROOT,
                "%d vector registers -> micro-tile %d x %d (%d x %d vectors of %d lanes);"
                        + " kc %d: the A sliver %d x %d x %d B fills %s (%d KB), the B sliver %d x %d x %d B"
                        + " at most a quarter of %s (%d KB); mc %d: the A block %d x %d x %d B a quarter of %s;"
                        + " nc %d: the B block %d x %d x %d B half of %s (%d KB)",
                registers, mr, nr, mr, nv, lanes, kc, mr, kc, bytes, l1dName, l1d >> 10, kc, nr, bytes, l2Name,
                l2 >> 10, mc, mc, kc, bytes, l2Name, nc, kc, nc, bytes,
                l3 > l2 ? "this thread's share of L3" : l2Name, room >> 10);
        return new GemmBlocking(String.format(Locale.ROOT, "mr %d, nr %d", mr, nr), mr, nv, nr, kc, mc, nc, why);
    }

    /**
     * The blocking of the plain kernel ({@link PlainGemm}), whose unit of work is not a micro-tile
     * held in registers but a row update: one accumulator row of the tile takes {@code rows}
     * packed rows of op(B) in a loop the JIT vectorizes. The same model, one level up:
     * <ul>
     * <li>{@code nc}: the {@code rows} rows of B a pass reads take half of L1d (they meet every
     * accumulator row of the tile in turn);</li>
     * <li>{@code mc}: the tile's accumulator rows, mc x nc, take half of L2 (each pass streams them);</li>
     * <li>{@code kc}: the packed block of B, kc x nc, is as large (it is read once per tile).</li>
     * </ul>
     * Measured on a Zen 4 (32 KB L1d, 1 MB L2), one thread, 1024 x 1024: the former fixed 1024
     * columns by 64 rows (B's eight rows filling L1d, 16 KB per float64 row) ran float32 at 36 and
     * float64 at 16.5 GFLOP/s, this 512 (256) x 256 at 45 and 24. The caches count as this thread's share,
     * as in {@link #derive}. The same system properties override it.
     */
    static GemmBlocking rowUpdates(int bytes, int rows, CpuCaches caches, int threads) {
        int l1d = caches.l1dPerThread(threads);
        int l2 = caches.l2PerThread(threads);
        int nc = roundDown(l1d / 2 / (rows * bytes), 16);
        nc = roundDown(Integer.getInteger("dezero.gemm.nc", nc), 16);
        int mc = roundDown(l2 / 2 / (nc * bytes), 8);
        // tiles are cut in multiples of 8 rows: an override is rounded to one
        mc = roundDown(Integer.getInteger("dezero.gemm.mc", mc), 8);
        int kc = roundDown(l2 / 2 / (nc * bytes), rows);
        kc = roundDown(Integer.getInteger("dezero.gemm.kc", kc), rows);
        String why = String.format(Locale.ROOT,
                "row updates of %d rows of B; nc %d: those rows %d x %d x %d B half of %s (%d KB);"
                        + " mc %d: the accumulator rows %d x %d x %d B half of %s (%d KB); kc %d: the B block as large",
                rows, nc, rows, nc, bytes, share("L1d", l1d, caches.l1d), l1d >> 10, mc, mc, nc, bytes,
                share("L2", l2, caches.l2), l2 >> 10, kc);
        return new GemmBlocking(rows + " rows of B per row update", 1, 1, rows, kc, mc, nc, why);
    }

    /**
     * The vector registers of the CPU, inferred from the vector length the JIT chose: 512-bit vectors mean
     * AVX-512 (32 registers); 64-bit ARM has 32 at any width; otherwise (x86 with AVX2 or less) 16.
     */
    static int registers(int vectorBits) {
        String arch = System.getProperty("os.arch", "");
        if (arch.equals("aarch64") || vectorBits >= 512) {
            return 32;
        }
        return 16;
    }

    /** "L1d", or "this thread's 1/2 of L1d" where two SMT siblings share it. */
    private static String share(String level, int perThread, int whole) {
        return perThread == whole ? level : "this thread's 1/" + (whole / perThread) + " of " + level;
    }

    private static int roundDown(int x, int q) {
        return Math.max(q, x / q * q);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, kc %d, mc %d, nc %d", unit, kc, mc, nc);
    }
}
