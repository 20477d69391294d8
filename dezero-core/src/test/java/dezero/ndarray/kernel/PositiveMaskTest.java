package dezero.ndarray.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The branch-free sign mask of the fused ReLU loop ({@link Kernel#maskPositive}). */
class PositiveMaskTest {
    private static final double[] X = {-2, -0.0, 0.0, Double.MIN_VALUE, 1e-40, 3, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NaN, -Double.NaN, Double.MAX_VALUE, -Double.MIN_VALUE};

    @Test
    void positiveMaskMatchesTheComparisonOnEdgeValues() {
        for (double x : X) {
            assertEquals(x > 0 ? -1L : 0L, PlainKernel.positiveMask(Double.doubleToRawLongBits(x)), "double " + x);
            float f = (float) x;
            assertEquals(f > 0 ? -1 : 0, PlainKernel.positiveMask(Float.floatToRawIntBits(f)), "float " + f);
        }
        assertEquals(0, PlainKernel.positiveMask(0x7fc00000));
        assertEquals(0L, PlainKernel.positiveMask(0xfff8000000000000L));
    }
}
