package dezero.ndarray.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The split of a product's C into tiles: balance first when few tiles, packing otherwise. */
class GemmPlanTest {
    private static final int PACK = 16 * 16;

    private static String plan(int m, int n, int want, int threads, int mr, int nr) {
        long p = GemmPlan.tiles(m, n, want, threads, mr, nr, PACK);
        return GemmPlan.rowTile(p) + " x " + GemmPlan.colTile(p);
    }

    @Test
    void twoTilesOfASquareAreEqualRowBandsNotUnequalColumnBands() {
        // columns come in whole 48-wide panels: 288 + 224; rows in 8-row slivers: 256 + 256
        assertEquals("256 x 512", plan(512, 512, 2, 2, 8, 48));
        // a weight gradient (784 x 100)^T . 100 x 1000: 392 + 392 rows, not 528 + 472 columns
        assertEquals("392 x 1000", plan(784, 1000, 2, 2, 8, 48));
    }

    @Test
    void manyTilesPackLeast() {
        // four tiles of 2048 x 2048 on two threads: 2 x 2, not four row bands that each pack all of B
        assertEquals("1024 x 1056", plan(2048, 2048, 4, 2, 8, 48));
        // a short wide product is cut into column bands (a row band of 56 + 44 would pack B twice)
        assertEquals("100 x 528", plan(100, 1000, 2, 2, 8, 48));
    }

    @Test
    void aThinProductStillUsesBothThreads() {
        // 64 x 10 (an output layer): one 16-wide panel, so the rows are split
        assertEquals("32 x 10", plan(64, 10, 2, 2, 8, 16));
        // one thread: one tile, the whole of C
        assertEquals("512 x 512", plan(512, 512, 1, 1, 8, 48));
    }
}
