package dezero.functions;

import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;
import dezero.utils.GradientCheck;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Shared helpers of the function tests: seeded random arrays (java.util.Random, independent of
 * NdRandom), exact-ish comparison with hand-computed (NumPy-verified) values, and the gradient
 * checks of {@link GradientCheck}.
 */
final class FnTest {
    private FnTest() {
    }

    /** The binary-operator shape pairs every broadcasting op is checked on. */
    static final int[][][] BROADCAST_PAIRS = {
            {{2, 3}, {2, 3}},
            {{3, 1}, {1, 4}},
            {{2, 3}, {3}},
            {{}, {2, 3}},
            {{2, 3}, {}},
            {{2, 1, 3}, {4, 1}},
    };

    /** Uniform values in [lo, hi) from a {@code java.util.Random} with the given seed, float64. */
    static NdArray uniform(long seed, double lo, double hi, int... shape) {
        Random r = new Random(seed);
        double[] d = new double[Shapes.size(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = lo + (hi - lo) * r.nextDouble();
        }
        return NdArray.wrap(d, shape);
    }

    /** Uniform values in [-1, 1). */
    static NdArray rand(long seed, int... shape) {
        return uniform(seed, -1, 1, shape);
    }

    /** Magnitudes in [lo, hi) with random signs (keeps away from zero, e.g. for divisors). */
    static NdArray randAwayFromZero(long seed, double lo, double hi, int... shape) {
        Random r = new Random(seed);
        double[] d = new double[Shapes.size(shape)];
        for (int i = 0; i < d.length; i++) {
            double m = lo + (hi - lo) * r.nextDouble();
            d[i] = r.nextBoolean() ? m : -m;
        }
        return NdArray.wrap(d, shape);
    }

    /** float64 0, 1, 2, ... in the given shape (NumPy's {@code np.arange(n, dtype=float).reshape(shape)}). */
    static NdArray seq(int... shape) {
        double[] d = new double[Shapes.size(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = i;
        }
        return NdArray.wrap(d, shape);
    }

    static NdArray arr(double[] data, int... shape) {
        return NdArray.wrap(data.clone(), shape);
    }

    static Variable var(NdArray a) {
        return new Variable(a);
    }

    static Variable var(double[] data, int... shape) {
        return new Variable(arr(data, shape));
    }

    /** Shape, dtype float64 and values within 1e-13 relative (one or two ulps of libm differences). */
    static void assertValues(double[] expected, int[] shape, NdArray actual) {
        assertArrayEquals(shape, actual.shape(), () -> "shape: expected " + Shapes.str(shape) + " but got "
                + Shapes.str(actual.shape()));
        assertEquals(DType.FLOAT64, actual.dtype(), "dtype");
        double[] got = actual.toDoubleArray();
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-13 * Math.max(1.0, Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - got[i]) <= tol)) {
                fail("element " + i + ": expected " + expected[i] + " but got " + got[i] + "; expected "
                        + Arrays.toString(expected) + " got " + Arrays.toString(got));
            }
        }
    }

    static void assertValues(double[] expected, int[] shape, Variable actual) {
        assertValues(expected, shape, actual.data());
    }

    static void checkGrad(Function<Variable[], Variable> f, NdArray... xs) {
        GradientCheck.Result r = GradientCheck.check(f, xs);
        assertTrue(r.ok(), r::message);
    }

    static void checkSecondOrder(Function<Variable[], Variable> f, NdArray... xs) {
        GradientCheck.Result r = GradientCheck.checkSecondOrder(f, xs);
        assertTrue(r.ok(), r::message);
    }

    /** A readable label for a shape pair, for assertion messages. */
    static String pair(int[] a, int[] b) {
        return Shapes.str(a) + " and " + Shapes.str(b);
    }
}
