package dezero.functions;

import dezero.Variable;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.uniform;
import static dezero.functions.FnTest.var;
import static dezero.functions.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertNull;

/** F.sigmoidCrossEntropy (of logits) and F.binaryCrossEntropy (of probabilities), both divided by len. */
class BinaryCrossEntropyTest {
    @Test
    void sigmoidCrossEntropyReshapesLabelsToTheLogits() {
        Variable x = var(new double[] {0, 2}, 2, 1);
        Variable y = F.sigmoidCrossEntropy(x, NdArray.array(new long[] {0, 1}));
        // NumPy: -(log(1 - s(0)) + log(s(2))) / 2 and (s(x) - t) / 2
        assertValues(new double[] {0.41003759580145893}, new int[] {}, y);
        y.backward();
        assertValues(new double[] {0.25, -0.05960146101105879}, new int[] {2, 1}, x.grad());
    }

    @Test
    void sigmoidCrossEntropyIsDifferentiableInSoftTargets() {
        Variable x = var(new double[] {0, 2}, 2, 1);
        Variable t = var(new double[] {0.25, 1}, 2, 1);
        Variable y = F.sigmoidCrossEntropy(x, t);
        assertValues(new double[] {0.41003759580145893}, new int[] {}, y);
        y.backward();
        assertValues(new double[] {0.125, -0.05960146101105879}, new int[] {2, 1}, x.grad());
        // d/dt = -(log p - log(1 - p)) / N = -x / N
        assertValues(new double[] {0, -0.9999999999999999}, new int[] {2, 1}, t.grad());
    }

    @Test
    void binaryCrossEntropyOfProbabilities() {
        Variable p = var(new double[] {0.5, 0.9}, 2, 1);
        Variable y = F.binaryCrossEntropy(p, NdArray.array(new long[] {1, 0}));
        // -(log 0.5 + log 0.1) / 2; grads -1 / (2 * 0.5) and 1 / (2 * 0.1)
        assertValues(new double[] {1.4978661367769956}, new int[] {}, y);
        y.backward();
        assertValues(new double[] {-1, 5.000000000000001}, new int[] {2, 1}, p.grad());
    }

    @Test
    void binaryCrossEntropyClipsAsymmetrically() {
        Variable p = var(new double[] {0.9995, 1e-20, 0.25}, 3, 1);
        Variable t = Variable.constant(NdArray.array(new long[] {1, 0, 1}));
        Variable y = F.binaryCrossEntropy(p, t);
        // p is clipped to [1e-15, 0.999]: -(log 0.999 + log(1 - 1e-15) + log 0.25) / 3; clipped elements get 0
        assertValues(new double[] {0.46243162048449166}, new int[] {}, y);
        y.backward();
        assertValues(new double[] {0, 0, -1.3333333333333333}, new int[] {3, 1}, p.grad());
        assertNull(t.grad());
    }

    @Test
    void gradientChecks() {
        checkGrad(xs -> F.sigmoidCrossEntropy(xs[0], xs[1]), uniform(3700, -3, 3, 4, 1), uniform(3701, 0, 1, 4, 1));
        checkGrad(xs -> F.sigmoidCrossEntropy(xs[0], xs[1]), uniform(3702, -3, 3, 4, 1), uniform(3703, 0, 1, 4));
        checkGrad(xs -> F.sigmoidCrossEntropy(xs[0], xs[1]), uniform(3704, -3, 3, 2, 3), uniform(3705, 0, 1, 2, 3));
        checkGrad(xs -> F.binaryCrossEntropy(xs[0], xs[1]), uniform(3706, 0.05, 0.95, 4, 1), uniform(3707, 0, 1, 4));
        checkGrad(xs -> F.binaryCrossEntropy(F.sigmoid(F.linear(xs[0], xs[1])), NdArray.array(new long[] {1, 0, 0})),
                uniform(3708, -1, 1, 3, 2), uniform(3709, -1, 1, 2, 1));
    }

    @Test
    void secondOrder() {
        checkSecondOrder(xs -> F.sigmoidCrossEntropy(xs[0], xs[1]), uniform(3710, -3, 3, 4, 1),
                uniform(3711, 0, 1, 4, 1));
        checkSecondOrder(xs -> F.binaryCrossEntropy(xs[0], xs[1]), uniform(3712, 0.05, 0.95, 4, 1),
                uniform(3713, 0, 1, 4, 1));
    }

    @Test
    void mismatchedTargetsAreRejected() {
        Variable x = var(new double[] {0, 2}, 2, 1);
        rejects(IllegalArgumentException.class, () -> F.sigmoidCrossEntropy(x, NdArray.zeros(1, 2)),
                "sigmoidCrossEntropy", "(1, 2)", "(2, 1)");
        rejects(IllegalArgumentException.class, () -> F.sigmoidCrossEntropy(x, NdArray.zeros(3)),
                "sigmoidCrossEntropy", "(3,)", "(2, 1)");
        rejects(IllegalArgumentException.class, () -> F.binaryCrossEntropy(x, NdArray.zeros(2, 2)),
                "binaryCrossEntropy", "(2, 2)", "(2, 1)");
    }
}
