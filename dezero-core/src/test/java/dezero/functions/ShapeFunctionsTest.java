package dezero.functions;

import dezero.Variable;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.seq;
import static dezero.functions.FnTest.var;
import static dezero.functions.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** F.expandDims, F.flatten (reshapes) and F.embedId (row indexing). */
class ShapeFunctionsTest {
    @Test
    void expandDimsFollowsNumPy() {
        Variable x = var(seq(2, 3));
        assertArrayEquals(new int[] {1, 2, 3}, F.expandDims(x, 0).shape());
        assertArrayEquals(new int[] {2, 1, 3}, F.expandDims(x, 1).shape());
        assertArrayEquals(new int[] {2, 3, 1}, F.expandDims(x, 2).shape());
        assertArrayEquals(new int[] {2, 3, 1}, F.expandDims(x, -1).shape());
        assertArrayEquals(new int[] {1, 2, 3}, F.expandDims(x, -3).shape());
        Variable y = F.expandDims(x, -1);
        assertValues(seq(6).toDoubleArray(), new int[] {2, 3, 1}, y);
        F.sum(y.mul(var(seq(2, 3, 1)))).backward();
        assertValues(seq(6).toDoubleArray(), new int[] {2, 3}, x.grad());
        rejects(IllegalArgumentException.class, () -> F.expandDims(x, 3), "expandDims", "axis 3", "(2, 3)");
        rejects(IllegalArgumentException.class, () -> F.expandDims(x, -4), "expandDims", "axis -4");
    }

    @Test
    void flattenKeepsTheFirstAxis() {
        Variable x = var(seq(2, 3, 4));
        Variable y = F.flatten(x);
        assertValues(seq(24).toDoubleArray(), new int[] {2, 12}, y);
        F.sum(y.mul(var(seq(2, 12)))).backward();
        assertValues(seq(24).toDoubleArray(), new int[] {2, 3, 4}, x.grad());
        assertArrayEquals(new int[] {5, 1}, F.flatten(var(seq(5))).shape());
        rejects(IllegalArgumentException.class, () -> F.flatten(Variable.of(1.0)), "flatten", "()");
    }

    @Test
    void embedIdAccumulatesRepeatedRows() {
        Variable w = var(seq(4, 2));
        Variable y = F.embedId(NdArray.array(new long[] {1, 3, 1}), w);
        assertValues(new double[] {2, 3, 6, 7, 2, 3}, new int[] {3, 2}, y);
        y.backward();
        assertValues(new double[] {0, 0, 2, 2, 0, 0, 1, 1}, new int[] {4, 2}, w.grad());

        Variable w2 = var(seq(4, 2));
        Variable y2 = F.embedId(NdArray.array(new long[] {0, 0, 2, 3}).reshape(2, 2), w2);
        assertValues(new double[] {0, 1, 0, 1, 4, 5, 6, 7}, new int[] {2, 2, 2}, y2);
        y2.backward();
        assertValues(new double[] {2, 2, 0, 0, 1, 1, 1, 1}, new int[] {4, 2}, w2.grad());
    }

    @Test
    void gradientChecks() {
        NdArray ids = NdArray.array(new long[] {2, 0, 2, 1});
        checkGrad(xs -> F.expandDims(xs[0], 1).mul(xs[0].sum()), rand(4100, 2, 3));
        checkGrad(xs -> F.flatten(F.tanh(xs[0])), rand(4101, 2, 3, 4));
        checkGrad(xs -> F.embedId(ids, xs[0]), rand(4102, 3, 5));
        checkSecondOrder(xs -> F.embedId(ids, xs[0]).pow(3), rand(4103, 3, 5));
        checkSecondOrder(xs -> F.flatten(xs[0]).pow(3), rand(4104, 2, 3, 2));
    }

    @Test
    void badIdsAreRejected() {
        Variable w = var(seq(3, 2));
        rejects(IndexOutOfBoundsException.class, () -> F.embedId(NdArray.array(new long[] {0, 3}), w),
                "embedId", "id 3", "(3, 2)");
        rejects(IndexOutOfBoundsException.class, () -> F.embedId(NdArray.array(new long[] {-1}), w),
                "embedId", "id -1");
        rejects(IllegalArgumentException.class, () -> F.embedId(NdArray.array(new double[] {0, 1}), w),
                "embedId", "int64", "float64", "(2,)");
    }
}
