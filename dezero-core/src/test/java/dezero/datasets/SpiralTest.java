package dezero.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpiralTest {
    private static void assertSameData(String caseName, Spiral s) {
        JsonNode results = TrainingGolden.testCase(caseName).get("results");
        NdArray x = TrainingGolden.tensor(results.get("x"));
        NdArray t = TrainingGolden.tensor(results.get("t"));
        assertEquals(DType.FLOAT32, s.data().dtype());
        assertEquals(DType.INT64, s.label().dtype());
        assertArrayEquals(x.shape(), s.data().shape());
        assertArrayEquals(x.floatData(), s.data().floatData(), 0f, caseName + ": x differs from the reference");
        assertArrayEquals(t.longData(), s.label().longData(), caseName + ": t differs from the reference");
    }

    @Test
    void trainAndTestDataEqualTheReference() {
        assertSameData("spiral_dataset_train", new Spiral(true));
        assertSameData("spiral_dataset_test", new Spiral(false));
        assertSameData("spiral_dataset_train", new Spiral(true, new NdRandom(7)));
    }

    @Test
    void aPrivateGeneratorLeavesTheGlobalOneAlone() {
        NdRandom.seedGlobal(5);
        double expected = new NdRandom(5).nextDouble();
        new Spiral(true, new NdRandom());
        assertEquals(expected, NdRandom.global().nextDouble());
    }

    @Test
    void classesAreBalancedAndPointsInTheUnitDisc() {
        Spiral s = new Spiral(true);
        assertEquals(300, s.size());
        long[] counts = new long[3];
        for (Example e : s) {
            counts[(int) e.t().item()]++;
            double r = Math.hypot(e.x().getFlat(0), e.x().getFlat(1));
            assertTrue(r < 1.0, "radius " + r);
        }
        assertArrayEquals(new long[] {100, 100, 100}, counts);
    }

    /**
     * step50.py: Spiral(train) and Spiral(test) reseed the global generator; the DataLoader draws the
     * first order at construction, the MLP((10, 3)) draws its weights at the first forward pass
     * (randn(2, 10), randn(10, 3)), and every later order is drawn when an epoch ends. Replaying that
     * sequence gives every recorded epoch order.
     */
    @Test
    void loaderOrdersReplayTheReferenceStep50Run() {
        JsonNode perms = TrainingGolden.testCase("spiral_mlp_sgd_300_epochs").get("results").get("epoch_permutations");
        NdRandom.seedGlobal(0);
        Spiral train = new Spiral(true);
        new Spiral(false);
        DataLoader loader = new DataLoader(train, 30);
        assertEquals(300, perms.size());
        for (int epoch = 0; epoch < perms.size(); epoch++) {
            int[] order = TrainingGolden.ints(perms.get(epoch));
            int k = 0;
            for (Batch b : loader) {
                if (epoch == 0 && k == 0) {
                    NdRandom.global().randn(2, 10);
                    NdRandom.global().randn(10, 3);
                }
                int[] expected = Arrays.copyOfRange(order, k * 30, k * 30 + 30);
                assertArrayEquals(train.getBatch(expected).x().floatData(), b.x().floatData(), 0f,
                        "epoch " + epoch + " batch " + k);
                assertArrayEquals(train.getBatch(expected).t().longData(), b.t().longData());
                k++;
            }
            assertEquals(10, k);
        }
    }
}
