package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.var;
import static dezero.functions.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertNull;

/** F.linear (fused) and F.linearSimple: x @ W + b. */
class LinearTest {
    @Test
    void fusedAndSimpleForwardAndBackward() {
        for (boolean fused : new boolean[] {true, false}) {
            Variable x = var(new double[] {1, 2}, 1, 2);
            Variable w = var(new double[] {1, 0, 2, 0, 1, 3}, 2, 3);
            Variable b = var(new double[] {1, 1, 1}, 3);
            Variable y = fused ? F.linear(x, w, b) : F.linearSimple(x, w, b);
            assertValues(new double[] {2, 3, 9}, new int[] {1, 3}, y);
            y.backward();
            assertValues(new double[] {3, 4}, new int[] {1, 2}, x.grad());         // ones @ W.T
            assertValues(new double[] {1, 1, 1, 2, 2, 2}, new int[] {2, 3}, w.grad()); // x.T @ ones
            assertValues(new double[] {1, 1, 1}, new int[] {3}, b.grad());
        }
    }

    @Test
    void withoutBias() {
        Variable x = var(new double[] {1, 2}, 1, 2);
        Variable w = var(new double[] {1, 0, 2, 0, 1, 3}, 2, 3);
        assertValues(new double[] {1, 2, 8}, new int[] {1, 3}, F.linear(x, w));
        assertValues(new double[] {1, 2, 8}, new int[] {1, 3}, F.linearSimple(x, w, null));
    }

    @Test
    void constantInputsGetNoGradient() {
        Variable x = Variable.constant(rand(4000, 2, 3));
        Variable w = var(rand(4001, 3, 4));
        F.sum(F.linear(x, w, Variable.constant(rand(4002, 4)))).backward();
        assertNull(x.grad());
        assertValues(F.sum(F.transpose(var(x.data())), new int[] {1}, true).data().broadcastTo(3, 4)
                .toDoubleArray(), new int[] {3, 4}, w.grad());
    }

    @Test
    void gradientChecks() {
        checkGrad(xs -> F.linear(xs[0], xs[1], xs[2]), rand(4010, 4, 3), rand(4011, 3, 2), rand(4012, 2));
        checkGrad(xs -> F.linear(xs[0], xs[1], xs[2]), rand(4013, 4, 3), rand(4014, 3, 2), rand(4015, 1, 2));
        checkGrad(xs -> F.linear(xs[0], xs[1]), rand(4016, 4, 3), rand(4017, 3, 2));
        checkGrad(xs -> F.linearSimple(xs[0], xs[1], xs[2]), rand(4018, 4, 3), rand(4019, 3, 2), rand(4020, 2));
        // batch axes in x (np.matmul rules); DeZero's backward fails here
        checkGrad(xs -> F.linear(xs[0], xs[1], xs[2]), rand(4021, 2, 3, 4), rand(4022, 4, 5), rand(4023, 5));
    }

    @Test
    void secondOrder() {
        checkSecondOrder(xs -> F.linear(xs[0], xs[1], xs[2]).pow(2), rand(4030, 4, 3), rand(4031, 3, 2),
                rand(4032, 2));
        checkSecondOrder(xs -> F.tanh(F.linear(xs[0], xs[1], xs[2])), rand(4033, 2, 3, 4), rand(4034, 4, 2),
                rand(4035, 2));
        checkSecondOrder(xs -> F.linearSimple(xs[0], xs[1], xs[2]).pow(2), rand(4036, 4, 3), rand(4037, 3, 2),
                rand(4038, 2));
    }

    @Test
    void badShapesAreRejected() {
        rejects(IllegalArgumentException.class, () -> F.linear(var(rand(1, 4, 3)), var(rand(2, 2, 2))),
                "matmul", "(4, 3)", "(2, 2)");
        rejects(IllegalArgumentException.class, () -> F.linear(var(rand(1, 4, 3)), var(rand(2, 3, 2)),
                var(rand(3, 5, 4, 2))), "linear", "bias", "(5, 4, 2)", "(4, 2)");
        rejects(IllegalArgumentException.class, () -> F.linear(var(rand(1, 4, 3)), var(rand(2, 3, 2)),
                var(rand(3, 3))), "linear", "(3,)", "(4, 2)");
    }
}
