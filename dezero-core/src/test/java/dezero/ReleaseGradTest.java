package dezero;

import dezero.functions.F;
import dezero.models.MLP;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.optimizers.SGD;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * {@link Parameter#releaseGrad()}: the next backward writes a weight's gradient into the released
 * array, with exactly the values {@link Parameter#cleargrad()} gives, and never where it could be
 * observed (after cleargrad, in higher-order graphs, a second contribution to the same parameter).
 */
class ReleaseGradTest {
    private static NdArray rand(long seed, DType t, int... shape) {
        return new NdRandom(seed).randn(shape).astype(t);
    }

    /** Three SGD steps of a two-layer network built from F.linear; returns W1 after them. */
    private static NdArray train(DType t, Consumer<Parameter[]> clear) {
        Parameter w1 = new Parameter(rand(1, t, 5, 7), "W1");
        Parameter b1 = new Parameter(rand(2, t, 7), "b1");
        Parameter w2 = new Parameter(rand(3, t, 7, 3), "W2");
        Parameter[] params = {w1, b1, w2};
        for (int step = 0; step < 3; step++) {
            Variable x = Variable.constant(rand(10 + step, t, 4, 5));
            Variable y = F.linear(F.sigmoid(F.linear(x, w1, b1)), w2);
            Variable loss = F.sum(y.mul(y));
            clear.accept(params);
            loss.backward();
            for (Parameter p : params) {
                p.data().subiScaled(0.1, p.grad().data());
            }
        }
        return w1.data();
    }

    @Test
    void releasedGradientsGiveTheSameTrainingAsClearedOnes() {
        for (DType t : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            NdArray cleared = train(t, ps -> {
                for (Parameter p : ps) {
                    p.cleargrad();
                }
            });
            NdArray released = train(t, ps -> {
                for (Parameter p : ps) {
                    p.releaseGrad();
                }
            });
            assertEquals(t, released.dtype());
            assertArrayEquals(cleared.toDoubleArray(), released.toDoubleArray(), 0.0, t.toString());
        }
    }

    /** One backward of x @ W (or linear) for a fixed input; W's gradient is then sum over rows of x. */
    private static void backward(Parameter w, boolean linear) {
        Variable x = Variable.constant(NdArray.array(new double[][] {{1, 2}, {3, 4}}));
        Variable y = linear ? F.linear(x, w) : F.matmul(x, w);
        F.sum(y).backward();
    }

    @Test
    void theReleasedArrayReceivesTheNextGradient() {
        for (boolean linear : new boolean[] {false, true}) {
            Parameter w = new Parameter(NdArray.ones(2, 3), "W");
            w.releaseGrad();
            backward(w, linear);
            Variable first = w.grad();
            assertArrayEquals(new double[] {4, 4, 4, 6, 6, 6}, first.data().toDoubleArray());
            w.releaseGrad();
            w.data().muli(NdArray.scalar(2.0)); // the gradient does not depend on W: same values, same array
            backward(w, linear);
            assertSame(first.data(), w.grad().data(), "the released array is reused");
            assertArrayEquals(new double[] {4, 4, 4, 6, 6, 6}, w.grad().data().toDoubleArray());
        }
    }

    @Test
    void cleargradNeverOverwritesAGradientKeptFromBefore() {
        Parameter w = new Parameter(NdArray.ones(2, 3), "W");
        w.releaseGrad();
        backward(w, true);
        Variable kept = w.grad();
        w.cleargrad();
        backward(w, true);
        assertNotSame(kept.data(), w.grad().data());
        // and cleargrad ends the reuse for good: the array after it is not handed out again
        Variable second = w.grad();
        w.cleargrad();
        backward(w, true);
        assertNotSame(second.data(), w.grad().data());
    }

    @Test
    void aParameterUsedTwiceGetsTheSumOfBothGradients() {
        Parameter w = new Parameter(NdArray.array(new double[][] {{1, 2}, {3, 4}}), "W");
        double[] expected = null;
        for (int step = 0; step < 3; step++) {
            Variable x = Variable.constant(NdArray.array(new double[][] {{1, -1}, {2, 0.5}}));
            Variable loss = F.sum(F.matmul(F.matmul(x, w), w));
            if (step == 0) {
                w.cleargrad();
            } else {
                w.releaseGrad();
            }
            loss.backward();
            if (expected == null) {
                expected = w.grad().data().toDoubleArray();
            } else {
                assertArrayEquals(expected, w.grad().data().toDoubleArray(), 1e-12);
            }
        }
    }

    @Test
    void higherOrderGradientsAreNeverWrittenIntoTheBuffer() {
        Parameter w = new Parameter(NdArray.array(new double[][] {{1, 2}, {3, 4}}), "W");
        Variable x = Variable.constant(NdArray.array(new double[][] {{1, -1}, {2, 0.5}}));
        w.releaseGrad();
        F.sum(F.matmul(x, w).mul(F.matmul(x, w))).backward();
        Variable plain = w.grad();
        w.releaseGrad();
        F.sum(F.matmul(x, w).mul(F.matmul(x, w))).backward(false, true);
        assertNotSame(plain.data(), w.grad().data());
        assertArrayEquals(plain.data().toDoubleArray(), w.grad().data().toDoubleArray(), 1e-12);
        // the gradient is a graph of its own: differentiating it again reaches W
        Variable gw = w.grad();
        w.cleargrad();
        F.sum(gw).backward();
        assertArrayEquals(new double[] {10, 10, 2.5, 2.5}, w.grad().data().toDoubleArray(), 1e-12);
    }

    @Test
    void aParameterGivenNewDataOfAnotherShapeGetsAGradientOfThatShape() {
        Parameter w = new Parameter(NdArray.ones(2, 3), "W");
        w.releaseGrad();
        backward(w, true);
        w.releaseGrad();
        w.setData(NdArray.ones(2, 4));
        backward(w, true);
        assertArrayEquals(new int[] {2, 4}, w.grad().shape());
        assertArrayEquals(new double[] {4, 4, 4, 4, 6, 6, 6, 6}, w.grad().data().toDoubleArray());
    }

    @Test
    void layersReleaseAllTheirParameters() {
        NdArray x = rand(5, DType.FLOAT64, 8, 3);
        // the weights are drawn at the first call, from the global generator
        MLP a = new MLP(new int[] {6, 2});
        NdRandom.seedGlobal(0);
        a.apply(x);
        MLP b = new MLP(new int[] {6, 2});
        NdRandom.seedGlobal(0);
        b.apply(x);
        SGD sa = new SGD(0.1);
        sa.setup(a);
        SGD sb = new SGD(0.1);
        sb.setup(b);
        for (int step = 0; step < 4; step++) {
            a.cleargrads();
            F.sum(a.apply(x)).backward();
            sa.update();
            b.releaseGrads();
            F.sum(b.apply(x)).backward();
            sb.update();
        }
        for (int i = 0; i < a.params().size(); i++) {
            assertArrayEquals(a.params().get(i).data().toDoubleArray(), b.params().get(i).data().toDoubleArray(), 0.0);
        }
    }
}
