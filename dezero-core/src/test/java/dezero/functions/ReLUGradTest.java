package dezero.functions;

import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** ReLU's fused backward in both float types (the mask itself: FusedActivationsTest, PositiveMaskTest). */
class ReLUGradTest {
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
