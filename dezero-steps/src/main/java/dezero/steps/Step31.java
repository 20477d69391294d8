package dezero.steps;

/**
 * Step 31: higher-order derivatives, the theory (the book's step 31 has no code; this program
 * prints nothing).
 *
 * <p>If backward computes with Variables instead of arrays, the backward pass is itself a
 * computation that builds a graph: for y = sin(x), the gradient gx = cos(x) * gy is a Variable
 * with a creator. Backpropagating from gx then gives the second derivative, and so on.
 */
public final class Step31 {
    private Step31() {
    }

    public static void main(String[] args) {
        // No code in the book's step 31: see the class comment for the idea it explains.
    }
}
