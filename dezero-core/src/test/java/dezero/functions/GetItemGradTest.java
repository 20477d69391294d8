package dezero.functions;

import dezero.Variable;
import dezero.ndarray.Index;
import org.junit.jupiter.api.Test;

import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.seq;
import static dezero.functions.FnTest.var;

/** GetItemGrad is np.add.at(zeros(shape), index, gy); its own gradient is indexing again. */
class GetItemGradTest {
    @Test
    void forwardScatterAddsRepeatedIndices() {
        Variable gy = var(seq(3, 4));
        Variable gx = new GetItemGrad(new Index[] {Index.of(0, 2, 2)}, new int[] {3, 4}).apply(gy);
        assertValues(new double[] {0, 1, 2, 3, 0, 0, 0, 0, 12, 14, 16, 18}, new int[] {3, 4}, gx);
    }

    @Test
    void forwardScatterIntoAColumn() {
        Variable gy = var(new double[] {5, 7}, 2);
        Variable gx = new GetItemGrad(new Index[] {Index.all(), Index.at(1)}, new int[] {2, 3}).apply(gy);
        assertValues(new double[] {0, 5, 0, 0, 7, 0}, new int[] {2, 3}, gx);
    }

    @Test
    void backwardIndexes() {
        Variable gy = var(seq(3, 4));
        Variable gx = new GetItemGrad(new Index[] {Index.of(0, 2, 2)}, new int[] {3, 4}).apply(gy);
        gx.setGrad(var(seq(3, 4)));
        gx.backward();
        assertValues(new double[] {0, 1, 2, 3, 8, 9, 10, 11, 8, 9, 10, 11}, new int[] {3, 4}, gy.grad());
    }

    @Test
    void gradientCheck() {
        checkGrad(xs -> new GetItemGrad(new Index[] {Index.of(0, 2, 2)}, new int[] {3, 4}).apply(xs[0]),
                rand(2100, 3, 4));
        checkGrad(xs -> new GetItemGrad(new Index[] {Index.slice(1, null), Index.at(0)}, new int[] {3, 2})
                .apply(xs[0]), rand(2101, 2));
    }
}
