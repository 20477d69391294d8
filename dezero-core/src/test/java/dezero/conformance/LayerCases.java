package dezero.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.layers.Layer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The recipe for a layer case (README, "layers"): a fresh layer with the recorded {@code params}
 * (by flattened name), the forward output, the all-ones backward ({@code grads}, {@code param_grads},
 * {@code params_after_forward}) and the {@code upstream} block on a second fresh layer.
 */
final class LayerCases {
    private LayerCases() {
    }

    /** How a case calls its layer on the case's inputs. */
    @FunctionalInterface
    interface Call extends BiFunction<Layer, GoldenCase.In, Variable> {
    }

    /** Calls the layer on the first input. */
    static final Call ON_X = (layer, in) -> layer.apply(in.v(0));

    static void run(GoldenCase c, Supplier<Layer> make, Call call) {
        Layer layer = withParams(c, make.get(), c.get("params"));
        GoldenCase.In in = c.fresh();
        Variable y = call.apply(layer, in);
        FunctionCases.check(c, "output", c.tensor("output"), y.data(), FunctionCases.Dtypes.REFERENCE);
        y.backward();
        FunctionCases.checkGrads(c, "grads", c.get("grads"), in, FunctionCases.Dtypes.REFERENCE);
        checkParamGrads(c, "param_grads", c.get("param_grads"), layer);
        checkParams(c, "params_after_forward", c.get("params_after_forward"), layer);

        JsonNode up = c.get("upstream");
        Layer layer2 = withParams(c, make.get(), c.get("params"));
        GoldenCase.In in2 = c.fresh();
        Variable loss = F.sum(call.apply(layer2, in2).mul(new Variable(Golden.tensor(up.get("gy")))));
        loss.backward();
        FunctionCases.checkGrads(c, "upstream.grads", up.get("grads"), in2, FunctionCases.Dtypes.REFERENCE);
        checkParamGrads(c, "upstream.param_grads", up.get("param_grads"), layer2);
    }

    /**
     * Sets each recorded parameter by its flattened name; the layer must have exactly the recorded
     * names (compared as sets: the files list them sorted, ours are in declaration order).
     */
    static <L extends Layer> L withParams(GoldenCase c, L layer, JsonNode params) {
        Map<String, Parameter> ours = layer.flattenParams();
        assertEquals(new TreeSet<>(names(params)), new TreeSet<>(ours.keySet()), c.id() + ": flattened parameter names");
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ours.get(e.getKey()).setData(Golden.tensor(e.getValue()));
        }
        return layer;
    }

    static List<String> names(JsonNode obj) {
        List<String> out = new ArrayList<>();
        obj.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static void checkParamGrads(GoldenCase c, String label, JsonNode expected, Layer layer) {
        Map<String, Parameter> ours = layer.flattenParams();
        for (String name : names(expected)) {
            Variable g = ours.get(name).grad();
            if (g == null) {
                throw new AssertionError(c.id() + ": " + label + "[" + name + "] is null");
            }
            FunctionCases.check(c, label + "[" + name + "]", Golden.tensor(expected.get(name)), g.data(),
                    FunctionCases.Dtypes.REFERENCE);
        }
    }

    static void checkParams(GoldenCase c, String label, JsonNode expected, Layer layer) {
        Map<String, Parameter> ours = layer.flattenParams();
        for (String name : names(expected)) {
            Parameter p = ours.get(name);
            if (p == null) {
                throw new AssertionError(c.id() + ": " + label + ": no parameter " + name + " (have " + ours.keySet() + ")");
            }
            FunctionCases.check(c, label + "[" + name + "]", Golden.tensor(expected.get(name)), p.data(),
                    FunctionCases.Dtypes.REFERENCE);
        }
    }
}
