package dezero.functions;

import dezero.Variable;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.uniform;
import static dezero.functions.FnTest.var;
import static dezero.functions.Rejects.rejects;

/** F.softmax (fused), F.softmaxSimple (the book's) and F.logSoftmax. */
class SoftmaxTest {
    private static final double[] X = {1, 2, 3, 0, 0, 0};
    // NumPy: np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)
    private static final double[] SOFTMAX = {0.09003057317038046, 0.24472847105479764, 0.6652409557748218,
            1.0 / 3, 1.0 / 3, 1.0 / 3};

    @Test
    void softmaxOverAxisOne() {
        assertValues(SOFTMAX, new int[] {2, 3}, F.softmax(var(X, 2, 3)));
        assertValues(SOFTMAX, new int[] {2, 3}, F.softmaxSimple(var(X, 2, 3)));
    }

    @Test
    void softmaxOverAxisZeroAndItsGradient() {
        Variable x = var(new double[] {1, 2, 3, 5}, 2, 2);
        Variable y = F.softmax(x, 0);
        assertValues(new double[] {0.11920292202211755, 0.04742587317756679, 0.8807970779778823, 0.9525741268224334},
                new int[] {2, 2}, y);
        // d/dx sum(softmax(x, 0) ** 2) (NumPy-checked: 2 y (y - sum(y^2, axis 0)))
        Variable x2 = var(new double[] {1, 2, 3, 5}, 2, 2);
        F.sum(F.softmax(x2, 0).pow(2)).backward();
        assertValues(new double[] {-0.15992500211230606, -0.08178314932188699, 0.15992500211230642,
                0.0817831493218868}, new int[] {2, 2}, x2.grad());
    }

    @Test
    void largeValuesAreStable() {
        Variable x = var(new double[] {1000, 1000, -1000, 1000, 0, -1000}, 2, 3);
        assertValues(new double[] {0.5, 0.5, 0, 1, 0, 0}, new int[] {2, 3}, F.softmax(x));
        assertValues(new double[] {-0.6931471805599453, -0.6931471805599453, -2000.6931471805599, 0, -1000, -2000},
                new int[] {2, 3}, F.logSoftmax(x));
    }

    @Test
    void logSoftmaxAndItsGradient() {
        Variable x = var(X, 2, 3);
        Variable y = F.logSoftmax(x);
        assertValues(new double[] {-2.4076059644443806, -1.4076059644443806, -0.4076059644443806,
                -1.0986122886681098, -1.0986122886681098, -1.0986122886681098}, new int[] {2, 3}, y);
        F.sum(y.pow(2)).backward();
        double[] g = x.grad().data().toDoubleArray();
        assertValues(new double[] {-4.054846498226919, -0.7483243957322387, 4.803170893959155},
                new int[] {3}, x.grad().data().getItem(dezero.ndarray.Index.at(0)));
        for (int i = 3; i < 6; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(0.0, g[i], 1e-15, "equal logits: zero gradient");
        }
    }

    @Test
    void gradientChecks() {
        checkGrad(xs -> F.softmax(xs[0]), rand(3400, 3, 4));
        checkGrad(xs -> F.softmax(xs[0], 0), rand(3401, 3, 4));
        checkGrad(xs -> F.softmax(xs[0], -1), rand(3402, 2, 3, 4));
        checkGrad(xs -> F.softmaxSimple(xs[0]), rand(3403, 3, 4));
        checkGrad(xs -> F.softmaxSimple(xs[0], 2), rand(3404, 2, 3, 4));
        checkGrad(xs -> F.logSoftmax(xs[0]), uniform(3405, -3, 3, 3, 4));
        checkGrad(xs -> F.logSoftmax(xs[0], 0), uniform(3406, -3, 3, 3, 4));
        checkGrad(xs -> F.softmax(xs[0].add(xs[1])), rand(3407, 3, 4), rand(3408, 4));
    }

    @Test
    void secondOrder() {
        checkSecondOrder(xs -> F.softmax(xs[0]), rand(3410, 3, 4));
        checkSecondOrder(xs -> F.softmaxSimple(xs[0]), rand(3411, 3, 4));
        checkSecondOrder(xs -> F.logSoftmax(xs[0], 0), rand(3412, 3, 4));
    }

    @Test
    void badAxisIsRejected() {
        rejects(IllegalArgumentException.class, () -> F.softmax(var(X, 2, 3), 2), "2");
        rejects(IllegalArgumentException.class, () -> F.logSoftmax(var(X, 6), 1), "1");
    }
}
