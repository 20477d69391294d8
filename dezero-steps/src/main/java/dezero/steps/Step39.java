package dezero.steps;

import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.ndarray.Shapes;

/**
 * Step 39: sum over axes. {@code F.sum(x)} adds everything, {@code F.sum(x, 0)} adds along
 * axis 0, and {@code keepdims} keeps the summed axes with length 1. The backward broadcasts the
 * gradient back to the input's shape.
 */
public final class Step39 {
    private Step39() {
    }

    public static void main(String[] args) {
        NdRandom.seedGlobal(0); // the reference's recordings start from np.random.seed(0)

        Variable x = new Variable(NdArray.array(new int[] {1, 2, 3, 4, 5, 6}));
        Variable y = F.sum(x);
        y.backward();
        System.out.println(y);
        System.out.println(x.grad());

        x = new Variable(NdArray.array(new int[] {1, 2, 3, 4, 5, 6}).reshape(2, 3));
        y = F.sum(x);
        y.backward();
        System.out.println(y);
        System.out.println(x.grad());

        x = new Variable(NdArray.array(new int[] {1, 2, 3, 4, 5, 6}).reshape(2, 3));
        y = F.sum(x, 0);
        y.backward();
        System.out.println(y);
        System.out.println(x.grad());

        x = new Variable(NdRandom.global().randn(2, 3, 4, 5));
        y = x.sum(null, true); // every axis, kept with length 1
        System.out.println(Shapes.str(y.shape()));
    }
}
