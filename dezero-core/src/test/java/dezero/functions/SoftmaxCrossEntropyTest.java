package dezero.functions;

import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.uniform;
import static dezero.functions.FnTest.var;
import static dezero.functions.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** F.softmaxCrossEntropy (fused) and F.softmaxCrossEntropySimple, with int64 class labels. */
class SoftmaxCrossEntropyTest {
    private static final double[] X = {0, 1, 2, 1, 1, 1};
    private static final NdArray T = NdArray.array(new long[] {2, 0});
    // NumPy: -mean(log_softmax(x)[[0, 1], t]) and (softmax(x) - onehot(t)) / 2
    private static final double[] LOSS = {0.7531091265562453};
    private static final double[] GX = {0.04501528658519023, 0.12236423552739882, -0.1673795221125891,
            -0.33333333333333337, 0.16666666666666666, 0.16666666666666666};

    @Test
    void fusedForwardAndBackward() {
        Variable x = var(X, 2, 3);
        Variable t = var(T);
        Variable y = F.softmaxCrossEntropy(x, t);
        assertValues(LOSS, new int[] {}, y);
        y.backward();
        assertValues(GX, new int[] {2, 3}, x.grad());
        assertNull(t.grad(), "labels get no gradient");
    }

    @Test
    void simpleForwardAndBackward() {
        Variable x = var(X, 2, 3);
        Variable y = F.softmaxCrossEntropySimple(x, T);
        assertValues(LOSS, new int[] {}, y);
        y.backward();
        assertValues(GX, new int[] {2, 3}, x.grad());
        assertValues(LOSS, new int[] {}, F.softmaxCrossEntropySimple(var(X, 2, 3), var(T)));
    }

    @Test
    void columnLabelsAreFlattenedInBothPasses() {
        NdArray column = T.reshape(2, 1);
        Variable x = var(X, 2, 3);
        Variable y = F.softmaxCrossEntropy(x, column);
        assertValues(LOSS, new int[] {}, y);
        y.backward();
        assertValues(GX, new int[] {2, 3}, x.grad());
        Variable x2 = var(X, 2, 3);
        F.softmaxCrossEntropySimple(x2, column).backward();
        assertValues(GX, new int[] {2, 3}, x2.grad());
    }

    @Test
    void largeLogitsAreStableInTheFusedForm() {
        Variable x = var(new double[] {1000, 0, -1000, 0}, 2, 2);
        Variable y = F.softmaxCrossEntropy(x, NdArray.array(new long[] {0, 0}));
        // row 0 [1000, 0]: log-softmax 0 at label 0; row 1 [-1000, 0]: log-softmax -1000 at label 0
        assertValues(new double[] {500}, new int[] {}, y);
    }

    @Test
    void float32LogitsGiveFloat32() {
        Variable x = var(NdArray.array(new float[][] {{0, 1, 2}, {1, 1, 1}}));
        Variable y = F.softmaxCrossEntropy(x, T);
        assertEquals(DType.FLOAT32, y.dtype());
        assertEquals(LOSS[0], y.data().item(), 1e-6);
        y.backward();
        assertEquals(DType.FLOAT32, x.grad().dtype());
    }

    @Test
    void gradientChecks() {
        NdArray t = NdArray.array(new long[] {3, 0, 1, 3, 2});
        checkGrad(xs -> F.softmaxCrossEntropy(xs[0], t), uniform(3600, -3, 3, 5, 4));
        checkGrad(xs -> F.softmaxCrossEntropySimple(xs[0], t), uniform(3601, -3, 3, 5, 4));
        checkGrad(xs -> F.softmaxCrossEntropy(F.linear(xs[0], xs[1], xs[2]), t), rand(3602, 5, 3), rand(3603, 3, 4),
                rand(3604, 4));
    }

    @Test
    void secondOrder() {
        NdArray t = NdArray.array(new long[] {1, 0, 2});
        checkSecondOrder(xs -> F.softmaxCrossEntropy(xs[0], t), uniform(3610, -2, 2, 3, 3));
        checkSecondOrder(xs -> F.softmaxCrossEntropySimple(xs[0], t), uniform(3611, -2, 2, 3, 3));
        checkSecondOrder(xs -> F.softmaxCrossEntropy(F.matmul(xs[0], xs[1]), t), rand(3612, 3, 2), rand(3613, 2, 3));
    }

    @Test
    void badLabelsAreRejected() {
        Variable x = var(X, 2, 3);
        for (String name : new String[] {"softmaxCrossEntropy", "softmaxCrossEntropySimple"}) {
            java.util.function.Function<NdArray, Variable> sce = name.equals("softmaxCrossEntropy")
                    ? t -> F.softmaxCrossEntropy(x, t) : t -> F.softmaxCrossEntropySimple(x, t);
            rejects(IndexOutOfBoundsException.class, () -> sce.apply(NdArray.array(new long[] {0, 3})),
                    name, "label 3", "3 classes", "(2, 3)");
            rejects(IndexOutOfBoundsException.class, () -> sce.apply(NdArray.array(new long[] {-1, 0})),
                    name, "label -1");
            rejects(IllegalArgumentException.class, () -> sce.apply(NdArray.array(new double[] {0, 1})),
                    name, "int64", "float64", "(2,)", "(2, 3)");
            rejects(IllegalArgumentException.class, () -> sce.apply(NdArray.array(new long[] {0, 1, 2})),
                    name, "(3,)", "(2, 3)");
            rejects(IllegalArgumentException.class, () -> sce.apply(NdArray.zeros(DType.INT64, 1, 2)),
                    name, "(1, 2)");
        }
        rejects(IllegalArgumentException.class, () -> F.softmaxCrossEntropy(var(rand(1, 2, 3, 4)), T),
                "softmaxCrossEntropy", "2-d", "(2, 3, 4)");
    }
}
