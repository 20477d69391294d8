package dezero.steps;

import dezero.Variable;
import dezero.utils.DotGraph;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Step 26: drawing the computational graph. The graph that computed the Goldstein-Price function
 * is written as Graphviz DOT ({@code out/goldstein.dot}) and, when Graphviz's {@code dot} is
 * installed, drawn as {@code out/goldstein.png}; standard error names the file. The variables
 * carry names, which become the labels of their nodes. Nothing is printed on standard output,
 * as in the book. {@code --out DIR} writes elsewhere.
 */
public final class Step26 {
    private Step26() {
    }

    static Variable goldstein(Variable x, Variable y) {
        Variable a = x.add(y).add(1).pow(2)
                .mul(x.mul(14).rsub(19).add(x.pow(2).mul(3)).sub(y.mul(14)).add(x.mul(6).mul(y))
                        .add(y.pow(2).mul(3)));
        Variable b = x.mul(2).sub(y.mul(3)).pow(2)
                .mul(x.mul(32).rsub(18).add(x.pow(2).mul(12)).add(y.mul(48)).sub(x.mul(36).mul(y))
                        .add(y.pow(2).mul(27)));
        Variable z = a.add(1).mul(b.add(30));
        return z;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length == 2 && args[0].equals("--out") ? args[1] : "out");
        Variable x = Variable.of(1.0);
        Variable y = Variable.of(1.0);
        Variable z = goldstein(x, y);
        z.backward();

        x.setName("x");
        y.setName("y");
        z.setName("z");
        // the DOT text, and the picture when Graphviz's dot is installed (the book needs dot)
        String file = DotGraph.graphvizAvailable() ? "goldstein.png" : "goldstein.dot";
        System.err.println("wrote " + DotGraph.plot(z, false, out.resolve(file)));
    }
}
