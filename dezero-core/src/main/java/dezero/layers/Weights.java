package dezero.layers;

import dezero.Parameter;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;
import dezero.utils.Npz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saving and loading a layer's parameters as NumPy {@code .npz}, with DeZero's flattened key
 * names ({@code l0/W}, {@code l0/b}), so files written by Python DeZero's {@code save_weights}
 * or {@code numpy.savez} load here, and ours load there. {@link Layer#saveWeights} and
 * {@link Layer#loadWeights} are the public entry points.
 */
final class Weights {
    private Weights() {
    }

    /**
     * Writes every parameter that has data (compressed, like DeZero's {@code np.savez_compressed}).
     * The write is atomic: on failure the previous file, if any, is left as it was.
     */
    static void save(Layer layer, Path file) throws IOException {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : layer.flattenParams().entrySet()) {
            NdArray d = e.getValue().data();
            if (d != null) { // a lazily initialised layer that never ran has no weights yet (DeZero skips them too)
                arrays.put(e.getKey(), d);
            }
        }
        Npz.save(file, arrays, true);
    }

    /**
     * Reads {@code file} into the layer's parameters. Every parameter must have an entry, every
     * entry must name a parameter, and a parameter that already has data must keep its shape and
     * its kind of dtype (floating or not); parameters without data yet (lazy init) take the file's
     * array if it is floating and has the sizes the layer already knows ({@link Parameter#lazyShape()}).
     * As in DeZero ({@code param.data = npz[key]}) a floating parameter takes the file's precision:
     * float64 weights saved by Python DeZero stay float64. Nothing is assigned unless the whole
     * file fits, so a failed load leaves the model unchanged.
     */
    static void load(Layer layer, Path file) throws IOException {
        Map<String, NdArray> arrays = Npz.load(file);
        Map<String, Parameter> params = layer.flattenParams();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            NdArray a = arrays.get(e.getKey());
            NdArray current = e.getValue().data();
            if (a == null) {
                problems.add("missing weight '" + e.getKey() + "'");
            } else if (current != null && !java.util.Arrays.equals(current.shape(), a.shape())) {
                problems.add("'" + e.getKey() + "' has shape " + Shapes.str(a.shape()) + " in the file but "
                        + Shapes.str(current.shape()) + " in the model");
            } else if (current != null && current.dtype().isFloating() != a.dtype().isFloating()) {
                problems.add("'" + e.getKey() + "' is " + a.dtype() + " in the file but " + current.dtype()
                        + " in the model");
            } else if (current == null) {
                String problem = lazyProblem(e.getValue(), a);
                if (problem != null) {
                    problems.add("'" + e.getKey() + "' " + problem);
                }
            }
        }
        for (String key : arrays.keySet()) {
            if (!params.containsKey(key)) {
                problems.add("the file has '" + key + "', which is not a parameter of the model");
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException("loadWeights: " + file + " does not fit " + layer.getClass().getSimpleName()
                    + " (parameters " + params.keySet() + "): " + String.join("; ", problems));
        }
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            e.getValue().setData(arrays.get(e.getKey()));
        }
    }

    /**
     * Why {@code a} cannot become the data of {@code p}, a parameter its layer has not sized yet, or
     * null: it must be floating, as every trained parameter is, and have the sizes the layer knows
     * already ({@link Parameter#lazyShape()}).
     */
    private static String lazyProblem(Parameter p, NdArray a) {
        if (!a.dtype().isFloating()) {
            return "is " + a.dtype() + " in the file but must be float32 or float64 (a parameter the model has not"
                    + " sized yet)";
        }
        int[] expected = p.lazyShape();
        if (expected == null) {
            return null;
        }
        boolean fits = expected.length == a.ndim();
        for (int i = 0; fits && i < expected.length; i++) {
            fits = expected[i] < 0 || expected[i] == a.shape(i);
        }
        if (fits) {
            return null;
        }
        return "has shape " + Shapes.str(a.shape()) + " in the file but " + Shapes.str(expected).replace("-1", "?")
                + " in the model (? is sized at the first call)";
    }
}
