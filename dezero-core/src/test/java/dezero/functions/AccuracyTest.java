package dezero.functions;

import dezero.Variable;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.var;
import static dezero.functions.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertNull;

/** F.accuracy: the share of rows whose argmax is the label; not differentiable. */
class AccuracyTest {
    private static final double[] Y = {0.1, 0.9, 0.8, 0.2, 0.3, 0.7};

    @Test
    void fractionOfCorrectRowsWithNoCreator() {
        Variable y = var(Y, 3, 2);
        Variable acc = F.accuracy(y, NdArray.array(new long[] {1, 1, 1}));
        assertValues(new double[] {2.0 / 3}, new int[] {}, acc);
        assertNull(acc.creator());
        assertValues(new double[] {1}, new int[] {}, F.accuracy(y, NdArray.array(new long[] {1, 0, 1}).reshape(3, 1)));
        assertValues(new double[] {0}, new int[] {}, F.accuracy(y, var(NdArray.array(new long[] {0, 1, 0}))));
    }

    @Test
    void badShapesAreRejected() {
        rejects(IllegalArgumentException.class, () -> F.accuracy(var(Y, 6), NdArray.array(new long[] {1})),
                "accuracy", "(6,)");
        rejects(IllegalArgumentException.class, () -> F.accuracy(var(Y, 3, 2), NdArray.array(new long[] {1, 0})),
                "accuracy", "(2,)", "(3, 2)");
    }
}
