package dezero.steps;

import dezero.ndarray.NdArray;

/**
 * Step 1: a variable is a box that holds data.
 *
 * <p>The book starts DeZero with one class. {@code Variable} wraps an array ({@code NdArray} here,
 * where the book uses NumPy's {@code ndarray}); the data can be read and replaced.
 *
 * <p>Run: {@code java -cp dezero-core/target/dezero-core-0.1.0-SNAPSHOT.jar Step01.java}
 */
public final class Step01 {
    private Step01() {
    }

    /** A box for data. */
    static class Variable {
        NdArray data;

        Variable(NdArray data) {
            this.data = data;
        }
    }

    public static void main(String[] args) {
        NdArray data = NdArray.scalar(1.0);
        Variable x = new Variable(data);
        System.out.println(x.data);

        x.data = NdArray.scalar(2.0);
        System.out.println(x.data);
    }
}
