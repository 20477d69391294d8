package dezero.functions;

import dezero.Variable;
import dezero.ndarray.Index;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.seq;
import static dezero.functions.FnTest.var;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GetItemTest {
    @Test
    void forwardBasicAndFancyIndexing() {
        Variable x = var(seq(3, 4));
        assertValues(new double[] {4, 5, 6, 7}, new int[] {4}, F.getItem(x, Index.at(1)));
        assertValues(new double[] {1, 5, 9}, new int[] {3}, x.getItem(Index.all(), Index.at(1)));
        assertValues(new double[] {0, 1, 2, 3, 8, 9, 10, 11, 8, 9, 10, 11}, new int[] {3, 4},
                F.getItem(x, Index.of(0, 2, 2)));
        assertValues(new double[] {9, 10}, new int[] {2}, F.getItem(x, Index.at(-1), Index.slice(1, 3)));
        assertValues(new double[] {3, 2, 1, 0, 11, 10, 9, 8}, new int[] {2, 4},
                F.getItem(x, Index.slice(null, null, 2), Index.slice(null, null, -1)));
        assertValues(new double[] {4, 5, 6, 7}, new int[] {1, 4}, F.getItem(x, Index.newAxis(), Index.at(1)));
        assertValues(new double[] {6}, new int[] {}, F.getItem(x, Index.at(1), Index.at(2)));
    }

    @Test
    void backwardAccumulatesRepeatedIndices() {
        Variable x = var(seq(3, 4));
        F.getItem(x, Index.of(0, 2, 2)).backward();
        assertValues(new double[] {1, 1, 1, 1, 0, 0, 0, 0, 2, 2, 2, 2}, new int[] {3, 4}, x.grad());
    }

    @Test
    void backwardOfAColumn() {
        Variable x = var(seq(2, 3));
        Variable y = x.getItem(Index.all(), Index.at(-1));
        y.setGrad(var(new double[] {5, 7}, 2));
        y.backward();
        assertValues(new double[] {0, 0, 5, 0, 0, 7}, new int[] {2, 3}, x.grad());
    }

    @Test
    void gradientCheck() {
        checkGrad(xs -> F.getItem(xs[0], Index.at(1)), rand(2000, 3, 4));
        checkGrad(xs -> F.getItem(xs[0], Index.all(), Index.slice(1, null)), rand(2001, 3, 4));
        checkGrad(xs -> F.getItem(xs[0], Index.of(0, 2, 2, 1)), rand(2002, 3, 4));
        checkGrad(xs -> F.getItem(xs[0], Index.ellipsis(), Index.at(0)), rand(2003, 2, 3, 2));
        checkGrad(xs -> F.getItem(xs[0], Index.slice(null, null, -2)), rand(2004, 5));
    }

    @Test
    void secondOrderThroughIndexing() {
        // differentiating the gradient runs GetItemGrad's backward (indexing again)
        checkSecondOrder(xs -> F.sin(F.getItem(xs[0], Index.of(0, 2, 2))), rand(2010, 3, 2));
    }

    @Test
    void indexOutOfRangeIsRejected() {
        Variable x = var(seq(3, 4));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> F.getItem(x, Index.at(5)));
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("size 3"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> F.getItem(x, Index.all(), Index.at(-5)));
        assertThrows(IndexOutOfBoundsException.class, () -> F.getItem(x, Index.of(0, 3)));
        assertThrows(IndexOutOfBoundsException.class, () -> F.getItem(x, Index.at(0), Index.at(0), Index.at(0)));
    }
}
