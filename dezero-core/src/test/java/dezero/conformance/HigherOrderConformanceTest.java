package dezero.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Golden cases of {@code higher_order.json}: n-th derivatives through
 * {@code backward(retainGrad=false, createGraph=true)}, step 34, Newton's method (steps 29 and 33),
 * double backprop (step 36) and Hessian-vector products through every backward.
 */
class HigherOrderConformanceTest {

    @TestFactory
    List<DynamicTest> higherOrder() {
        return new Suite("higher_order.json", HigherOrderConformanceTest::byKind)
                .script("step34_sin_linspace_logs", HigherOrderConformanceTest::step34)
                .script("step29_newton_analytic_second_derivative", HigherOrderConformanceTest::newtonAnalytic)
                .script("step33_newton_double_backprop", HigherOrderConformanceTest::newtonDoubleBackprop)
                .script("step36_double_backprop", HigherOrderConformanceTest::doubleBackprop)
                .divergence("hvp_batch_nrom_train", HigherOrderConformanceTest::batchNormHvp)
                .tests();
    }

    private static Suite.Runner byKind(GoldenCase c) {
        if (c.results().has("derivatives")) {
            return HigherOrderConformanceTest::derivatives;
        }
        if (c.name.startsWith("hvp_")) {
            return HigherOrderConformanceTest::hvp;
        }
        return k -> {
            throw new AssertionError(k.id() + ": no runner for this script case");
        };
    }

    /** y = op; y.backward(create_graph=True); repeat: gx = x.grad; x.cleargrad(); gx.backward(create_graph=True). */
    static void derivatives(GoldenCase c) {
        GoldenCase.In in = c.fresh();
        Variable x = in.v("x");
        Variable y = Suite.op(c).apply(in);
        FunctionCases.check(c, "output", c.tensor("output"), y.data(), FunctionCases.Dtypes.REFERENCE);
        JsonNode ds = c.results().get("derivatives");
        if (c.results().has("stopped")) {
            throw new AssertionError(c.id() + ": 'stopped' chains are not handled yet: " + c.results().get("stopped"));
        }
        assertEquals(c.arg("order").asInt(), ds.size(), c.id() + ": order");
        y.backward(false, true);
        for (int k = 1; k <= ds.size(); k++) {
            Variable gx = x.grad();
            assertNotNull(gx, c.id() + ": derivative " + k + " is null");
            FunctionCases.check(c, "derivatives[" + (k - 1) + "] (order " + k + ")", Golden.tensor(ds.get(k - 1)),
                    gx.data(), FunctionCases.Dtypes.REFERENCE);
            x.cleargrad();
            gx.backward(false, true);
        }
    }

    /**
     * y = op; y.backward(create_graph=True) (first-order grads); gx = wrt.grad; clear all grads;
     * z = F.sum(gx * w); z.backward(); second grads (null where gx does not depend on the input).
     */
    static void hvp(GoldenCase c) {
        GoldenCase.In in = c.fresh();
        Variable y = Suite.op(c).apply(in);
        FunctionCases.check(c, "output", c.tensor("output"), y.data(), FunctionCases.Dtypes.REFERENCE);
        y.backward(false, true);
        FunctionCases.checkGrads(c, "grads", c.get("grads"), in, FunctionCases.Dtypes.REFERENCE);
        JsonNode r = c.results();
        Variable gx = in.v(c.get("wrt").asText()).grad();
        for (Variable v : in.all().values()) {
            v.cleargrad();
        }
        Variable z = F.sum(gx.mul(Golden.tensor(r.get("w"))));
        FunctionCases.check(c, "results.z", Golden.tensor(r.get("z")), z.data(), FunctionCases.Dtypes.REFERENCE);
        z.backward();
        FunctionCases.checkGrads(c, "results.second_grads", r.get("second_grads"), in, FunctionCases.Dtypes.REFERENCE);
    }

    /**
     * The reference's BatchNorm double backward treats inv_std as a constant, so its d z / d x is wrong
     * (fd error 1.8). Ours differentiates the batch statistics: output, first-order grads and the
     * second grads of gamma and beta are the reference's; d z / d x equals central differences of z(x).
     */
    static void batchNormHvp(GoldenCase c) {
        GoldenCase.In in = c.fresh();
        Variable y = Suite.op(c).apply(in);
        FunctionCases.check(c, "output", c.tensor("output"), y.data(), FunctionCases.Dtypes.REFERENCE);
        y.backward(false, true);
        FunctionCases.checkGrads(c, "grads", c.get("grads"), in, FunctionCases.Dtypes.REFERENCE);
        NdArray w = Golden.tensor(c.results().get("w"));
        Variable gx = in.v("x").grad();
        for (Variable v : in.all().values()) {
            v.cleargrad();
        }
        F.sum(gx.mul(w)).backward();
        JsonNode second = c.results().get("second_grads");
        for (String name : new String[] {"gamma", "beta"}) {
            FunctionCases.check(c, "second_grads[" + name + "]", Golden.tensor(second.get(name)), in.v(name).grad().data(),
                    FunctionCases.Dtypes.REFERENCE);
        }
        NdArray x0 = c.fresh().a("x");
        double h = 1e-6;
        double[] fd = new double[x0.size()];
        for (int i = 0; i < fd.length; i++) {
            fd[i] = (batchNormZ(c, w, i, h) - batchNormZ(c, w, i, -h)) / (2 * h);
        }
        Golden.assertClose(c.id() + ": second_grads[x] vs central differences", NdArray.wrap(fd, x0.shape()),
                in.v("x").grad().data(), 1e-5, 1e-6);
    }

    /** z = sum(dy/dx * w) with x[i] shifted by delta. */
    private static double batchNormZ(GoldenCase c, NdArray w, int i, double delta) {
        GoldenCase.In in = c.fresh();
        in.a("x").setFlat(i, in.a("x").getFlat(i) + delta);
        Suite.op(c).apply(in).backward();
        return in.v("x").grad().data().mul(w).sum().item();
    }

    /** Step 34: sin over linspace(-7, 7, 200) and its first three derivatives. */
    static void step34(GoldenCase c) {
        GoldenCase.In in = c.fresh();
        Variable x = in.v("x");
        Golden.assertClose(c.id() + ": x = linspace(-7, 7, 200)", in.a("x"), NdArray.linspace(-7, 7, 200));
        Variable y = F.sin(x);
        y.backward(false, true);
        JsonNode logs = c.results().get("logs");
        Golden.assertClose(c.id() + ": logs[0]", Golden.tensor(logs.get(0)), y.data());
        for (int i = 0; i < 3; i++) {
            Variable gx = x.grad();
            Golden.assertClose(c.id() + ": logs[" + (i + 1) + "]", Golden.tensor(logs.get(i + 1)), gx.data());
            x.cleargrad();
            gx.backward(false, true);
        }
    }

    /** Step 29: x.data -= x.grad / (12 x^2 - 4), 10 iterations from 2. */
    static void newtonAnalytic(GoldenCase c) {
        Variable x = c.fresh().v("x");
        int iters = c.arg("iters").asInt();
        double[] seq = new double[iters + 1];
        seq[0] = x.data().item();
        for (int i = 0; i < iters; i++) {
            Variable y = Ops.poly(x);
            x.cleargrad();
            y.backward();
            NdArray d2 = x.data().pow(2.0).mul(12.0).sub(4.0);
            x.setData(x.data().sub(x.grad().data().div(d2)));
            seq[i + 1] = x.data().item();
        }
        CoreConformanceTest.assertSeries(c, "x_sequence", c.results().get("x_sequence"), seq);
    }

    /** Step 33: the second derivative by double backprop; x.data -= gx.data / gx2.data. */
    static void newtonDoubleBackprop(GoldenCase c) {
        Variable x = c.fresh().v("x");
        int iters = c.arg("iters").asInt();
        double[] seq = new double[iters + 1];
        double[] d1 = new double[iters];
        double[] d2 = new double[iters];
        seq[0] = x.data().item();
        for (int i = 0; i < iters; i++) {
            Variable y = Ops.poly(x);
            x.cleargrad();
            y.backward(false, true);
            Variable gx = x.grad();
            x.cleargrad();
            gx.backward();
            Variable gx2 = x.grad();
            d1[i] = gx.data().item();
            d2[i] = gx2.data().item();
            x.setData(x.data().sub(gx.data().div(gx2.data())));
            seq[i + 1] = x.data().item();
        }
        JsonNode r = c.results();
        CoreConformanceTest.assertSeries(c, "x_sequence", r.get("x_sequence"), seq);
        CoreConformanceTest.assertSeries(c, "first_derivs", r.get("first_derivs"), d1);
        CoreConformanceTest.assertSeries(c, "second_derivs", r.get("second_derivs"), d2);
    }

    /** Step 36: y = x^2; gx = dy/dx (with graph); z = gx^3 + y; dz/dx = 100 at x = 2. */
    static void doubleBackprop(GoldenCase c) {
        GoldenCase.In in = c.fresh();
        Variable x = in.v("x");
        Variable y = x.pow(2);
        y.backward(false, true);
        Variable gx = x.grad();
        x.cleargrad();
        Variable z = gx.pow(3).add(y);
        z.backward();
        JsonNode r = c.results();
        Golden.assertClose(c.id() + ": results.y", Golden.tensor(r.get("y")), y.data());
        Golden.assertClose(c.id() + ": results.gx", Golden.tensor(r.get("gx")), gx.data());
        FunctionCases.check(c, "output (z)", c.tensor("output"), z.data(), FunctionCases.Dtypes.REFERENCE);
        FunctionCases.checkGrads(c, "grads", c.get("grads"), in, FunctionCases.Dtypes.REFERENCE);
    }
}
