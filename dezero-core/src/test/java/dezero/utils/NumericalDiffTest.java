package dezero.utils;

import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NumericalDiffTest {
    @Test
    void squareAtTwoIsFour() {
        // DeZero step 4: numerical_diff(Square(), Variable(np.array(2.0))) = 4.000000000004
        NdArray d = NumericalDiff.numericalDiff(F::square, Variable.of(2.0), 1e-4);
        assertArrayEquals(new int[0], d.shape());
        assertEquals(4.0, d.item(), 1e-8);
        assertEquals(4.0, NumericalDiff.numericalDiff(F::square, Variable.of(2.0)).item(), 1e-8);
    }

    @Test
    void compositeOfStep4() {
        // f(x) = square(exp(square(x))) at 0.5: 3.2974426293330694 numerically in the book
        NdArray d = NumericalDiff.numericalDiff(x -> F.square(F.exp(F.square(x))), Variable.of(0.5), 1e-4);
        assertEquals(3.297442541400256, d.item(), 1e-6);
    }

    @Test
    void elementWiseOnAnArrayAndInputUntouched() {
        double[] data = {1, -2, 3, 0.5};
        NdArray x = NdArray.wrap(data.clone(), 2, 2);
        NdArray d = NumericalDiff.numericalDiff(v -> F.mul(v, v), new Variable(x), 1e-6);
        assertArrayEquals(new int[] {2, 2}, d.shape());
        assertEquals(DType.FLOAT64, d.dtype());
        double[] g = d.toDoubleArray();
        for (int i = 0; i < 4; i++) {
            assertEquals(2 * data[i], g[i], 1e-7);
        }
        assertArrayEquals(data, x.toDoubleArray(), 0.0);
    }

    @Test
    void sumsNonScalarOutputs() {
        // f(x) = broadcast x (a scalar) to (2, 3): d sum f / dx = 6
        NdArray d = NumericalDiff.numericalDiff(v -> F.broadcastTo(v, 2, 3), Variable.of(1.5), 1e-6);
        assertEquals(6.0, d.item(), 1e-7);
    }

    @Test
    void float32InputIsDifferentiatedInFloat64() {
        NdArray x = NdArray.array(new float[] {2f});
        NdArray d = NumericalDiff.numericalDiff(F::square, new Variable(x), 1e-6);
        assertEquals(DType.FLOAT64, d.dtype());
        assertEquals(4.0, d.item(), 1e-7);
    }

    @Test
    void noGraphIsRecorded() {
        Variable[] seen = new Variable[1];
        NumericalDiff.numericalDiff(v -> seen[0] = F.sin(v), Variable.of(1.0), 1e-4);
        assertNull(seen[0].creator());
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> NumericalDiff.numericalDiff(F::square, Variable.of(1), 0));
        assertThrows(IllegalArgumentException.class,
                () -> NumericalDiff.numericalDiff(F::square, new Variable(null), 1e-4));
    }
}
