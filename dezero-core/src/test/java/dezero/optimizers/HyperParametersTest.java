package dezero.optimizers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Hyper-parameters out of range are refused when the optimizer or hook is made, naming them (issue 13, item 11). */
class HyperParametersTest {
    private static void refused(String message, Executable make) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, make).getMessage());
    }

    @Test
    void learningRatesMustBeFiniteAndNotNegative() {
        refused("SGD: lr must be a finite number >= 0, got NaN", () -> new SGD(Double.NaN));
        refused("SGD: lr must be a finite number >= 0, got -0.1", () -> new SGD(-0.1));
        refused("SGD: lr must be a finite number >= 0, got Infinity", () -> new SGD(Double.POSITIVE_INFINITY));
        refused("MomentumSGD: lr must be a finite number >= 0, got NaN", () -> new MomentumSGD(Double.NaN, 0.9));
        refused("AdaGrad: lr must be a finite number >= 0, got -1.0", () -> new AdaGrad(-1, 1e-8));
        refused("Adam: alpha must be a finite number >= 0, got NaN", () -> new Adam(Double.NaN));
        assertDoesNotThrow(() -> new SGD(0));
    }

    @Test
    void decayRatesMustLieInTheirIntervals() {
        refused("MomentumSGD: momentum must be in [0, 1), got 1.0", () -> new MomentumSGD(0.01, 1));
        refused("MomentumSGD: momentum must be in [0, 1), got -0.5", () -> new MomentumSGD(0.01, -0.5));
        refused("AdaDelta: rho must be in [0, 1], got 1.5", () -> new AdaDelta(1.5, 1e-6));
        refused("AdaDelta: rho must be in [0, 1], got NaN", () -> new AdaDelta(Double.NaN, 1e-6));
        refused("Adam: beta1 must be in [0, 1), got 1.0", () -> new Adam(0.001, 1, 0.999, 1e-8));
        refused("Adam: beta2 must be in [0, 1), got -0.1", () -> new Adam(0.001, 0.9, -0.1, 1e-8));
        assertDoesNotThrow(() -> new MomentumSGD(0.01, 0));
        assertDoesNotThrow(() -> new AdaDelta(1, 1e-6));
        assertDoesNotThrow(() -> new Adam(0.001, 0, 0, 1e-8));
    }

    @Test
    void epsilonsMustBePositiveAndHooksInRange() {
        refused("AdaGrad: eps must be a finite number > 0, got 0.0", () -> new AdaGrad(0.001, 0));
        refused("AdaDelta: eps must be a finite number > 0, got -1.0E-6", () -> new AdaDelta(0.95, -1e-6));
        refused("Adam: eps must be a finite number > 0, got NaN", () -> new Adam(0.001, 0.9, 0.999, Double.NaN));
        refused("WeightDecay: rate must be a finite number >= 0, got NaN", () -> new WeightDecay(Double.NaN));
        refused("WeightDecay: rate must be a finite number >= 0, got -1.0E-4", () -> new WeightDecay(-1e-4));
        refused("ClipGrad: maxNorm must be a finite number > 0, got 0.0", () -> new ClipGrad(0));
        refused("ClipGrad: maxNorm must be a finite number > 0, got NaN", () -> new ClipGrad(Double.NaN));
    }
}
