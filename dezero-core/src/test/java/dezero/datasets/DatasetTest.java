package dezero.datasets;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.transforms.Transform;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest {
    private static final NdArray DATA = NdArray.array(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    private static final NdArray LABEL = NdArray.array(new long[] {7, 8, 9});

    @Test
    void indexedAccessWithTransforms() {
        Transform doubled = x -> x.mul(2.0);
        Transform plusOne = t -> t.add(1L);
        ArrayDataset ds = new ArrayDataset(DATA, LABEL, false, doubled, plusOne);
        assertEquals(3, ds.size());
        assertFalse(ds.train());
        Example e = ds.get(1);
        assertArrayEquals(new double[] {6, 8}, e.x().doubleData());
        assertEquals(9L, (long) e.t().item());
        assertArrayEquals(new int[0], e.t().shape());
        assertArrayEquals(new double[] {10, 12}, ds.get(-1).x().doubleData(), "negative indices count from the end");
    }

    @Test
    void withoutTransformsTheRawRowsComeBack() {
        ArrayDataset ds = new ArrayDataset(DATA, LABEL);
        assertTrue(ds.train());
        assertSame(Transform.identity(), ds.transform());
        assertArrayEquals(new double[] {1, 2}, ds.get(0).x().doubleData());
        ds.get(0).x().setFlat(0, 100);
        assertEquals(1.0, ds.data().get(0, 0), "examples are copies");
    }

    @Test
    void batchesEqualStackedExamplesAlsoForLambdas() {
        Transform square = x -> x.mul(x);
        ArrayDataset ds = new ArrayDataset(DATA, LABEL, true, square, null);
        Batch b = ds.getBatch(2, 0, 2);
        assertArrayEquals(new int[] {3, 2}, b.x().shape());
        assertArrayEquals(new double[] {25, 36, 1, 4, 25, 36}, b.x().doubleData());
        assertArrayEquals(new long[] {9, 7, 9}, b.t().longData());
    }

    @Test
    void outOfRangeIndicesAreRejected() {
        ArrayDataset ds = new ArrayDataset(DATA, LABEL);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> ds.get(3));
        assertTrue(e.getMessage().contains("index 3") && e.getMessage().contains("size 3"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> ds.get(-4));
        assertThrows(IndexOutOfBoundsException.class, () -> ds.getBatch(0, 5));
        assertThrows(IllegalArgumentException.class, ds::getBatch);
    }

    @Test
    void labelsMustMatchTheData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ArrayDataset(DATA, NdArray.array(new long[] {1, 2})));
        assertTrue(e.getMessage().contains("[2]") && e.getMessage().contains("[3, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ArrayDataset(NdArray.scalar(1.0), null));
    }

    @Test
    void iteratesInOrderAndWithoutLabels() {
        List<Double> firsts = new ArrayList<>();
        for (Example e : new ArrayDataset(DATA, null)) {
            firsts.add(e.x().getFlat(0));
            assertNull(e.t());
        }
        assertEquals(List.of(1.0, 3.0, 5.0), firsts);
    }

    /** A dataset that only defines the per-example hooks: the default batch path stacks them. */
    @Test
    void customDatasetsGetBatchesFromTheirExamples() {
        Dataset squares = new Dataset(true, null, null) {
            @Override
            public int size() {
                return 4;
            }

            @Override
            protected NdArray data(int index) {
                return NdArray.full(index * index, DType.FLOAT32, 2);
            }

            @Override
            protected NdArray label(int index) {
                return NdArray.scalar((long) index);
            }
        };
        Batch b = squares.getBatch(3, 1);
        assertArrayEquals(new float[] {9, 9, 1, 1}, b.x().floatData());
        assertArrayEquals(new long[] {3, 1}, b.t().longData());
        assertEquals("(size=4, train=true)", squares.toString());
    }
}
