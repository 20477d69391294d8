package dezero.spark;

import dezero.datasets.Batch;
import dezero.datasets.DataLoader;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces without Spark: batch order, shards, the sum tree, the flat layout. */
class PartsTest {

    @Test
    void theBatchOrderIsASeededDataLoaders() {
        List<Sample> data = TestSpark.samples(23, 1);
        DataLoader loader = new DataLoader(SingleJvmTrainer.dataset(data, new int[] {TestSpark.WIDTH}), 5, true,
                new NdRandom(9));
        BatchOrder order = new BatchOrder(23, 5, 9);
        assertEquals(5, order.perEpoch());
        for (int epoch = 0; epoch < 3; epoch++) {
            for (Batch b : loader) {
                int[] positions = order.next();
                assertEquals(epoch, order.epoch());
                long[] labels = b.t().longData();
                assertEquals(labels.length, positions.length);
                for (int k = 0; k < positions.length; k++) {
                    assertEquals(data.get(positions[k]).label(), labels[k]);
                    assertEquals(data.get(positions[k]).x()[0], b.x().get(k, 0), 0.0);
                }
            }
        }
        BatchOrder replayed = new BatchOrder(23, 5, 9);
        replayed.skip(11);
        BatchOrder straight = new BatchOrder(23, 5, 9);
        for (int i = 0; i < 11; i++) {
            straight.next();
        }
        assertArrayEquals(straight.next(), replayed.next());
    }

    @Test
    void aShardFindsItsShareOfABatchInBatchOrder() {
        List<Sample> mine = new ArrayList<>();
        for (int i : new int[] {7, 2, 9, 4}) {
            mine.add(new Sample(i, new float[] {i, -i}, i % 3));
        }
        ShardData d = ShardData.of(mine.iterator(), new int[] {2});
        assertArrayEquals(new int[] {2, 4, 7, 9}, d.indices());
        int[] rows = d.rowsOf(new int[] {9, 1, 4, 0, 2});
        assertArrayEquals(new float[] {9, -9, 4, -4, 2, -2}, d.inputs(rows).floatData());
        assertArrayEquals(new int[] {3, 2}, d.inputs(rows).shape());
        assertArrayEquals(new long[] {0, 1, 2}, d.labels(rows).longData());
        assertEquals(0, d.rowsOf(new int[] {0, 1}).length);
        assertThrows(IllegalArgumentException.class,
                () -> ShardData.of(List.of(new Sample(0, new float[3], 0)).iterator(), new int[] {2}));
    }

    @Test
    void thePartitionsMustHoldEachPositionOnce() {
        List<Sample> mine = new ArrayList<>();
        for (int i : new int[] {5, 3, 4, 9, 0}) {
            mine.add(new Sample(i, new float[] {i}, 0));
        }
        assertArrayEquals(new int[] {0, 1, 3, 3, 9, 1}, ShardData.of(mine.iterator(), new int[] {1}).runs());
        assertEquals(0, ShardData.of(List.<Sample>of().iterator(), new int[] {1}).runs().length);
        assertEquals(10, SparkShards.checkPositions(List.of(new int[] {0, 1, 3, 3, 9, 1}, new int[] {1, 2, 6, 3})));
        assertThrows(IllegalArgumentException.class,
                () -> SparkShards.checkPositions(List.of(new int[] {0, 5}, new int[] {4, 2})), "4 twice");
        assertThrows(IllegalArgumentException.class,
                () -> SparkShards.checkPositions(List.of(new int[] {0, 5}, new int[] {6, 2})), "5 missing");
        assertThrows(IllegalArgumentException.class,
                () -> SparkShards.checkPositions(List.of(new int[0], new int[0])), "no samples");
    }

    private static ShardGradient leaf(int node, float value) {
        return new ShardGradient(node, 1, value, FlatVector.of(new float[] {value}), new boolean[] {true}, node);
    }

    @Test
    void theSumTreeAddsConsecutiveGroupsInNodeOrder() {
        assertEquals(8, SumTree.fanIn(8, 1));
        assertEquals(3, SumTree.fanIn(8, 2));
        assertEquals(2, SumTree.fanIn(8, 3));
        assertEquals(0, SumTree.executorLevels(8, 1));
        assertEquals(1, SumTree.executorLevels(8, 2));
        assertEquals(2, SumTree.executorLevels(8, 3));
        // float32 spacing at 1e8 is 8: added one by one the 4s vanish, added in groups first they count
        float[] v = {1e8f, 4f, 4f, 4f, 4f, 4f, 4f, 4f};
        List<ShardGradient> leaves = new ArrayList<>();
        for (int i = v.length - 1; i >= 0; i--) {
            leaves.add(leaf(i, v[i]));
        }
        float depth1 = ((((((v[0] + v[1]) + v[2]) + v[3]) + v[4]) + v[5]) + v[6]) + v[7];
        float depth2 = (((v[0] + v[1]) + v[2]) + ((v[3] + v[4]) + v[5])) + (v[6] + v[7]);
        assertEquals(depth1, (float) SumTree.reduce(leaves, 1).grad().get(0));
        assertEquals(depth2, (float) SumTree.reduce(leaves, 2).grad().get(0));
        assertTrue(depth1 != depth2, "the example tells the shapes apart");
        assertEquals(7, SumTree.reduce(leaves, 3).computeNanos());
        assertEquals(8, SumTree.reduce(leaves, 2).examples());
    }

    @Test
    void emptySharesAddNothing() {
        List<ShardGradient> parts = List.of(ShardGradient.empty(0, 1), leaf(1, 2f), ShardGradient.empty(2, 1));
        ShardGradient s = SumTree.reduce(parts, 1);
        assertEquals(1, s.examples());
        assertEquals(2.0, s.grad().get(0));
    }

    @Test
    void theLayoutRoundTripsWeightsAndGradients() {
        var model = TestSpark.initialModel(DType.FLOAT64, 3);
        ParamLayout layout = ParamLayout.of(model);
        assertEquals(List.of("l0/W", "l0/b", "l1/W", "l1/b"), layout.names());
        assertEquals(8 * 10 + 10 + 10 * 3 + 3, layout.size());
        assertEquals(layout.size() * 8L, layout.bytes());
        FlatVector w = layout.weights(model);
        var fresh = TestSpark.factory().create();
        layout.setWeights(fresh, w);
        assertTrue(w.bitwiseEquals(layout.weights(fresh)));
        boolean[] has = {true, false, true, true};
        layout.setGradients(fresh, w, has);
        boolean[] back = new boolean[4];
        FlatVector g = layout.gradients(fresh, back);
        assertArrayEquals(has, back);
        assertEquals(0.0, g.get(80), "l0/b had no gradient");
        assertEquals(w.get(0), g.get(0));
        assertThrows(IllegalArgumentException.class, () -> ParamLayout.of(TestSpark.factory().create()),
                "lazily sized layers have no weights before the first call");
        NdArray mixed = NdArray.zeros(DType.FLOAT32, 3);
        model.flattenParams().get("l1/b").setData(mixed);
        assertThrows(IllegalArgumentException.class, () -> ParamLayout.of(model));
    }
}
