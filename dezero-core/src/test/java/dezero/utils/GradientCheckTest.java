package dezero.utils;

import dezero.Function;
import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientCheckTest {
    /** sin with a deliberately wrong backward: gy * cos(x) * 1.01. */
    static final class SlightlyWrongSin extends Function {
        @Override
        protected NdArray forward(NdArray... xs) {
            return xs[0].sin();
        }

        @Override
        protected Variable[] backward(Variable gy) {
            return grads(gy.mul(F.cos(input(0))).mul(1.01));
        }
    }

    /** Transposes correctly but returns the gradient reshaped instead of transposed back. */
    static final class ReshapingTranspose extends Function {
        @Override
        protected NdArray forward(NdArray... xs) {
            return xs[0].transpose();
        }

        @Override
        protected Variable[] backward(Variable gy) {
            return grads(F.reshape(gy, input(0).shape()));
        }
    }

    /** Square whose backward is right to first order but is not differentiable correctly: 2 * x.data * gy. */
    static final class FlatSquare extends Function {
        @Override
        protected NdArray forward(NdArray... xs) {
            return xs[0].square();
        }

        @Override
        protected Variable[] backward(Variable gy) {
            // uses x's data as a constant, so the second derivative through this backward is lost
            return grads(Variable.constant(input(0).data().mul(2.0)).mul(gy));
        }
    }

    private static NdArray x23() {
        return NdArray.array(new double[][] {{0.1, -0.5, 0.9}, {1.3, -1.1, 0.2}});
    }

    @Test
    void correctGradientsPass() {
        GradientCheck.Result r = GradientCheck.check(xs -> F.tanh(F.matmul(xs[0], xs[1]).add(xs[2])), x23(),
                NdArray.array(new double[][] {{0.3, -0.2}, {0.1, 0.4}, {-0.7, 0.5}}),
                NdArray.array(new double[] {0.05, -0.05}));
        assertTrue(r.ok(), r.message());
        assertEquals(3, r.maxAbsError().length);
        for (double e : r.maxAbsError()) {
            assertTrue(e < 1e-8, r.message());
        }
        assertTrue(r.message().startsWith("gradients match"), r.message());
    }

    @Test
    void aWrongBackwardIsCaughtWithInputShapeAndPosition() {
        GradientCheck.Result r = GradientCheck.check(xs -> new SlightlyWrongSin().apply(xs[0]), x23());
        assertFalse(r.ok());
        String m = r.message();
        assertTrue(m.contains("input 0") && m.contains("(2, 3)") && m.contains("at ("), m);
        assertTrue(m.matches("(?s).*at \\([01], [0-2]\\) backprop gives .* but the central difference gives .*"), m);
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradientCheck.assertGradients(xs -> new SlightlyWrongSin().apply(xs[0]), x23()));
        assertEquals(m, e.getMessage());
    }

    @Test
    void aPermutedGradientIsCaughtThanksToRandomWeights() {
        // with an all-ones seed the reshaped gradient is all ones as well: indistinguishable
        GradientCheck.Result plain = GradientCheck.check(GradientCheck.Options.defaults().weighted(false),
                xs -> new ReshapingTranspose().apply(xs[0]), x23());
        assertTrue(plain.ok(), plain.message());
        GradientCheck.Result weighted = GradientCheck.check(xs -> new ReshapingTranspose().apply(xs[0]), x23());
        assertFalse(weighted.ok(), weighted.message());
    }

    @Test
    void theFailingInputIsNamed() {
        // y = a * wrongSin(b): only input 1 is wrong
        GradientCheck.Result r = GradientCheck.check(xs -> F.mul(xs[0], new SlightlyWrongSin().apply(xs[1])),
                NdArray.array(new double[] {1, 2, 3}), NdArray.array(new double[] {0.1, 0.2, 0.3}));
        assertFalse(r.ok());
        assertTrue(r.message().contains("input 1 of shape (3,)"), r.message());
        assertTrue(r.maxAbsError(0) < 1e-8, r.message());
        assertTrue(r.maxAbsError(1) > 1e-3, r.message());
    }

    @Test
    void secondOrderPassesForCorrectFunctionsAndCatchesABackwardThatDropsTheGraph() {
        NdArray x = NdArray.array(new double[] {0.3, -1.2, 2.0});
        assertTrue(GradientCheck.checkSecondOrder(xs -> F.square(xs[0]), x).ok());
        assertTrue(GradientCheck.checkSecondOrder(xs -> F.sin(F.mul(xs[0], xs[1])), x,
                NdArray.array(new double[] {0.5, 0.25, -1})).ok());
        // FlatSquare's first-order gradient is right...
        assertTrue(GradientCheck.check(xs -> new FlatSquare().apply(xs[0]), x).ok());
        // ...but its second order is 0 instead of 2
        GradientCheck.Result r = GradientCheck.checkSecondOrder(xs -> new FlatSquare().apply(xs[0]), x);
        assertFalse(r.ok());
        assertTrue(r.message().startsWith("second-order gradient check failed for input 0 of shape (3,)"),
                r.message());
        assertThrows(AssertionError.class,
                () -> GradientCheck.assertSecondOrder(xs -> new FlatSquare().apply(xs[0]), x));
    }

    @Test
    void secondOrderChecksTheBackwardOfTheBackwardNotTheFirstOrderItself() {
        // a wrong but differentiable first derivative is differentiated consistently: only check() catches it
        GradientCheck.Result r = GradientCheck.checkSecondOrder(xs -> new SlightlyWrongSin().apply(xs[0]), x23());
        assertTrue(r.ok(), r.message());
        assertFalse(GradientCheck.check(xs -> new SlightlyWrongSin().apply(xs[0]), x23()).ok());
    }

    @Test
    void inputsAreNotModifiedAndIntInputsAreConverted() {
        NdArray x = x23();
        double[] before = x.toDoubleArray();
        GradientCheck.assertGradients(xs -> F.exp(xs[0]), x);
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(x.toDoubleArray()));
        GradientCheck.assertGradients(xs -> F.mul(xs[0], xs[0]), NdArray.array(new long[] {1, 2, 3}));
    }

    @Test
    void unusedInputsHaveZeroGradient() {
        GradientCheck.Result r = GradientCheck.check(xs -> F.sin(xs[0]), x23(), x23());
        assertTrue(r.ok(), r.message());
        assertEquals(0.0, r.maxAbsError(1), 0.0);
    }

    @Test
    void identityAndConstantFunctions() {
        assertTrue(GradientCheck.check(xs -> xs[0], x23()).ok());
        assertTrue(GradientCheck.checkSecondOrder(xs -> xs[0], x23()).ok());
        assertTrue(GradientCheck.check(xs -> Variable.constant(NdArray.ones(2)), x23()).ok());
    }

    @Test
    void tolerancesAreConfigurable() {
        // a 1% error passes with rtol 0.05 (cos values here are at most 1)
        GradientCheck.Result r = GradientCheck.check(xs -> new SlightlyWrongSin().apply(xs[0]), 0.05, 1e-6, 1e-6,
                x23());
        assertTrue(r.ok(), r.message());
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.Options.defaults().eps(0));
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.Options.defaults().rtol(-1));
    }

    @Test
    void nanGradientFails() {
        GradientCheck.Result r = GradientCheck.check(xs -> F.log(xs[0]), NdArray.array(new double[] {-1.0, 1.0}));
        assertFalse(r.ok(), r.message());
    }

    @Test
    void positionFormatting() {
        assertEquals("(1, 2)", GradientCheck.position(5, new int[] {2, 3}));
        assertEquals("(4,)", GradientCheck.position(4, new int[] {6}));
        assertEquals("()", GradientCheck.position(0, new int[0]));
    }
}
