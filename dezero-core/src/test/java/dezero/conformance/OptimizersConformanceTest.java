package dezero.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.layers.Layer;
import dezero.models.MLP;
import dezero.ndarray.NdArray;
import dezero.optimizers.AdaDelta;
import dezero.optimizers.AdaGrad;
import dezero.optimizers.Adam;
import dezero.optimizers.ClipGrad;
import dezero.optimizers.Hook;
import dezero.optimizers.MomentumSGD;
import dezero.optimizers.Optimizer;
import dezero.optimizers.SGD;
import dezero.optimizers.WeightDecay;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Golden cases of {@code optimizers.json}: three update steps of every optimizer (and hook) on an
 * {@code MLP((4, 3))} with recorded initial parameters and softmax cross-entropy.
 */
class OptimizersConformanceTest {

    @TestFactory
    List<DynamicTest> optimizers() {
        return new Suite("optimizers.json", c -> OptimizersConformanceTest::steps)
                .divergence("QUIRK_shared_grad_WeightDecay", c -> sharedGrad(c, false))
                .divergence("QUIRK_shared_grad_ClipGrad", c -> sharedGrad(c, true))
                .tests();
    }

    /** The optimizer of {@code args} (class and hyperparameters) with its hooks. */
    static Optimizer optimizer(GoldenCase c) {
        JsonNode h = c.arg("hyperparameters");
        String kind = c.arg("optimizer").asText();
        Optimizer opt;
        switch (kind) {
            case "SGD":
                opt = new SGD(h.get("lr").asDouble());
                break;
            case "MomentumSGD":
                opt = new MomentumSGD(h.get("lr").asDouble(), h.get("momentum").asDouble());
                break;
            case "AdaGrad":
                opt = new AdaGrad(h.get("lr").asDouble(), h.get("eps").asDouble());
                break;
            case "AdaDelta":
                opt = new AdaDelta(h.get("rho").asDouble(), h.get("eps").asDouble());
                break;
            case "Adam":
                opt = new Adam(h.get("alpha").asDouble(), h.get("beta1").asDouble(), h.get("beta2").asDouble(),
                        h.get("eps").asDouble());
                break;
            default:
                throw new AssertionError(c.id() + ": unknown optimizer " + kind);
        }
        for (JsonNode hook : c.arg("hooks")) {
            opt.addHook(hook(c, hook.asText()));
        }
        return opt;
    }

    private static final Pattern HOOK = Pattern.compile("(\\w+)\\{'(\\w+)': ([-+0-9.eE]+)\\}");

    /** {@code WeightDecay{'rate': 0.1}} or {@code ClipGrad{'max_norm': 0.1}}. */
    static Hook hook(GoldenCase c, String text) {
        Matcher m = HOOK.matcher(text);
        if (!m.matches()) {
            throw new AssertionError(c.id() + ": cannot read hook " + text);
        }
        double v = Double.parseDouble(m.group(3));
        switch (m.group(1)) {
            case "WeightDecay":
                return new WeightDecay(v);
            case "ClipGrad":
                return new ClipGrad(v);
            default:
                throw new AssertionError(c.id() + ": unknown hook " + text);
        }
    }

    /** Per step: loss, raw grads, grads after the hooks and params after the update. */
    static void steps(GoldenCase c) {
        GoldenCase.In in = c.fresh();
        MLP model = LayerCases.withParams(c, new MLP(new int[] {4, 3}), c.get("params_before"));
        Optimizer opt = optimizer(c).setup(model);
        JsonNode history = c.get("history");
        assertEquals(c.arg("steps").asInt(), history.size(), c.id() + ": steps");
        for (int i = 0; i < history.size(); i++) {
            JsonNode h = history.get(i);
            String at = "history[" + i + "].";
            Variable loss = F.softmaxCrossEntropy(model.apply(in.v(0)), in.v(1));
            model.cleargrads();
            loss.backward();
            Golden.assertClose(c.id() + ": " + at + "loss", NdArray.scalar(h.get("loss").asDouble()), loss.data());
            LayerCases.checkParamGrads(c, at + "grads", h.get("grads"), model);
            opt.update();
            LayerCases.checkParamGrads(c, at + "grads_after_update", h.get("grads_after_update"), model);
            LayerCases.checkParams(c, at + "params", h.get("params"), model);
        }
    }

    /** Two parameters a and b, as a layer. */
    static final class Pair extends Layer {
        final Parameter a;
        final Parameter b;

        Pair(NdArray a, NdArray b) {
            this.a = new Parameter(a);
            this.b = new Parameter(b);
        }

        @Override
        protected Variable forward(Variable... inputs) {
            return F.sum(a.add(b).pow(2));
        }
    }

    /**
     * loss = sum((a + b)^2): backward hands both parameters the same grad array, as in DeZero. The
     * reference's in-place hooks then change that one array twice; ours give each parameter its own
     * copy first, so the result is the hook's definition applied once per parameter, computed here
     * from the reference's own raw grads and initial values.
     */
    static void sharedGrad(GoldenCase c, boolean clip) {
        JsonNode before = c.get("params_before");
        Pair pair = new Pair(Golden.tensor(before.get("a")), Golden.tensor(before.get("b")));
        Variable loss = pair.apply(new Variable[0]);
        loss.backward();
        FunctionCases.check(c, "output", c.tensor("output"), loss.data(), FunctionCases.Dtypes.REFERENCE);
        assertSame(pair.a.grad(), pair.b.grad(), c.id() + ": the grad objects are shared after backward, as in DeZero");
        JsonNode r = c.results();
        LayerCases.checkParamGrads(c, "results.grads", r.get("grads"), pair);
        NdArray a0 = Golden.tensor(before.get("a"));
        NdArray b0 = Golden.tensor(before.get("b"));
        NdArray ga = Golden.tensor(r.get("grads").get("a"));
        NdArray gb = Golden.tensor(r.get("grads").get("b"));
        double lr = 0.1;
        if (clip) {
            double maxNorm = 0.5;
            double norm = Math.sqrt(ga.square().sum().item() + gb.square().sum().item());
            double rate = maxNorm / (norm + 1e-6);
            if (rate < 1) {
                ga = ga.mul(rate);
                gb = gb.mul(rate);
            }
        } else {
            double rate = 0.5;
            ga = ga.add(a0.mul(rate));
            gb = gb.add(b0.mul(rate));
        }
        Optimizer opt = new SGD(lr).setup(pair).addHook(clip ? new ClipGrad(0.5) : new WeightDecay(0.5));
        opt.update();
        Map<String, NdArray> expected = new LinkedHashMap<>();
        expected.put("grads_after_update[a]", ga);
        expected.put("grads_after_update[b]", gb);
        expected.put("params_after[a]", a0.sub(ga.mul(lr)));
        expected.put("params_after[b]", b0.sub(gb.mul(lr)));
        NdArray[] actual = {pair.a.grad().data(), pair.b.grad().data(), pair.a.data(), pair.b.data()};
        int i = 0;
        for (Map.Entry<String, NdArray> e : expected.entrySet()) {
            Golden.assertClose(c.id() + ": " + e.getKey() + " (each parameter's own grad)", e.getValue(), actual[i++]);
        }
    }
}
