package dezero.ndarray.kernel;

/**
 * How a matrix product is cut into tiles of C, one task each, run by {@code threads} threads.
 * Each tile packs its own rows of op(A) and columns of op(B), so a split into r row bands and s
 * column bands packs A s times and B r times. Of the splits into {@code want} tiles, the one of
 * least estimated cost per step of depth is taken: the packed elements at {@code packFlops} flops
 * each, plus the flops the threads lose waiting for the largest tile (2 per element of C that
 * the rounds of tiles could compute beyond m x n). Balance counts: 512 x 512 on two threads cut
 * into column bands of whole 48-wide panels ran 288 against 224 columns (1.75x one thread; in
 * row bands of 256, 11 % faster), while for 2048 x 2048 four row bands would each pack all of B.
 */
final class GemmPlan {
    private GemmPlan() {
    }

    /** The tile height and width (multiples of mr and nr unless the whole extent), packed as (rows << 32) | cols. */
    static long tiles(int m, int n, int want, int threads, int mr, int nr, int packFlops) {
        long best = -1;
        long bestCost = Long.MAX_VALUE;
        for (int r = 1; r <= want; r++) {
            if (want % r != 0) {
                continue;
            }
            int s = want / r;
            int rows = Math.min(m, roundUp((m + r - 1) / r, mr));
            int cols = Math.min(n, roundUp((n + s - 1) / s, nr));
            int tiles = ((m + rows - 1) / rows) * ((n + cols - 1) / cols);
            int rounds = (tiles + threads - 1) / threads;
            long idle = (long) rows * cols * rounds * threads - (long) m * n;
            long cost = (long) packFlops * ((long) s * m + (long) r * n) + 2 * idle;
            if (cost < bestCost) {
                bestCost = cost;
                best = ((long) rows << 32) | cols;
            }
        }
        return best;
    }

    static int rowTile(long plan) {
        return (int) (plan >>> 32);
    }

    static int colTile(long plan) {
        return (int) plan;
    }

    private static int roundUp(int x, int q) {
        return (x + q - 1) / q * q;
    }
}
