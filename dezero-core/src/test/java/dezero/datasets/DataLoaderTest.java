package dezero.datasets;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataLoaderTest {
    /** A dataset whose example i has input i and target 10 * i, so a batch shows which examples it holds. */
    private static ArrayDataset indexDataset(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = 10L * i;
        }
        return new ArrayDataset(NdArray.arange(n).astype(DType.INT64), NdArray.wrap(t, n));
    }

    private static List<long[]> epoch(DataLoader loader) {
        List<long[]> out = new ArrayList<>();
        for (Batch b : loader) {
            out.add(b.x().longData().clone());
            long[] t = b.t().longData();
            for (int k = 0; k < t.length; k++) {
                assertEquals(10 * b.x().longData()[k], t[k], "targets travel with their inputs");
            }
        }
        return out;
    }

    private static long[] concat(List<long[]> batches) {
        return batches.stream().flatMapToLong(Arrays::stream).toArray();
    }

    @Test
    void spiralBatchesHaveTheRightShapes() {
        DataLoader loader = new DataLoader(new Spiral(true), 30);
        assertEquals(10, loader.maxIter());
        int n = 0;
        for (Batch b : loader) {
            assertArrayEquals(new int[] {30, 2}, b.x().shape());
            assertEquals(DType.FLOAT32, b.x().dtype());
            assertArrayEquals(new int[] {30}, b.t().shape());
            assertEquals(DType.INT64, b.t().dtype());
            assertEquals(30, b.size());
            n++;
        }
        assertEquals(10, n);
    }

    @Test
    void lastPartialBatchIsKept() {
        DataLoader loader = new DataLoader(indexDataset(10), 4, false);
        assertEquals(3, loader.maxIter());
        List<long[]> batches = epoch(loader);
        assertArrayEquals(new long[] {0, 1, 2, 3}, batches.get(0));
        assertArrayEquals(new long[] {4, 5, 6, 7}, batches.get(1));
        assertArrayEquals(new long[] {8, 9}, batches.get(2));
    }

    @Test
    void shuffleFollowsTheGlobalGeneratorAsNumPy() {
        NdRandom.seedGlobal(0);
        DataLoader loader = new DataLoader(indexDataset(10), 3);
        // np.random.seed(0); np.random.permutation(10), then np.random.permutation(10) again
        assertArrayEquals(new long[] {2, 8, 4, 9, 1, 6, 7, 3, 0, 5}, concat(epoch(loader)));
        assertArrayEquals(new long[] {3, 5, 1, 2, 9, 8, 0, 6, 7, 4}, concat(epoch(loader)));
    }

    @Test
    void sameSeedSameOrderAndEveryEpochIsAPermutation() {
        DataLoader a = new DataLoader(indexDataset(101), 7, true, new NdRandom(42));
        DataLoader b = new DataLoader(indexDataset(101), 7, true, new NdRandom(42));
        DataLoader c = new DataLoader(indexDataset(101), 7, true, new NdRandom(43));
        long[] first = null;
        for (int e = 0; e < 3; e++) {
            long[] ea = concat(epoch(a));
            assertArrayEquals(ea, concat(epoch(b)), "epoch " + e);
            assertFalse(Arrays.equals(ea, concat(epoch(c))));
            long[] sorted = ea.clone();
            Arrays.sort(sorted);
            assertArrayEquals(NdArray.arange(101).astype(DType.INT64).longData(), sorted);
            if (first == null) {
                first = ea;
            } else {
                assertFalse(Arrays.equals(first, ea), "each epoch draws a new order");
            }
        }
    }

    @Test
    void forEachLoopsRunOneEpochEachAndRestart() {
        DataLoader loader = new DataLoader(indexDataset(5), 2, false);
        assertEquals(3, epoch(loader).size());
        assertEquals(0, loader.iteration());
        assertEquals(3, epoch(loader).size());
    }

    @Test
    void iteratorStaysEndedOnceExhausted() {
        DataLoader loader = new DataLoader(indexDataset(4), 2, false);
        Iterator<Batch> it = loader.iterator();
        it.next();
        it.next();
        assertFalse(it.hasNext());
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertTrue(loader.iterator().hasNext(), "a new iterator is the next epoch");
    }

    @Test
    void breakingOutContinuesTheEpochLikePython() {
        DataLoader loader = new DataLoader(indexDataset(6), 2, false);
        for (Batch b : loader) {
            assertArrayEquals(new long[] {0, 1}, b.x().longData());
            break;
        }
        assertArrayEquals(new long[] {2, 3, 4, 5}, concat(epoch(loader)));
        loader.next();
        loader.reset();
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5}, concat(epoch(loader)));
    }

    @Test
    void nextStyleEndsTheEpochWithAnExceptionAndResets() {
        DataLoader loader = new DataLoader(indexDataset(3), 2, false);
        assertTrue(loader.hasNext());
        assertArrayEquals(new long[] {0, 1}, loader.next().x().longData());
        assertArrayEquals(new long[] {2}, loader.next().x().longData());
        assertFalse(loader.hasNext());
        assertThrows(NoSuchElementException.class, loader::next);
        assertTrue(loader.hasNext());
        assertArrayEquals(new long[] {0, 1}, loader.next().x().longData());
    }

    @Test
    void unlabelledDatasetsGiveNullTargets() {
        DataLoader loader = new DataLoader(new ArrayDataset(NdArray.zeros(5, 3), null), 2);
        Batch b = loader.next();
        assertArrayEquals(new int[] {2, 3}, b.x().shape());
        assertNull(b.t());
    }

    @Test
    void badArgumentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DataLoader(indexDataset(3), 0));
        assertTrue(e.getMessage().contains("batch size"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new DataLoader(null, 2));
    }

    @Test
    void seqLoaderJumpsThroughTheSeries() {
        SeqDataLoader loader = new SeqDataLoader(indexDataset(10), 3);
        assertEquals(3, loader.jump());
        assertEquals(4, loader.maxIter());
        List<long[]> batches = epoch(loader);
        assertEquals(4, batches.size());
        assertArrayEquals(new long[] {0, 3, 6}, batches.get(0));
        assertArrayEquals(new long[] {1, 4, 7}, batches.get(1));
        assertArrayEquals(new long[] {2, 5, 8}, batches.get(2));
        assertArrayEquals(new long[] {3, 6, 9}, batches.get(3));
        assertArrayEquals(new long[] {0, 3, 6}, epoch(loader).get(0), "the next epoch starts again");
    }

    @Test
    void seqLoaderOnSinCurve() {
        SinCurve curve = new SinCurve(true, new NdRandom(0));
        SeqDataLoader loader = new SeqDataLoader(curve, 30);
        assertEquals(33, loader.jump());
        assertEquals(34, loader.maxIter());
        Batch b = loader.next();
        assertArrayEquals(new int[] {30, 1}, b.x().shape());
        assertArrayEquals(new int[] {30, 1}, b.t().shape());
        assertEquals(curve.get(33).x().item(), b.x().get(1, 0));
        assertEquals(curve.get(34).x().item(), b.t().get(1, 0), "the target is the next value");
        assertNotEquals(b.x().get(0, 0), b.x().get(1, 0));
    }

    @Test
    void seqLoaderRejectsBatchesLargerThanTheSeries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SeqDataLoader(indexDataset(3), 4));
        assertTrue(e.getMessage().contains("larger than the dataset"), e.getMessage());
    }
}
