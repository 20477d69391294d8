package dezero.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dezero.Config;
import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.layers.BatchNorm;
import dezero.layers.Conv2d;
import dezero.layers.Deconv2d;
import dezero.layers.EmbedID;
import dezero.layers.LSTM;
import dezero.layers.RNN;
import dezero.layers.Layer;
import dezero.layers.Linear;
import dezero.models.MLP;
import dezero.models.Sequential;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden cases of {@code layers.json}: Linear, Conv2d, Deconv2d, BatchNorm, EmbedID, RNN, LSTM, MLP,
 * Sequential and parameter registration.
 */
class LayersConformanceTest {

    @TestFactory
    List<DynamicTest> layers() {
        return new Suite("layers.json", c -> k -> {
            throw new AssertionError(k.id() + ": no runner for this layer case");
        })
                .script("Linear_in4_out3", c -> LayerCases.run(c, () -> new Linear(3, false, DType.FLOAT32, 4), LayerCases.ON_X))
                .script("Linear_nobias", c -> LayerCases.run(c, () -> new Linear(3, true, DType.FLOAT32, 4), LayerCases.ON_X))
                .script("Linear_lazy_in_size", c -> LayerCases.run(c, () -> new Linear(2), LayerCases.ON_X))
                .divergence("Linear_random_init_seed0", LayersConformanceTest::linearRandomInit)
                .script("MLP_4_2_sigmoid", c -> LayerCases.run(c, () -> new MLP(new int[] {4, 2}), LayerCases.ON_X))
                .script("MLP_4_2_relu", c -> LayerCases.run(c, () -> new MLP(new int[] {4, 2}, F::relu), LayerCases.ON_X))
                .script("MLP_4_2_softmax_cross_entropy", c -> LayerCases.run(c, () -> new MLP(new int[] {4, 2}),
                        (layer, in) -> F.softmaxCrossEntropy(layer.apply(in.v("x")), in.v("t"))))
                .script("Sequential_linear_linear",
                        c -> LayerCases.run(c, () -> new Sequential(new Linear(4), new Linear(2)), LayerCases.ON_X))
                .script("Conv2d_k3_s1_p1",
                        c -> LayerCases.run(c, () -> new Conv2d(3, 3, 1, 1, false, DType.FLOAT32, 2), LayerCases.ON_X))
                .script("Conv2d_k2_s2_nobias",
                        c -> LayerCases.run(c, () -> new Conv2d(2, 2, 2, 0, true, DType.FLOAT32, 3), LayerCases.ON_X))
                .script("Deconv2d_k3_s2_p1",
                        c -> LayerCases.run(c, () -> new Deconv2d(2, 3, 2, 1, false, DType.FLOAT32, 3), LayerCases.ON_X))
                .script("BatchNorm_layer_2d", LayersConformanceTest::batchNormLayer)
                .script("BatchNorm_layer_4d", LayersConformanceTest::batchNormLayer)
                .script("Parameter_vs_Variable_registration", LayersConformanceTest::registration)
                .script("EmbedID_5x3", c -> LayerCases.run(c, () -> new EmbedID(5, 3), (layer, in) -> layer.apply(in.v("idx"))))
                .script("RNN_hidden3_3steps", c -> recurrent(c, new RNN(3), l -> null))
                .script("LSTM_hidden3_3steps", c -> recurrent(c, new LSTM(3, 2), l -> ((LSTM) l).cellState()))
                .tests();
    }

    /**
     * W from NdRandom's global generator after seedGlobal(0) has the reference's values (drawn as
     * randn(3, 4) * sqrt(1/3)), but stays float32 like the float32 input (the reference: float64 W
     * under NumPy 2, because np.sqrt(1/I) is a strong float64 scalar), so y is float32 too.
     */
    static void linearRandomInit(GoldenCase c) {
        NdRandom.seedGlobal(c.arg("seed").asLong());
        Linear l = new Linear(c.arg("out_size").asInt());
        Variable y = l.apply(c.fresh().v("x"));
        Map<String, Parameter> p = l.flattenParams();
        for (String name : List.of("W", "b")) {
            NdArray actual = p.get(name).data();
            Golden.assertClose(c.id() + ": params[" + name + "]", Golden.tensor(c.get("params").get(name)), actual);
            Golden.assertDType(c.id() + ": params[" + name + "] (weak scale: the layer's dtype)", DType.FLOAT32, actual);
        }
        Golden.assertClose(c.id() + ": output", c.tensor("output"), y.data());
        Golden.assertDType(c.id() + ": output", DType.FLOAT32, y.data());
    }

    /** Three train-mode batches (running averages after each), the last batch's grads, then a test-mode call. */
    static void batchNormLayer(GoldenCase c) {
        BatchNorm bn = new BatchNorm();
        bn.gamma().setData(Golden.tensor(c.get("params").get("gamma")));
        bn.beta().setData(Golden.tensor(c.get("params").get("beta")));
        GoldenCase.In in = c.fresh();
        JsonNode r = c.results();
        Variable y = null;
        for (int i = 0; i < 3; i++) {
            y = bn.apply(in.v(i));
            FunctionCases.check(c, "train_outputs[" + i + "]", Golden.tensor(r.get("train_outputs").get(i)), y.data(),
                    FunctionCases.Dtypes.REFERENCE);
            FunctionCases.check(c, "avg_mean_after_each[" + i + "]", Golden.tensor(r.get("avg_mean_after_each").get(i)),
                    bn.avgMean().data(), FunctionCases.Dtypes.REFERENCE);
            FunctionCases.check(c, "avg_var_after_each[" + i + "]", Golden.tensor(r.get("avg_var_after_each").get(i)),
                    bn.avgVar().data(), FunctionCases.Dtypes.REFERENCE);
        }
        F.sum(y.mul(new Variable(Golden.tensor(r.get("gy_last"))))).backward();
        JsonNode g = r.get("grads_last_step");
        FunctionCases.check(c, "grads_last_step[x]", Golden.tensor(g.get("x")), in.v(2).grad().data(),
                FunctionCases.Dtypes.REFERENCE);
        FunctionCases.check(c, "grads_last_step[gamma]", Golden.tensor(g.get("gamma")), bn.gamma().grad().data(),
                FunctionCases.Dtypes.REFERENCE);
        FunctionCases.check(c, "grads_last_step[beta]", Golden.tensor(g.get("beta")), bn.beta().grad().data(),
                FunctionCases.Dtypes.REFERENCE);
        try (Config.Scope s = Config.testMode()) {
            FunctionCases.check(c, "test_output", Golden.tensor(r.get("test_output")), bn.apply(in.v(3)).data(),
                    FunctionCases.Dtypes.REFERENCE);
        }
        assertEquals(List.of("avg_mean", "avg_var", "gamma", "beta"), new ArrayList<>(bn.flattenParams().keySet()),
                c.id() + ": the running averages are saved with the weights, in DeZero's declaration order");
    }

    /**
     * Three steps of a recurrent layer: loss = sum_t sum(layer(x_t) * gy_t); the hidden (and cell)
     * state after each step, the loss, and all grads after one backward through the three steps.
     */
    static void recurrent(GoldenCase c, Layer layer, java.util.function.Function<Layer, Variable> cell) {
        LayerCases.withParams(c, layer, c.get("params"));
        GoldenCase.In in = c.fresh();
        JsonNode r = c.results();
        Variable loss = null;
        for (int t = 0; t < 3; t++) {
            Variable h = layer.apply(in.v(t));
            FunctionCases.check(c, "hidden_states[" + t + "]", Golden.tensor(r.get("hidden_states").get(t)), h.data(),
                    FunctionCases.Dtypes.REFERENCE);
            if (r.has("cell_states")) {
                FunctionCases.check(c, "cell_states[" + t + "]", Golden.tensor(r.get("cell_states").get(t)),
                        cell.apply(layer).data(), FunctionCases.Dtypes.REFERENCE);
            }
            Variable term = F.sum(h.mul(new Variable(Golden.tensor(r.get("gy").get(t)))));
            loss = loss == null ? term : loss.add(term);
        }
        FunctionCases.check(c, "output", c.tensor("output"), loss.data(), FunctionCases.Dtypes.REFERENCE);
        loss.backward();
        FunctionCases.checkGrads(c, "grads", c.get("grads"), in, FunctionCases.Dtypes.REFERENCE);
        LayerCases.checkParamGrads(c, "param_grads", c.get("param_grads"), layer);
        LayerCases.checkParams(c, "params_after_forward", c.get("params_after_forward"), layer);
    }

    /** A layer with a Parameter, a plain Variable, a sub-layer and a raw array attribute. */
    static final class Attributes extends Layer {
        final Parameter p = new Parameter(NdArray.array(new double[] {1, 2}));
        final Variable v = new Variable(NdArray.array(new double[] {3, 4}));
        final Linear sub = new Linear(2, false, DType.FLOAT64, 2);
        final NdArray arr = NdArray.zeros(2);

        @Override
        protected Variable forward(Variable... inputs) {
            return sub.apply(inputs[0]);
        }
    }

    static void registration(GoldenCase c) {
        JsonNode r = c.results();
        Attributes layer = new Attributes();
        List<String> expected = new ArrayList<>();
        r.get("registered_param_names").forEach(n -> expected.add(n.asText()));
        assertEquals(expected, new ArrayList<>(layer.flattenParams().keySet()), c.id() + ": registered names");
        assertEquals(r.get("model_params_count").asInt(), layer.params().size(), c.id() + ": params count");
        assertTrue(r.get("param_is_variable_subclass").asBoolean() && layer.p instanceof Variable, c.id());
        Variable op = layer.p.mul(2.0);
        assertEquals(r.get("op_on_parameter_returns").asText(), op.getClass().getSimpleName(), c.id() + ": p * 2 is a");
        assertEquals(r.get("parameter_repr").asText(), layer.p.toString(), c.id() + ": repr");
        assertSame(layer.p, layer.params().get(0), c.id() + ": the Parameter itself is registered");
        assertNotSame(layer.v, layer.params().get(1), c.id() + ": the plain Variable is not");
    }
}
