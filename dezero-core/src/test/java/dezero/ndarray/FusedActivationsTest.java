package dezero.ndarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fused activation loops (ReLU's mask, the logistic slope): hand values, the fallbacks. */
class FusedActivationsTest {
    @Test
    void maskedByPositiveByHand() {
        NdArray x = NdArray.array(new double[] {-1, -0.0, 0, 2, 1e-300, Double.NaN}).reshape(2, 3);
        NdArray g = NdArray.array(new double[] {5, Double.POSITIVE_INFINITY, Double.NaN, 7, -3, 4}).reshape(2, 3);
        for (DType t : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            NdArray out = g.astype(t).maskedByPositive(x.astype(t));
            assertEquals(t, out.dtype());
            assertArrayEquals(new int[] {2, 3}, out.shape());
            // 1e-300 is 0 in float32
            double tiny = t == DType.FLOAT64 ? -3 : 0;
            double[] want = {0, 0, 0, 7, tiny, 0};
            for (int i = 0; i < 6; i++) {
                assertEquals(want[i], out.getFlat(i), 0.0, t + " at " + i);
                assertEquals(0, Double.compare(Math.abs(want[i]), Math.abs(out.getFlat(i))), "no -0 or NaN at " + i);
            }
        }
        // another shape broadcasts as gy * (x > 0) does
        NdArray b = NdArray.array(new double[] {2, 3, 4}).maskedByPositive(x);
        assertTrue(NdArray.array(new double[] {0, 0, 0, 2, 3, 0}).reshape(2, 3).contentEquals(b));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NdArray.ones(4).maskedByPositive(x));
        assertTrue(e.getMessage().contains("(4,)") && e.getMessage().contains("(2, 3)"), e.getMessage());
    }

    @Test
    void logisticSlopeTimesByHandAndAsTheArrayOperations() {
        NdArray y = NdArray.array(new double[] {0.5, 0.25, 0.9, 0.0});
        NdArray gy = NdArray.array(new double[] {2, 4, 1, 3});
        NdArray out = y.logisticSlopeTimes(gy);
        assertArrayEquals(new double[] {0.5, 0.75, 0.9 * (1 - 0.9), 0}, out.doubleData(), 1e-15);
        NdRandom rnd = new NdRandom(7);
        for (DType t : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            NdArray yy = rnd.rand(t, 37, 5);
            NdArray gg = rnd.randn(37, 5).astype(t);
            assertTrue(gg.mul(yy).mul(yy.rsub(1.0)).contentEquals(yy.logisticSlopeTimes(gg)), t + ": bit for bit");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> y.logisticSlopeTimes(NdArray.ones(3)));
        assertTrue(e.getMessage().contains("(3,)") && e.getMessage().contains("(4,)"), e.getMessage());
    }
}
