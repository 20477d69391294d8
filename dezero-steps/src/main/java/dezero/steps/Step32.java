package dezero.steps;

/**
 * Step 32: higher-order derivatives, the implementation (the book's step 32 changes the
 * {@code dezero} package and has no program of its own; this one prints nothing).
 *
 * <p>In the library, a variable's {@code grad} is a {@code Variable}, every {@code backward}
 * computes with Variables (see {@code dezero.functions}: e.g. {@code Sin.backward} returns
 * {@code gy.mul(cos(x))}), and {@code Variable.backward(retainGrad, createGraph)} records the
 * backward pass only when {@code createGraph} is true, inside a {@code Config.enableBackprop}
 * scope. Step 33 uses it.
 */
public final class Step32 {
    private Step32() {
    }

    public static void main(String[] args) {
        // No code in the book's step 32: see the class comment for the idea it explains.
    }
}
