package dezero.functions;

import dezero.Variable;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** accuracy rejects labels outside the class range as softmaxCrossEntropy does, with the same message (issue 13, item 10). */
class AccuracyLabelsTest {
    private static final Variable SCORES = Variable.of(new double[][] {{0.1, 0.9, 0.0}, {0.8, 0.1, 0.1}});

    @Test
    void labelsOutsideTheClassesAreRejectedAsByTheLoss() {
        for (long[] labels : new long[][] {{1, 7}, {-1, 0}, {3, 0}}) {
            NdArray t = NdArray.array(labels);
            IndexOutOfBoundsException loss = assertThrows(IndexOutOfBoundsException.class,
                    () -> F.softmaxCrossEntropy(SCORES, t));
            IndexOutOfBoundsException acc = assertThrows(IndexOutOfBoundsException.class, () -> F.accuracy(SCORES, t));
            assertEquals(loss.getMessage().replace("softmaxCrossEntropy", "accuracy"), acc.getMessage());
        }
        assertEquals(0.5, F.accuracy(SCORES, NdArray.array(new long[] {1, 2})).data().item(), 0.0);
    }

    @Test
    void scoresWithSpatialAxesCheckEveryLabel() {
        // (N, C, H) scores: one label per (n, h) position, each in [0, C)
        NdArray y = NdArray.zeros(2, 3, 2);
        assertEquals(1.0, F.accuracy(new Variable(y), NdArray.zeros(dezero.ndarray.DType.INT64, 2, 2)).data().item(), 0.0);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> F.accuracy(new Variable(y), NdArray.array(new long[] {0, 1, 2, 3}).reshape(2, 2)));
        assertEquals("accuracy: label 3 at position 3 is out of range for 3 classes (x shape (2, 3, 2))", e.getMessage());
    }
}
