package dezero.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dezero.Config;
import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The standard recipe for a function case (README, "Case fields"): the forward output, the grads
 * after {@code y.backward()} with the all-ones seed, and the {@code upstream} block (fresh inputs,
 * {@code loss = F.sum(y * Variable(gy))}). Also a float64 central-difference gradient, used where
 * the reference has no usable grads (divergences).
 */
final class FunctionCases {
    private FunctionCases() {
    }

    /** How dtypes are checked. */
    enum Dtypes {
        /** Every array must have exactly the reference dtype. */
        REFERENCE,
        /**
         * NumPy-2 weak scalars (NEP 50), as in this project: every floating result must have
         * {@link GoldenCase#weakFloatDType()} (float32 when all floating inputs are float32), even
         * where the reference promoted to float64 ({@code dtype_*} cases). Values are compared at the
         * float32 tolerance.
         */
        WEAK
    }

    /** Runs the whole standard recipe. */
    static void run(GoldenCase c, Op op) {
        run(c, op, Dtypes.REFERENCE);
    }

    static void run(GoldenCase c, Op op, Dtypes dtypes) {
        GoldenCase.In in = c.fresh();
        Variable y = forward(c, op, in, dtypes);
        if (!c.has("grads")) {
            throw new AssertionError(c.id() + ": the reference backward raised (" + c.get("backward_error")
                    + "); this case needs a divergence handler, not the standard recipe");
        }
        y.backward();
        checkGrads(c, "grads", c.get("grads"), in, dtypes);
        checkUpstream(c, op, dtypes);
    }

    /** Applies the op (under the case's {@code config}), checks {@code output} and {@code returns_input_object}. */
    static Variable forward(GoldenCase c, Op op, GoldenCase.In in, Dtypes dtypes) {
        Variable y = apply(c, op, in);
        check(c, "output", c.tensor("output"), y.data(), dtypes);
        JsonNode same = c.get("returns_input_object");
        if (same != null && same.asBoolean()) {
            assertSame(in.v(0), y, c.id() + ": should return its input Variable itself");
        }
        return y;
    }

    static Variable apply(GoldenCase c, Op op, GoldenCase.In in) {
        JsonNode config = c.get("config");
        if (config != null && config.has("train")) {
            try (Config.Scope s = Config.train(config.get("train").asBoolean())) {
                return op.apply(in);
            }
        }
        return op.apply(in);
    }

    /** Compares the grads of every input with {@code expected} ({@code {name: tensor or null}}). */
    static void checkGrads(GoldenCase c, String label, JsonNode expected, GoldenCase.In in, Dtypes dtypes) {
        for (Map.Entry<String, Variable> e : in.all().entrySet()) {
            String name = e.getKey();
            Variable g = e.getValue().grad();
            JsonNode want = expected.get(name);
            String what = label + "[" + name + "]";
            if (want == null || want.isNull()) {
                assertNull(g, () -> c.id() + ": " + what + " should be null (no gradient) but is "
                        + Golden.preview(g.data()));
            } else {
                if (g == null) {
                    throw new AssertionError(c.id() + ": " + what + " is null, expected " + Golden.preview(Golden.tensor(want)));
                }
                check(c, what, Golden.tensor(want), g.data(), dtypes);
            }
        }
    }

    /** The {@code upstream} block, when the case has one with grads. */
    static void checkUpstream(GoldenCase c, Op op, Dtypes dtypes) {
        JsonNode up = c.get("upstream");
        if (up == null || up.isNull() || !up.has("grads")) {
            return;
        }
        GoldenCase.In in = upstream(c, op, Golden.tensor(up.get("gy")));
        checkGrads(c, "upstream.grads", up.get("grads"), in, dtypes);
    }

    /** Fresh inputs, {@code loss = F.sum(y * Variable(gy))}, {@code loss.backward()}; returns the inputs. */
    static GoldenCase.In upstream(GoldenCase c, Op op, NdArray gy) {
        GoldenCase.In in = c.fresh();
        Variable y = apply(c, op, in);
        Variable loss = F.sum(y.mul(new Variable(gy)));
        loss.backward();
        return in;
    }

    /** Compares values, and dtypes according to {@code dtypes}. */
    static void check(GoldenCase c, String what, NdArray expected, NdArray actual, Dtypes dtypes) {
        String id = c.id() + ": " + what;
        Golden.assertClose(id, expected, actual);
        if (dtypes == Dtypes.WEAK && expected.dtype().isFloating()) {
            Golden.assertDType(id + " (NumPy weak-scalar promotion)", c.weakFloatDType(), actual);
        } else {
            Golden.assertDType(id, expected.dtype(), actual);
        }
    }

    // ------------------------------------------------------------------ finite differences

    /**
     * The float64 central-difference gradient of {@code sum(op(inputs) * gy)} with respect to each
     * input that requires a gradient ({@code h = 1e-6}), evaluated without recording graphs.
     */
    static Map<String, NdArray> numericalGrads(GoldenCase c, Op op, NdArray gy) {
        double h = 1e-6;
        Map<String, NdArray> out = new LinkedHashMap<>();
        double[] w = gy.toDoubleArray();
        for (String name : c.gradInputNames()) {
            int n = c.fresh().a(name).size();
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = (weighted(c, op, name, i, h, w) - weighted(c, op, name, i, -h, w)) / (2 * h);
            }
            out.put(name, NdArray.wrap(g, c.fresh().a(name).shape()));
        }
        return out;
    }

    private static double weighted(GoldenCase c, Op op, String name, int i, double delta, double[] w) {
        GoldenCase.In in = c.fresh();
        NdArray a = in.a(name);
        if (a.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException(c.id() + ": finite differences need float64 inputs");
        }
        a.setFlat(i, a.getFlat(i) + delta);
        double[] y;
        try (Config.Scope s = Config.noGrad()) {
            y = apply(c, op, in).data().toDoubleArray();
        }
        if (y.length != w.length) {
            throw new IllegalArgumentException(c.id() + ": gy has " + w.length + " values for an output of " + y.length);
        }
        double sum = 0;
        for (int k = 0; k < y.length; k++) {
            sum += y[k] * w[k];
        }
        return sum;
    }

    /**
     * Checks our upstream grads against central differences (atol 1e-6, which is well above the
     * ~1e-9 truncation and rounding error of h = 1e-6 for the smooth ops where this is used).
     */
    static void checkAgainstFiniteDifferences(GoldenCase c, Op op, NdArray gy, String label) {
        GoldenCase.In in = upstream(c, op, gy);
        Map<String, NdArray> fd = numericalGrads(c, op, gy);
        for (Map.Entry<String, NdArray> e : fd.entrySet()) {
            Variable g = in.v(e.getKey()).grad();
            String what = c.id() + ": " + label + "[" + e.getKey() + "] vs central differences";
            if (g == null) {
                throw new AssertionError(what + ": our grad is null");
            }
            Golden.assertClose(what, e.getValue(), g.data(), 1e-6, 1e-6);
            Golden.assertDType(what, DType.FLOAT64, g.data());
        }
    }
}
