package dezero.steps;

import dezero.Variable;
import dezero.ndarray.NdArray;

/**
 * Step 40: broadcasting. NumPy, and {@code NdArray}, stretch a smaller array to the shape of a
 * larger one in element-wise operations: [1 2 3] + [10] is [11 12 13]. The graph must undo this
 * in backward: the gradient of the stretched input is summed back to its own shape
 * ({@code sumTo}), so x1's gradient is the sum of the three ones, [3].
 */
public final class Step40 {
    private Step40() {
    }

    public static void main(String[] args) {
        Variable x0 = new Variable(NdArray.array(new int[] {1, 2, 3}));
        Variable x1 = new Variable(NdArray.array(new int[] {10}));
        Variable y = x0.add(x1);
        System.out.println(y);

        y.backward();
        System.out.println(x1.grad());
    }
}
