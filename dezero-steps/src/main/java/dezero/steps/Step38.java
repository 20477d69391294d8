package dezero.steps;

import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdArray;

/**
 * Step 38: functions that change shape. {@code F.reshape} and {@code F.transpose} only move
 * elements, so their backward reshapes or transposes the gradient back to the input's shape.
 * The Variable methods {@code x.reshape(6)} and {@code x.T()} do the same.
 */
public final class Step38 {
    private Step38() {
    }

    public static void main(String[] args) {
        Variable x = new Variable(NdArray.array(new int[] {0, 1, 2, 3, 4, 5}).reshape(2, 3));
        Variable y = F.reshape(x, 6); // y = x.reshape(6)
        y.backward(true);
        System.out.println(x.grad());

        x = new Variable(NdArray.array(new int[] {1, 2, 3, 4, 5, 6}).reshape(2, 3));
        y = F.transpose(x); // y = x.T()
        y.backward();
        System.out.println(x.grad());
    }
}
