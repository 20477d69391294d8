package dezero.steps;

/**
 * Step 25: Graphviz (the book's step 25 has no code; this program prints nothing).
 *
 * <p>The book introduces the DOT language that Graphviz's {@code dot} program draws: a graph is
 * {@code digraph g { ... }}, each node a line such as {@code 1 [label="x", color=orange,
 * style=filled]}, each edge a line such as {@code 1 -> 2}; {@code dot sample.dot -T png -o
 * sample.png} renders it. Step 26 writes the computational graph in this language:
 * {@code dezero.utils.DotGraph.toDot(y, verbose)} gives the text, {@code DotGraph.plot} also runs
 * {@code dot} when it is installed.
 */
public final class Step25 {
    private Step25() {
    }

    public static void main(String[] args) {
        // No code in the book's step 25: see the class comment for the idea it explains.
    }
}
