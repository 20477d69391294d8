package dezero.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Golden cases of {@code functions.json}: every public function of DeZero's {@code dezero/functions.py}. */
class FunctionsConformanceTest {

    @TestFactory
    List<DynamicTest> functions() {
        return new Suite("functions.json", c -> Suite.standard(c, FunctionCases.Dtypes.REFERENCE))
                .divergence("sum_to_mismatched_shape_QUIRK", FunctionsConformanceTest::sumToMismatch)
                .divergence("expand_dims_minus1", FunctionsConformanceTest::expandDimsMinusOne)
                .divergence("matmul_1d_2d", FunctionsConformanceTest::matmulNd)
                .divergence("matmul_2d_1d", FunctionsConformanceTest::matmulNd)
                .divergence("matmul_3d_2d", FunctionsConformanceTest::matmulNd)
                .divergence("max_axis_-1_keepdims_False", c -> negativeAxisMaxMin(c, false))
                .divergence("min_axis_-1_keepdims_False", c -> negativeAxisMaxMin(c, true))
                .divergence("reshape_same_shape", FunctionsConformanceTest::leafBackward)
                .divergence("dropout_test_mode", FunctionsConformanceTest::leafBackward)
                .divergence("accuracy", FunctionsConformanceTest::accuracy)
                .divergence("accuracy_2d_t", FunctionsConformanceTest::accuracy)
                .divergence("softmax_cross_entropy_t_column_QUIRK", FunctionsConformanceTest::labelsColumn)
                .script("batch_nrom_train_2d", FunctionsConformanceTest::batchNormTrain)
                .script("batch_nrom_train_4d", FunctionsConformanceTest::batchNormTrain)
                .script("batch_nrom_train_custom_decay_eps", FunctionsConformanceTest::batchNormTrain)
                .divergence("batch_nrom_test_2d", FunctionsConformanceTest::batchNormTestMode)
                .divergence("batch_nrom_test_4d", FunctionsConformanceTest::batchNormTestMode)
                .tests();
    }

    /** DeZero returns the (2, 3) input unchanged for sumTo((2, 3) -> (2, 5)); we reject the target. */
    static void sumToMismatch(GoldenCase c) {
        Variable x = c.fresh().v("x");
        int[] target = Golden.ints(c.arg("shape"));
        assertThrows(RuntimeException.class, () -> F.sumTo(x, target),
                c.id() + ": sumTo to a shape the input does not broadcast to must throw");
    }

    /**
     * NumPy's expand_dims(x, -1) on (2, 3) gives (2, 3, 1); DeZero's list.insert gives (2, 1, 3).
     * The values (and so all grads) are those of the reference, only the output shape differs.
     */
    static void expandDimsMinusOne(GoldenCase c) {
        GoldenCase.In in = c.fresh();
        Op op = Suite.op(c);
        Variable y = op.apply(in);
        int[] xs = in.a("x").shape();
        int[] numpyShape = Arrays.copyOf(xs, xs.length + 1);
        numpyShape[xs.length] = 1;
        NdArray ref = c.tensor("output");
        FunctionCases.check(c, "output (NumPy shape " + Shapes.str(numpyShape) + ")", ref.reshape(numpyShape), y.data(),
                FunctionCases.Dtypes.REFERENCE);
        y.backward();
        FunctionCases.checkGrads(c, "grads", c.get("grads"), in, FunctionCases.Dtypes.REFERENCE);
        JsonNode up = c.get("upstream");
        GoldenCase.In in2 = FunctionCases.upstream(c, op, Golden.tensor(up.get("gy")).reshape(numpyShape));
        FunctionCases.checkGrads(c, "upstream.grads", up.get("grads"), in2, FunctionCases.Dtypes.REFERENCE);
    }

    /**
     * The reference's MatMul.backward assumes 2-D operands and raised for 1-D and 3-D ones. Ours
     * follows np.matmul: the forward is the reference's; the grads have the inputs' shapes and equal
     * float64 central differences, for the all-ones seed and for a random upstream gradient.
     */
    static void matmulNd(GoldenCase c) {
        Op op = Suite.op(c);
        GoldenCase.In in = c.fresh();
        Variable y = FunctionCases.forward(c, op, in, FunctionCases.Dtypes.REFERENCE);
        y.backward();
        for (String name : c.gradInputNames()) {
            assertArrayEquals(in.a(name).shape(), in.v(name).grad().shape(), c.id() + ": grad shape of " + name);
        }
        FunctionCases.checkAgainstFiniteDifferences(c, op, NdArray.onesLike(y.data()), "grads (all-ones seed)");
        FunctionCases.checkAgainstFiniteDifferences(c, op, randomLike(y.data(), 7), "upstream grads (random gy)");
    }

    /**
     * The reference's max/min backward does not normalise axis=-1 and raised. Ours gives exactly the
     * grads of axis=ndim-1 and matches central differences.
     */
    static void negativeAxisMaxMin(GoldenCase c, boolean min) {
        Op op = Suite.op(c);
        GoldenCase.In in = c.fresh();
        Variable y = FunctionCases.forward(c, op, in, FunctionCases.Dtypes.REFERENCE);
        y.backward();
        Variable x2 = new Variable(c.fresh().a("x"));
        int last = x2.ndim() - 1;
        Variable y2 = min ? F.min(x2, new int[] {last}, false) : F.max(x2, new int[] {last}, false);
        y2.backward();
        Golden.assertClose(c.id() + ": grads[x] vs axis=" + last, x2.grad().data(), in.v("x").grad().data(), 0, 0);
        FunctionCases.checkAgainstFiniteDifferences(c, op, randomLike(y.data(), 11), "upstream grads (random gy)");
    }

    /**
     * reshape to the same shape, and dropout in test mode, return the input itself, as in DeZero.
     * backward() on that leaf raises in DeZero; here it sets grad = ones and stops.
     */
    static void leafBackward(GoldenCase c) {
        Op op = Suite.op(c);
        GoldenCase.In in = c.fresh();
        Variable y = FunctionCases.forward(c, op, in, FunctionCases.Dtypes.REFERENCE);
        y.backward();
        Golden.assertClose(c.id() + ": grad after leaf backward", NdArray.onesLike(in.a("x")), in.v("x").grad().data());
        FunctionCases.checkUpstream(c, op, FunctionCases.Dtypes.REFERENCE);
    }

    /** accuracy has no creator (not differentiable); backward() on it is a no-op here instead of an error. */
    static void accuracy(GoldenCase c) {
        Op op = Suite.op(c);
        GoldenCase.In in = c.fresh();
        Variable y = FunctionCases.forward(c, op, in, FunctionCases.Dtypes.REFERENCE);
        assertNull(y.creator(), c.id() + ": accuracy must not be differentiable");
        y.backward();
        for (Variable v : in.all().values()) {
            assertNull(v.grad(), c.id() + ": no input gets a grad");
        }
    }

    /**
     * Labels of shape (N, 1): the reference's forward is right but its backward gives an (N, N, C)
     * grad. Ours flattens the labels in both passes, so the grads are those of the same labels as
     * (N,), recorded by the reference in softmax_cross_entropy_t_variable (same x and labels).
     */
    static void labelsColumn(GoldenCase c) {
        Op op = Suite.op(c);
        GoldenCase.In in = c.fresh();
        Variable y = FunctionCases.forward(c, op, in, FunctionCases.Dtypes.REFERENCE);
        y.backward();
        GoldenCase flat = Golden.cases(c.file).stream()
                .filter(k -> k.name.equals("softmax_cross_entropy_t_variable")).findFirst().orElseThrow();
        Golden.assertClose(c.id() + ": same x as " + flat.name, flat.fresh().a("x"), in.a("x"), 0, 0);
        Golden.assertClose(c.id() + ": same labels as " + flat.name, flat.fresh().a("t"), in.a("t").reshape(in.a("t").size()), 0, 0);
        FunctionCases.check(c, "grads[x] vs " + flat.name, Golden.tensor(flat.get("grads").get("x")), in.v("x").grad().data(),
                FunctionCases.Dtypes.REFERENCE);
        FunctionCases.checkAgainstFiniteDifferences(c, op, Golden.tensor(c.get("upstream").get("gy")), "upstream grads");
    }

    /** The standard recipe, then the running mean and variance after one train-mode forward (updated in place). */
    static void batchNormTrain(GoldenCase c) {
        Op op = Suite.op(c);
        FunctionCases.run(c, op);
        checkRunningStats(c, op);
    }

    private static void checkRunningStats(GoldenCase c, Op op) {
        GoldenCase.In in = c.fresh();
        FunctionCases.apply(c, op, in);
        FunctionCases.check(c, "results.mean_after", Golden.tensor(c.results().get("mean_after")), in.a("mean"),
                FunctionCases.Dtypes.REFERENCE);
        FunctionCases.check(c, "results.var_after", Golden.tensor(c.results().get("var_after")), in.a("var"),
                FunctionCases.Dtypes.REFERENCE);
    }

    /**
     * Test mode: the reference's forward and (unchanged) running statistics; its backward raised
     * (inv_std is only set in train mode). Ours gives grads that equal central differences.
     */
    static void batchNormTestMode(GoldenCase c) {
        Op op = Suite.op(c);
        Variable y = FunctionCases.forward(c, op, c.fresh(), FunctionCases.Dtypes.REFERENCE);
        checkRunningStats(c, op);
        FunctionCases.checkAgainstFiniteDifferences(c, op, NdArray.onesLike(y.data()), "grads (all-ones seed)");
        FunctionCases.checkAgainstFiniteDifferences(c, op, randomLike(y.data(), 13), "upstream grads (random gy)");
    }

    /** Deterministic standard-normal float64 values of a's shape. */
    static NdArray randomLike(NdArray a, long seed) {
        Random r = new Random(seed);
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        return NdArray.wrap(d, a.shape());
    }
}
