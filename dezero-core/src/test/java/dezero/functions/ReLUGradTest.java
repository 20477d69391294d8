package dezero.functions;

import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** ReLU's fused backward: the branch-free mask on the edge values of both float types. */
class ReLUGradTest {
    private static final double[] X = {-2, -0.0, 0.0, Double.MIN_VALUE, 1e-40, 3, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NaN, -Double.NaN, Double.MAX_VALUE, -Double.MIN_VALUE};

    @Test
    void positiveMaskMatchesTheComparisonOnEdgeValues() {
        for (double x : X) {
            assertEquals(x > 0 ? -1L : 0L, ReLUGrad.positiveMask(Double.doubleToRawLongBits(x)), "double " + x);
            float f = (float) x;
            assertEquals(f > 0 ? -1 : 0, ReLUGrad.positiveMask(Float.floatToRawIntBits(f)), "float " + f);
        }
        assertEquals(0, ReLUGrad.positiveMask(Float.floatToRawIntBits(Float.intBitsToFloat(0x7fc00000))));
        assertEquals(0L, ReLUGrad.positiveMask(Double.doubleToRawLongBits(Double.longBitsToDouble(0xfff8000000000000L))));
    }

    @Test
    void backwardPassesTheGradientWherePositive() {
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Variable x = new Variable(NdArray.wrap(new double[] {-1.5, 0, 2, 0.25, -3, 7}, 2, 3).astype(t));
            Variable y = F.relu(x);
            y.backward();
            assertEquals(t, x.grad().dtype());
            double[] g = new double[6];
            for (int i = 0; i < 6; i++) {
                g[i] = x.grad().data().getFlat(i);
            }
            assertArrayEquals(new double[] {0, 0, 1, 1, 0, 1}, g, 0.0, t.toString());
        }
    }
}
