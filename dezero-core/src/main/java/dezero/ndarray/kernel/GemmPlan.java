package dezero.ndarray.kernel;

/**
 * How a matrix product is cut into tiles of C, one task each. Each tile packs its own rows of
 * op(A) and columns of op(B), so a split into r row bands and s column bands packs A s times and
 * B r times: of the splits into about {@code want} tiles, the one that packs least is taken
 * (wide products split by columns, tall ones by rows).
 */
final class GemmPlan {
    private GemmPlan() {
    }

    /** The tile height and width (multiples of mr and nr unless the whole extent), packed as (rows << 32) | cols. */
    static long tiles(int m, int n, int want, int mr, int nr) {
        long best = -1;
        long bestCost = Long.MAX_VALUE;
        for (int r = 1; r <= want; r++) {
            if (want % r != 0) {
                continue;
            }
            int s = want / r;
            int rows = roundUp((m + r - 1) / r, mr);
            int cols = roundUp((n + s - 1) / s, nr);
            int tiles = ((m + rows - 1) / rows) * ((n + cols - 1) / cols);
            // fewer tiles than wanted leaves a thread idle: count that as the worst packing
            long cost = (long) s * m + (long) r * n + (tiles < want ? (long) (want - tiles) * (m + n) * want : 0);
            if (cost < bestCost) {
                bestCost = cost;
                best = ((long) Math.min(rows, m) << 32) | Math.min(cols, n);
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
