package dezero.datasets;

import dezero.ndarray.DType;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SinCurveTest {
    /** Values from the reference recipe in NumPy 2.4: np.random.seed(0); sin(linspace(0, 2 pi, 1000)) + uniform(-0.05, 0.05, 1000). */
    @Test
    void trainingCurveMatchesNumPy() {
        NdRandom.seedGlobal(0);
        SinCurve train = new SinCurve(true);
        assertEquals(999, train.size());
        assertEquals(DType.FLOAT64, train.data().dtype());
        assertArrayEquals(new int[] {999, 1}, train.data().shape());
        assertArrayEquals(new int[] {999, 1}, train.label().shape());
        assertEquals(0.004881350392732478, train.get(0).x().item(), 1e-15);
        assertEquals(0.027808369953309695, train.get(0).t().item(), 1e-15);
        assertEquals(0.02285495544590544, train.get(2).x().item(), 1e-15);
        assertEquals(-0.022106649609754857, train.get(500).x().item(), 1e-15);
        assertEquals(-0.03342477821777386, train.get(998).x().item(), 1e-15);
        assertEquals(0.01771411441114217, train.get(998).t().item(), 1e-15);
        // the reference drew exactly 1,000 uniforms: the global stream continues with np.random.rand()
        assertEquals(0.5928802707811576, NdRandom.global().nextDouble());
    }

    @Test
    void testCurveIsTheCosineWithoutNoise() {
        SinCurve test = new SinCurve(false, new NdRandom(3));
        assertEquals(1.0, test.get(0).x().item());
        assertEquals(0.99998022, test.get(0).t().item(), 1e-8);
        assertEquals(1.0, test.get(-1).t().item(), 1e-15);
        for (int i = 0; i < test.size(); i++) {
            assertEquals(Math.cos(2 * Math.PI * i / 999), test.get(i).x().item(), 1e-12);
            assertEquals(test.get(i).t().item(), i + 1 < test.size() ? test.get(i + 1).x().item() : 1.0, 1e-15);
        }
    }
}
