package dezero.steps;

import dezero.Variable;
import dezero.functions.F;
import dezero.utils.DotGraph;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Step 35: the graph of a higher derivative. Differentiating tanh(x) once more for each
 * iteration (with {@code createGraph}) builds the graph of the next derivative; with
 * {@code iters = 1} that is the second derivative {@code gx2}, whose graph is written as
 * {@code out/tanh.dot} (and drawn as {@code out/tanh.png} when Graphviz is installed; raise
 * {@code iters} to watch the graph grow). Nothing is printed on standard output, as in the book.
 * {@code --out DIR} writes elsewhere.
 */
public final class Step35 {
    private Step35() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length == 2 && args[0].equals("--out") ? args[1] : "out");
        Variable x = Variable.of(1.0);
        Variable y = F.tanh(x);
        x.setName("x");
        y.setName("y");
        y.backward(false, true);

        int iters = 1;

        for (int i = 0; i < iters; i++) {
            Variable gx = x.grad();
            x.cleargrad();
            gx.backward(false, true);
        }

        Variable gx = x.grad();
        gx.setName("gx" + (iters + 1));
        // the DOT text, and the picture when Graphviz's dot is installed (the book needs dot)
        String file = DotGraph.graphvizAvailable() ? "tanh.png" : "tanh.dot";
        System.err.println("wrote " + DotGraph.plot(gx, false, out.resolve(file)));
    }
}
