package dezero.steps;

import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdArray;

/**
 * Step 37: tensors. Variables hold arrays of any shape, and element-wise functions work on them
 * unchanged; {@code F.sum} adds every element into a 0-d result. The gradient of each variable has
 * the shape of its data. The arrays here are integer ones, as in the book, so the gradients are
 * integer ones too ({@code retainGrad} keeps the intermediate ones for printing).
 */
public final class Step37 {
    private Step37() {
    }

    public static void main(String[] args) {
        Variable x = new Variable(NdArray.array(new int[] {1, 2, 3, 4, 5, 6}).reshape(2, 3));
        Variable c = new Variable(NdArray.array(new int[] {10, 20, 30, 40, 50, 60}).reshape(2, 3));
        Variable t = x.add(c);
        Variable y = F.sum(t);

        y.backward(true);
        System.out.println(y.grad());
        System.out.println(t.grad());
        System.out.println(x.grad());
        System.out.println(c.grad());
    }
}
