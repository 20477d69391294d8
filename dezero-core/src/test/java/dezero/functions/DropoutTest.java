package dezero.functions;

import dezero.Config;
import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.seq;
import static dezero.functions.FnTest.var;
import static dezero.functions.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** F.dropout: inverted dropout in train mode with NumPy's legacy random stream, identity in test mode. */
class DropoutTest {
    @Test
    void seededGlobalGeneratorGivesDeZerosMask() {
        // DeZero: np.random.seed(0); F.dropout(Variable(np.ones(10))) -- np.random.rand(10) is
        // [0.549 0.715 0.603 0.545 0.424 0.646 0.438 0.892 0.964 0.383], kept where > 0.5, times 2.
        NdRandom.seedGlobal(0);
        Variable x = var(NdArray.ones(10));
        Variable y = F.dropout(x);
        double[] expected = {2, 2, 2, 2, 0, 2, 0, 2, 2, 0};
        assertValues(expected, new int[] {10}, y);
        y.backward();
        assertValues(expected, new int[] {10}, x.grad());
    }

    @Test
    void ownGeneratorIsRandomStateAndKeepsFloat32() {
        // DeZero: np.random.seed(1); F.dropout(Variable(np.arange(6.).reshape(2, 3).astype(np.float32)), 0.3)
        Variable x = var(seq(2, 3).astype(DType.FLOAT32));
        Variable y = F.dropout(x, 0.3, new NdRandom(1));
        assertEquals(DType.FLOAT32, y.dtype());
        assertArrayEquals(new float[] {0f, 1.4285715f, 0f, 4.285714f, 0f, 0f}, y.data().toFloatArray());
        y.backward();
        assertEquals(DType.FLOAT32, x.grad().dtype());
        // np.random.seed(1); np.random.rand(6) > 0.3 keeps elements 0, 1 and 3 (x[0] is 0 itself).
        assertArrayEquals(new float[] {1.4285715f, 1.4285715f, 0f, 1.4285715f, 0f, 0f}, x.grad().data().toFloatArray());
    }

    @Test
    void testModeReturnsTheInputItself() {
        Variable x = var(rand(3100, 2, 3));
        try (Config.Scope s = Config.testMode()) {
            assertSame(x, F.dropout(x, 0.5));
        }
        assertNotSame(x, F.dropout(x, 0.5, new NdRandom(0)));
    }

    @Test
    void ratioZeroInTrainModeIsANewNodeEqualToX() {
        Variable x = var(rand(3101, 2, 3));
        Variable y = F.dropout(x, 0.0, new NdRandom(3));
        assertNotNull(y.creator());
        assertArrayEquals(x.data().toDoubleArray(), y.data().toDoubleArray(), 0.0);
    }

    @Test
    void dropsAboutTheRatioAndKeepsTheMean() {
        Variable x = var(NdArray.ones(100_000));
        double[] y = F.dropout(x, 0.3, new NdRandom(7)).data().toDoubleArray();
        int dropped = 0;
        double sum = 0;
        for (double v : y) {
            assertTrue(v == 0.0 || v == 1.0 / 0.7, "every element is 0 or 1 / (1 - ratio): " + v);
            dropped += v == 0.0 ? 1 : 0;
            sum += v;
        }
        // Binomial(100000, 0.3): standard deviation 145, so 1% is more than six of them.
        assertEquals(0.3, dropped / 100_000.0, 0.01);
        assertEquals(1.0, sum / 100_000.0, 0.02);
    }

    @Test
    void noGradStillDropsInTrainMode() {
        Variable x = var(NdArray.ones(10));
        try (Config.Scope s = Config.noGrad()) {
            Variable y = F.dropout(x, 0.5, new NdRandom(0));
            assertNull(y.creator());
            // the mask of seed 0 (see above) drops elements 4, 6 and 9
            assertEquals(3.0, y.data().eq(0.0).astype(DType.FLOAT64).sum().item());
        }
    }

    @Test
    void gradientChecks() {
        // A fresh generator with the same seed per evaluation fixes the mask across the finite differences.
        checkGrad(xs -> F.dropout(xs[0], 0.4, new NdRandom(5)), rand(3110, 3, 4));
        checkGrad(xs -> F.dropout(F.tanh(xs[0]).mul(xs[1]), 0.25, new NdRandom(6)), rand(3111, 2, 3), rand(3112, 3));
        checkSecondOrder(xs -> F.dropout(F.tanh(xs[0]), 0.4, new NdRandom(5)), rand(3113, 3, 4));
    }

    @Test
    void badArgumentsAreRejected() {
        Variable x = var(seq(2, 3));
        rejects(IllegalArgumentException.class, () -> F.dropout(x, 1.0), "dropout", "[0, 1)", "1.0");
        rejects(IllegalArgumentException.class, () -> F.dropout(x, -0.1), "dropout", "-0.1");
        rejects(IllegalArgumentException.class, () -> F.dropout(x, Double.NaN), "dropout", "NaN");
        try (Config.Scope s = Config.testMode()) {
            rejects(IllegalArgumentException.class, () -> F.dropout(x, 1.5), "dropout", "1.5");
        }
        rejects(IllegalArgumentException.class, () -> F.dropout(var(NdArray.arange(4)), 0.5),
                "dropout", "int64", "(4,)");
    }
}
