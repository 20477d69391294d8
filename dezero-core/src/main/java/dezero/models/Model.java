package dezero.models;

import dezero.Variable;
import dezero.layers.Layer;
import dezero.utils.DotGraph;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@link Layer} that is a whole network: the class to extend for your own models, with
 * {@link #plot} to draw the graph of one forward pass.
 *
 * <pre>{@code
 * class TwoLayerNet extends Model {
 *     private final Linear l1 = new Linear(10);
 *     private final Linear l2 = new Linear(1);
 *     protected Variable forward(Variable... xs) { return l2.apply(F.sigmoid(l1.apply(xs[0]))); }
 * }
 * new TwoLayerNet().plot(Path.of("model.png"), x);   // model.dot, and model.png when Graphviz is installed
 * }</pre>
 */
public abstract class Model extends Layer {
    /** For subclasses. */
    protected Model() {
    }

    /**
     * Runs a forward pass on {@code inputs} and writes its graph (verbose: shapes and dtypes) with
     * {@link DotGraph#plot}: the DOT text next to {@code file}, rendered to {@code file} (png, svg or pdf)
     * when Graphviz is installed.
     *
     * @return {@code file}
     */
    public Path plot(Path file, Variable... inputs) throws IOException {
        return DotGraph.plot(forward(inputs), true, file);
    }
}
