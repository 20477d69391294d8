package dezero.functions;

import dezero.Config;
import dezero.Variable;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.arr;
import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.uniform;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchNormTest {
    private static final double EPS = 2e-5;

    @Test
    void trainModeNormalisesWithBatchStatisticsAndUpdatesRunningAverages() {
        // one channel, batch {1, 3}: mean 2, biased var 1, unbiased var 2
        Variable x = var(new double[] {1, 3}, 2, 1);
        Variable gamma = var(new double[] {2}, 1);
        Variable beta = var(new double[] {0.5}, 1);
        NdArray mean = arr(new double[] {0}, 1);
        NdArray variance = arr(new double[] {1}, 1);
        Variable y = F.batchNorm(x, gamma, beta, mean, variance);
        double inv = 1 / Math.sqrt(1 + EPS);
        assertValues(new double[] {-2 * inv + 0.5, 2 * inv + 0.5}, new int[] {2, 1}, y);
        assertValues(new double[] {0.1 * 2}, new int[] {1}, mean);             // 0.9 * 0 + 0.1 * 2
        assertValues(new double[] {0.9 + 0.1 * 2}, new int[] {1}, variance);   // 0.9 * 1 + 0.1 * 2
        y.backward();
        // sum(y) does not depend on x in train mode: gx = 0; ggamma = sum(xc) = 0; gbeta = N
        assertValues(new double[] {0, 0}, new int[] {2, 1}, x.grad());
        assertValues(new double[] {2}, new int[] {1}, beta.grad());
    }

    @Test
    void testModeUsesRunningAveragesAndHasAWorkingBackward() {
        Variable x = var(new double[] {1, 3, 5, 7}, 2, 2);
        Variable gamma = var(new double[] {2, 3}, 2);
        Variable beta = var(new double[] {0, 1}, 2);
        NdArray mean = arr(new double[] {1, 2}, 2);
        NdArray variance = arr(new double[] {4, 9}, 2);
        Variable y;
        try (Config.Scope s = Config.testMode()) {
            y = F.batchNorm(x, gamma, beta, mean, variance);
        }
        double i0 = 1 / Math.sqrt(4 + EPS);
        double i1 = 1 / Math.sqrt(9 + EPS);
        assertValues(new double[] {0, 3 * 1 * i1 + 1, 2 * 4 * i0, 3 * 5 * i1 + 1}, new int[] {2, 2}, y);
        assertValues(new double[] {1, 2}, new int[] {2}, mean); // unchanged
        y.backward();
        assertValues(new double[] {2 * i0, 3 * i1, 2 * i0, 3 * i1}, new int[] {2, 2}, x.grad());
        assertValues(new double[] {(0 + 4) * i0, (1 + 5) * i1}, new int[] {2}, gamma.grad());
        assertValues(new double[] {2, 2}, new int[] {2}, beta.grad());
    }

    @Test
    void testModeBackwardUsesTheStatisticsOfItsForward() {
        Variable x = var(rand(1, 3, 2));
        NdArray mean = NdArray.zeros(2);
        NdArray variance = NdArray.ones(2);
        Variable y;
        try (Config.Scope s = Config.testMode()) {
            y = F.batchNorm(x, var(NdArray.ones(2)), var(NdArray.zeros(2)), mean, variance);
        }
        F.batchNorm(var(rand(2, 3, 2)), var(NdArray.ones(2)), var(NdArray.zeros(2)), mean, variance); // train: moves stats
        y.backward();
        double g = 1 / Math.sqrt(1 + EPS);
        assertValues(new double[] {g, g, g, g, g, g}, new int[] {3, 2}, x.grad());
    }

    @Test
    void gradientChecks() {
        checkGrad(xs -> F.batchNorm(xs[0], xs[1], xs[2], NdArray.zeros(3), NdArray.ones(3)).pow(2),
                rand(3, 4, 3), uniform(4, 0.5, 2, 3), rand(5, 3));
        checkGrad(xs -> F.batchNorm(xs[0], xs[1], xs[2], NdArray.zeros(2), NdArray.ones(2)).pow(2),
                rand(6, 2, 2, 3, 2), uniform(7, 0.5, 2, 2), rand(8, 2));
        try (Config.Scope s = Config.testMode()) {
            NdArray mean = rand(9, 3);
            NdArray variance = uniform(10, 0.5, 2, 3);
            checkGrad(xs -> F.batchNorm(xs[0], xs[1], xs[2], mean, variance).pow(2), rand(11, 4, 3),
                    uniform(12, 0.5, 2, 3), rand(13, 3));
        }
    }

    @Test
    void secondOrderThroughTheBatchStatistics() {
        checkSecondOrder(xs -> F.batchNorm(xs[0], xs[1], xs[2], NdArray.zeros(3), NdArray.ones(3)).pow(2),
                rand(14, 4, 3), uniform(15, 0.5, 2, 3), rand(16, 3));
        checkSecondOrder(xs -> F.batchNorm(xs[0], xs[1], xs[2], NdArray.zeros(2), NdArray.ones(2)).pow(3),
                rand(17, 2, 2, 2, 2), uniform(18, 0.5, 2, 2), rand(19, 2));
    }

    @Test
    void badShapesAreRejectedWithTheShapes() {
        Variable g = var(NdArray.ones(3));
        Variable b = var(NdArray.zeros(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> F.batchNorm(var(rand(1, 2, 3, 4)), g, b, NdArray.zeros(3), NdArray.ones(3)));
        assertTrue(e.getMessage().contains("batchNorm") && e.getMessage().contains("(2, 3, 4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> F.batchNorm(var(rand(1, 2, 4)), g, b, NdArray.zeros(3), NdArray.ones(3)));
        assertTrue(e.getMessage().contains("gamma") && e.getMessage().contains("(4,)"), e.getMessage());
    }
}
