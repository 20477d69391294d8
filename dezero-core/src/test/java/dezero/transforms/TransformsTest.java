package dezero.transforms;

import dezero.ndarray.DType;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransformsTest {
    @Test
    void normalizeWithScalars() {
        NdArray x = NdArray.array(new float[] {0, 51, 255});
        NdArray y = new Normalize(0.0, 255.0).apply(x);
        assertEquals(DType.FLOAT32, y.dtype(), "a float32 example stays float32 (weak scalars)");
        assertArrayEquals(new float[] {0f, 0.2f, 1f}, y.floatData());
        NdArray ints = new Normalize(1.0, 2.0).apply(NdArray.array(new long[] {1, 2, 5}));
        assertEquals(DType.FLOAT64, ints.dtype());
        assertArrayEquals(new double[] {0, 0.5, 2}, ints.doubleData());
        assertSame(x.dtype(), new Normalize().apply(x).dtype());
        assertArrayEquals(x.floatData(), new Normalize().apply(x).floatData());
    }

    @Test
    void normalizePerChannel() {
        // (x - [1, 2]) / [1, 4] over a (2, 1, 2) image
        NdArray x = NdArray.wrap(new double[] {1, 3, 2, 10}, 2, 1, 2);
        NdArray y = new Normalize(new double[] {1, 2}, new double[] {1, 4}).apply(x);
        assertArrayEquals(new int[] {2, 1, 2}, y.shape());
        assertArrayEquals(new double[] {0, 2, 0, 2}, y.doubleData());
        NdArray f = new Normalize(new double[] {0.5, 0.25}, new double[] {0.5}).apply(x.astype(DType.FLOAT32));
        assertEquals(DType.FLOAT32, f.dtype());
        assertArrayEquals(new float[] {1, 5, 3.5f, 19.5f}, f.floatData());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Normalize(new double[] {1, 2, 3}, new double[] {1}).apply(x));
        assertTrue(e.getMessage().contains("3 per-channel mean") && e.getMessage().contains("[2, 1, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Normalize(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Normalize(new double[0], new double[] {1}));
    }

    @Test
    void flattenAndTypes() {
        NdArray img = NdArray.arange(12).reshape(3, 2, 2);
        assertArrayEquals(new int[] {12}, new Flatten().apply(img).shape());
        assertArrayEquals(new int[] {3, 4}, new Flatten().applyBatch(img).shape());
        NdArray d = NdArray.array(new double[] {1.7, -2.5});
        assertEquals(DType.FLOAT32, new ToFloat().apply(d).dtype());
        assertEquals(DType.FLOAT64, new ToFloat(DType.FLOAT64).apply(d.astype(DType.FLOAT32)).dtype());
        assertArrayEquals(new long[] {1, -2}, new ToInt().apply(d).longData());
        assertEquals(DType.FLOAT32, new AsType().dtype());
        assertEquals(DType.BOOL, new AsType(DType.BOOL).apply(d).dtype());
        assertThrows(IllegalArgumentException.class, () -> new ToFloat(DType.INT64));
    }

    @Test
    void composeAppliesInOrder() {
        Transform plusOne = x -> x.add(1.0);
        Transform twice = x -> x.mul(2.0);
        NdArray x = NdArray.array(new double[] {1, 2});
        assertArrayEquals(new double[] {4, 6}, new Compose(plusOne, twice).apply(x).doubleData());
        assertArrayEquals(new double[] {3, 5}, twice.andThen(plusOne).apply(x).doubleData());
        assertSame(x, new Compose().apply(x));
        assertEquals(2, new Compose(List.of(plusOne, twice)).transforms().size());
        assertThrows(NullPointerException.class, () -> new Compose(plusOne, null));
        assertSame(x, Transform.identity().apply(x));
    }

    @Test
    void referenceMnistPipeline() {
        NdArray img = NdArray.full(51, DType.INT64, 1, 28, 28);
        NdArray y = new Compose(new Flatten(), new ToFloat(), new Normalize(0.0, 255.0)).apply(img);
        assertArrayEquals(new int[] {784}, y.shape());
        assertEquals(DType.FLOAT32, y.dtype());
        assertEquals(0.2f, y.floatData()[0]);
    }

    /** Every built-in transform's batch form equals applying it to each example and stacking. */
    @Test
    void batchFormsEqualPerExampleApplication() {
        NdArray batch = new NdRandom(3).uniform(0, 255, 4, 3, 6, 5).astype(DType.FLOAT32);
        NdArray intBatch = batch.astype(DType.INT64);
        List<Transform> all = List.of(
                new Flatten(), new ToFloat(DType.FLOAT64), new ToInt(), new AsType(DType.FLOAT32),
                new Normalize(10.0, 3.0), new Normalize(new double[] {1, 2, 3}, new double[] {2, 3, 4}),
                new Resize(3, 4), new Resize(9, 11), new CenterCrop(3, 2), new CenterCrop(7),
                new Compose(new CenterCrop(4), new Normalize(new double[] {5, 6, 7}, new double[] {1}), new Flatten()),
                Transform.identity(), new ToArray());
        for (NdArray b : new NdArray[] {batch, intBatch}) {
            for (Transform t : all) {
                List<NdArray> each = new ArrayList<>();
                for (int i = 0; i < b.shape(0); i++) {
                    each.add(t.apply(b.getItem(Index.at(i))));
                }
                NdArray expected = NdArray.stack(each, 0);
                NdArray actual = t.applyBatch(b);
                assertEquals(expected.dtype(), actual.dtype(), t + " on " + b.dtype());
                assertArrayEquals(expected.shape(), actual.shape(), t.toString());
                assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), t + " on " + b.dtype());
            }
        }
    }

    @Test
    void defaultBatchFormRejectsDegenerateBatches() {
        Transform lambda = x -> x;
        assertThrows(IllegalArgumentException.class, () -> lambda.applyBatch(NdArray.scalar(1.0)));
        assertThrows(IllegalArgumentException.class, () -> lambda.applyBatch(NdArray.zeros(0, 3)));
    }
}
