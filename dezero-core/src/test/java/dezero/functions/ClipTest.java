package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.uniform;
import static dezero.functions.FnTest.var;
import static dezero.functions.Rejects.rejects;

/** F.clip: the gradient passes inside the bounds, the bounds included (DeZero's mask). */
class ClipTest {
    @Test
    void forwardAndInclusiveMask() {
        Variable x = var(new double[] {-2, -1, 0, 0.5, 1, 2}, 2, 3);
        Variable y = F.clip(x, -1, 1);
        assertValues(new double[] {-1, -1, 0, 0.5, 1, 1}, new int[] {2, 3}, y);
        y.backward();
        assertValues(new double[] {0, 1, 1, 1, 1, 0}, new int[] {2, 3}, x.grad());
    }

    @Test
    void gradientChecks() {
        checkGrad(xs -> F.clip(xs[0], -0.5, 0.5), uniform(3900, -1, 1, 3, 4));
        checkGrad(xs -> F.clip(xs[0].mul(xs[1]), -0.3, 0.6), uniform(3901, -1, 1, 3, 4), uniform(3902, -1, 1, 4));
    }

    @Test
    void secondOrder() {
        checkSecondOrder(xs -> F.clip(xs[0], -0.5, 0.5).pow(2), uniform(3910, -1, 1, 3, 4));
        checkSecondOrder(xs -> F.clip(xs[0].pow(3), -0.2, 0.2), uniform(3911, -1, 1, 3, 4));
    }

    @Test
    void reversedBoundsAreRejected() {
        rejects(IllegalArgumentException.class, () -> F.clip(var(new double[] {0}, 1), 1, 0), "clip", "1.0", "0.0");
    }
}
