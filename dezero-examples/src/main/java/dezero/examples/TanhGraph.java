package dezero.examples;

import dezero.Variable;
import dezero.functions.F;
import dezero.utils.DotGraph;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 35: the derivatives of tanh up to the 6th, each obtained by backpropagating through the
 * graph that the previous backward recorded ({@code createGraph=true}). The graph of the highest
 * derivative is written as Graphviz DOT, and rendered to PNG when the {@code dot} program exists.
 */
public final class TanhGraph implements Example {

    /** The k-th derivatives at x (k = 1..order), the DOT file and the PNG (null when not rendered). */
    public record Result(List<Double> derivatives, Path dotFile, Path pngFile, int dotNodes) {
    }

    @Override
    public String name() {
        return "tanh-graph";
    }

    @Override
    public String summary() {
        return "step 35: derivatives of tanh up to the 6th; the last one's graph as DOT (and PNG with Graphviz)";
    }

    @Override
    public String options() {
        return "--order N    highest derivative (default 6)\n"
                + "--x X        the point (default 1.0)\n"
                + "--out DIR    output directory (default out/)";
    }

    @Override
    public void run(Options options, PrintStream out) throws IOException {
        compute(options.getInt("order", 6, 1), options.getDouble("x", 1.0), Path.of(options.get("out", "out")), out);
    }

    public static Result compute(int order, double at, Path outDir, PrintStream out) throws IOException {
        Variable x = Variable.of(at);
        x.setName("x");
        Variable y = F.tanh(x);
        y.setName("y");
        y.backward(false, true);
        List<Double> derivs = new ArrayList<>();
        derivs.add(x.grad().data().item());
        out.printf("tanh(x) at x = %s: y = %s%n", at, y.data().item());
        out.printf("  derivative 1: %s%n", x.grad().data().item());
        for (int k = 2; k <= order; k++) {
            Variable gx = x.grad();
            x.cleargrad();
            gx.backward(false, true);
            derivs.add(x.grad().data().item());
            out.printf("  derivative %d: %s%n", k, x.grad().data().item());
        }
        Variable gx = x.grad();
        gx.setName("gx" + order);

        Files.createDirectories(outDir);
        String dot = DotGraph.toDot(gx, false);
        Path dotFile = outDir.resolve("tanh.dot");
        Files.writeString(dotFile, dot);
        int nodes = countNodes(dot);
        out.printf("graph of derivative %d (%s): %d nodes, DOT written to %s%n", order, gx.name(), nodes,
                dotFile.toAbsolutePath());
        Path png = null;
        if (DotGraph.graphvizAvailable()) {
            Path target = outDir.resolve("tanh.png");
            DotGraph.plot(gx, false, target);
            png = target;
            out.println("rendered with Graphviz to " + target.toAbsolutePath());
        } else {
            out.println("PNG NOT rendered: Graphviz 'dot' was not found on the PATH. Install Graphviz and run");
            out.println("  dot -Tpng " + dotFile.toAbsolutePath() + " -o " + outDir.resolve("tanh.png").toAbsolutePath());
        }
        return new Result(derivs, dotFile, png, nodes);
    }

    /** Lines of the DOT text that declare a node ({@code id [label=...]}) rather than an edge. */
    static int countNodes(String dot) {
        int n = 0;
        for (String line : dot.split("\n")) {
            String t = line.strip();
            if (t.contains("[") && !t.contains("->") && !t.startsWith("node") && !t.startsWith("graph")
                    && !t.startsWith("edge")) {
                n++;
            }
        }
        return n;
    }
}
