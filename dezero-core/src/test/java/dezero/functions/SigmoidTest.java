package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.uniform;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** F.sigmoid (fused, tanh form) and F.sigmoidSimple (the book's 1 / (1 + exp(-x))). */
class SigmoidTest {
    private static final double[] X = {-2, 0, 0.5, 3};
    // NumPy: 1 / (1 + np.exp(-x)) and y * (1 - y)
    private static final double[] Y = {0.11920292202211757, 0.5, 0.6224593312018546, 0.9525741268224333};
    private static final double[] GX = {0.10499358540350653, 0.25, 0.2350037122015945, 0.0451766597309121};

    @Test
    void sigmoidForwardAndBackward() {
        Variable x = var(X, 4);
        Variable y = F.sigmoid(x);
        assertValues(Y, new int[] {4}, y);
        y.backward();
        assertValues(GX, new int[] {4}, x.grad());
    }

    @Test
    void sigmoidSimpleForwardAndBackward() {
        Variable x = var(X, 4);
        Variable y = F.sigmoidSimple(x);
        assertValues(Y, new int[] {4}, y);
        y.backward();
        assertValues(GX, new int[] {4}, x.grad());
    }

    @Test
    void tailsAreStable() {
        double[] big = {-800, -40, 40, 800};
        double[] y = F.sigmoid(var(big, 4)).data().toDoubleArray();
        assertEquals(0.0, y[0]);
        assertEquals(4.248354255291589e-18, y[1], 1e-17);
        assertEquals(1.0, y[2]);
        assertEquals(1.0, y[3]);
        // the unfused form overflows exp(800) to inf and still gives 0 and 1
        assertArrayEquals(new double[] {0, 1}, new double[] {F.sigmoidSimple(var(big, 4)).data().getFlat(0),
                F.sigmoidSimple(var(big, 4)).data().getFlat(3)}, 0.0);
    }

    @Test
    void gradientChecks() {
        checkGrad(xs -> F.sigmoid(xs[0]), uniform(3200, -3, 3, 2, 3));
        checkGrad(xs -> F.sigmoidSimple(xs[0]), uniform(3201, -3, 3, 2, 3));
        checkGrad(xs -> F.sigmoid(xs[0].add(xs[1])), uniform(3202, -3, 3, 2, 3), uniform(3203, -1, 1, 3));
    }

    @Test
    void secondOrder() {
        checkSecondOrder(xs -> F.sigmoid(xs[0]), uniform(3210, -3, 3, 2, 3));
        checkSecondOrder(xs -> F.sigmoidSimple(xs[0]), uniform(3211, -3, 3, 2, 3));
        checkSecondOrder(xs -> F.sigmoid(xs[0].mul(xs[1])), uniform(3212, -2, 2, 2, 3), uniform(3213, -2, 2, 3));
    }
}
