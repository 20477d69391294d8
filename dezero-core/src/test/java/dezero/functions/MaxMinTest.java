package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.var;
import static dezero.functions.Rejects.rejects;

/** F.max and F.min over axes: the gradient goes to every tied extremum (DeZero's rule). */
class MaxMinTest {
    private static final double[] X = {1, 3, 3, 2, 0, -1};

    @Test
    void maxOverAxisOneSendsTheGradientToEveryTie() {
        Variable x = var(X, 2, 3);
        Variable y = F.max(x, 1);
        assertValues(new double[] {3, 2}, new int[] {2}, y);
        y.backward();
        assertValues(new double[] {0, 1, 1, 1, 0, 0}, new int[] {2, 3}, x.grad());
    }

    @Test
    void maxOfAllAndKeepdims() {
        Variable x = var(X, 2, 3);
        Variable y = F.max(x);
        assertValues(new double[] {3}, new int[] {}, y);
        y.backward();
        assertValues(new double[] {0, 1, 1, 0, 0, 0}, new int[] {2, 3}, x.grad());
        assertValues(new double[] {3, 2}, new int[] {2, 1}, F.max(var(X, 2, 3), new int[] {-1}, true));
        assertValues(new double[] {3}, new int[] {1, 1}, F.max(var(X, 2, 3), null, true));
    }

    @Test
    void minOverAxesIncludingNegativeOnes() {
        Variable x = var(X, 2, 3);
        Variable y = F.min(x, 0);
        assertValues(new double[] {1, 0, -1}, new int[] {3}, y);
        y.backward();
        assertValues(new double[] {1, 0, 0, 0, 1, 1}, new int[] {2, 3}, x.grad());

        Variable x2 = var(X, 2, 3);
        Variable y2 = F.min(x2, new int[] {-1, 0}, false);
        assertValues(new double[] {-1}, new int[] {}, y2);
        y2.backward();
        assertValues(new double[] {0, 0, 0, 0, 0, 1}, new int[] {2, 3}, x2.grad());

        Variable x3 = var(X, 2, 3);
        Variable y3 = x3.min(-1, false);
        assertValues(new double[] {1, -1}, new int[] {2}, y3);
        y3.backward();
        assertValues(new double[] {1, 0, 0, 0, 0, 1}, new int[] {2, 3}, x3.grad());
    }

    @Test
    void gradientChecks() {
        checkGrad(xs -> F.max(xs[0]), rand(3800, 2, 3, 4));
        checkGrad(xs -> F.max(xs[0], -1), rand(3801, 2, 3, 4));
        checkGrad(xs -> F.max(xs[0], new int[] {0, 2}, true), rand(3802, 2, 3, 4));
        checkGrad(xs -> F.min(xs[0], 1), rand(3803, 2, 3, 4));
        checkGrad(xs -> F.min(xs[0], new int[] {-3, -1}, false), rand(3804, 2, 3, 4));
        checkGrad(xs -> F.max(xs[0].add(xs[1]), 0), rand(3805, 2, 3), rand(3806, 3));
    }

    @Test
    void secondOrder() {
        checkSecondOrder(xs -> F.max(xs[0].pow(2), 1), rand(3810, 3, 4));
        checkSecondOrder(xs -> F.min(F.tanh(xs[0]), new int[] {-1}, true).pow(2), rand(3811, 2, 3, 4));
    }

    @Test
    void badAxisIsRejected() {
        rejects(IllegalArgumentException.class, () -> F.max(var(X, 2, 3), 2), "max", "axis 2", "(2, 3)");
        rejects(IllegalArgumentException.class, () -> F.min(var(X, 2, 3), -3), "axis -3", "(2, 3)");
    }
}
