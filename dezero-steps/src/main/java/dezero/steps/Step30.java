package dezero.steps;

/**
 * Step 30: how higher-order derivatives can work (the book's step 30 has no code; this program
 * prints nothing).
 *
 * <p>So far backward computes on arrays: the gradient is a number with no history, so it cannot
 * be differentiated again. The book looks again at what a Variable and a Function store, and
 * at the order in which backward visits the graph, to prepare step 31.
 */
public final class Step30 {
    private Step30() {
    }

    public static void main(String[] args) {
        // No code in the book's step 30: see the class comment for the idea it explains.
    }
}
