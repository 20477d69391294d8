package dezero.functions;

import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sigmoid's fused backward in float32 agrees with the float64 one and with y (1 - y) by hand. */
class SigmoidGradTest {
    @Test
    void float32BackwardMatchesFloat64AndTheFormula() {
        double[] xs = {-3, -0.5, 0, 0.25, 2, 7};
        NdArray x64 = NdArray.wrap(xs.clone(), 2, 3);
        Variable a = new Variable(x64);
        Variable b = new Variable(x64.astype(DType.FLOAT32));
        F.sigmoid(a).mul(a).sum().backward();
        F.sigmoid(b).mul(b).sum().backward();
        assertEquals(DType.FLOAT32, b.grad().dtype());
        for (int i = 0; i < xs.length; i++) {
            double s = 1 / (1 + Math.exp(-xs[i]));
            // d/dx (x * sigmoid(x)) = sigmoid + x * sigmoid * (1 - sigmoid)
            double want = s + xs[i] * s * (1 - s);
            assertEquals(want, a.grad().data().getFlat(i), 1e-12);
            assertEquals(want, b.grad().data().getFlat(i), 1e-6);
        }
    }
}
