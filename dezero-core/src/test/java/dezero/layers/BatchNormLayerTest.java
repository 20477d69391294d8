package dezero.layers;

import dezero.Config;
import dezero.Variable;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchNormLayerTest {
    @Test
    void parametersAreCreatedAtTheFirstCallAndRunningAveragesMove() {
        BatchNorm bn = new BatchNorm();
        assertNull(bn.gamma().data());
        NdArray x = NdArray.array(new double[][] {{1, 10}, {3, 30}});
        Variable y = bn.apply(x);
        // batch mean (2, 20); biased var (1, 100); unbiased factor 2
        assertTrue(NdArray.array(new double[] {0.2, 2.0}).sub(bn.avgMean().data()).abs().max().item() < 1e-15);
        assertTrue(NdArray.array(new double[] {0.9 + 0.2, 0.9 + 20}).sub(bn.avgVar().data()).abs().max().item() < 1e-12);
        assertTrue(NdArray.ones(2).contentEquals(bn.gamma().data()));
        assertTrue(Math.abs(y.data().get(0, 1) + 1) < 1e-5, "normalised to -1");
        assertEquals(List.of("avg_mean", "avg_var", "gamma", "beta"), List.copyOf(bn.flattenParams().keySet()));
        y.mul(y).sum().backward();
        assertNull(bn.avgMean().grad(), "running averages never get a gradient");
        assertTrue(bn.gamma().grad() != null);
    }

    @Test
    void testModeUsesTheRunningAverages() {
        BatchNorm bn = new BatchNorm();
        NdArray x = NdArray.array(new double[][] {{1, 10}, {3, 30}});
        bn.apply(x);
        NdArray before = bn.avgMean().data().copy();
        Variable y;
        try (Config.Scope s = Config.testMode()) {
            y = bn.apply(x);
        }
        assertTrue(before.contentEquals(bn.avgMean().data()));
        double expected = (1 - 0.2) / Math.sqrt(1.1 + 2e-5);
        assertEquals(expected, y.data().get(0, 0), 1e-15);
    }

    @Test
    void fourDimensionalInputIsPerChannel() {
        BatchNorm bn = new BatchNorm();
        Variable y = bn.apply(NdArray.arange(24).astype(dezero.ndarray.DType.FLOAT64).reshape(2, 3, 2, 2));
        assertArrayEquals(new int[] {2, 3, 2, 2}, y.shape());
        assertArrayEquals(new int[] {3}, bn.avgMean().shape());
        assertThrows(IllegalArgumentException.class, () -> bn.apply(NdArray.ones(2, 3, 4)));
    }
}
