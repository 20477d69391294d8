package dezero.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dezero.Config;
import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.layers.BatchNorm;
import dezero.layers.Layer;
import dezero.layers.Linear;
import dezero.models.MLP;
import dezero.models.Model;
import dezero.ndarray.DType;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.optimizers.SGD;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden cases of {@code training.json}: whole training runs replayed from the recorded initial
 * weights, data and sample order, with the recorded dtypes (the reference's float64 W and float32 b).
 * Steps 42 and 43 match value for value; the others follow the loss curve within {@link #CURVE_RTOL}
 * (much tighter than the README's "final loss within 10 %") and reach the reference's test accuracy.
 */
class TrainingConformanceTest {
    /**
     * Relative tolerance for a replayed loss-curve point. The replays follow the reference to about
     * 1e-15 (same data, order, weights and dtypes); this leaves room for kernels that sum in another
     * order, and is far inside the "final loss within 10 %".
     */
    static final double CURVE_RTOL = 1e-4;

    @TestFactory
    List<DynamicTest> training() {
        return new Suite("training.json", c -> k -> {
            throw new AssertionError(k.id() + ": no runner for this training case");
        })
                .script("spiral_dataset_train", c -> spiralDataset(c, true))
                .script("spiral_dataset_test", c -> spiralDataset(c, false))
                .script("spiral_mlp_sgd_300_epochs", c -> {
                    spiral(c, new MLP(new int[] {10, 3}));
                    spiralFloat32(c);
                })
                .script("example_spiral_batchnorm_100_epochs", c -> spiral(c, new SpiralBatchNormNet()))
                .script("step42_linear_regression", TrainingConformanceTest::linearRegression)
                .script("step43_manual_two_layer_net", TrainingConformanceTest::manualTwoLayerNet)
                .script("step45_sin_regression_two_layer_net", c -> sinRegression(c, new TwoLayerNet(), false))
                .script("step46_sin_regression_mlp_sgd", c -> sinRegression(c, new MLP(new int[] {10, 1}), true))
                .tests();
    }

    /** examples/spiral.py's TwoLayerNet: Linear(10) -> BatchNorm -> sigmoid -> Linear(3) (fields in DeZero's order). */
    static final class SpiralBatchNormNet extends Model {
        final Linear l1 = new Linear(10);
        final Linear l2 = new Linear(3);
        final BatchNorm bn1 = new BatchNorm();

        @Override
        protected Variable forward(Variable... xs) {
            return l2.apply(F.sigmoid(bn1.apply(l1.apply(xs[0]))));
        }
    }

    /** Step 45's TwoLayerNet: Linear(10) -> sigmoid -> Linear(1). */
    static final class TwoLayerNet extends Model {
        final Linear l1 = new Linear(10);
        final Linear l2 = new Linear(1);

        @Override
        protected Variable forward(Variable... xs) {
            return l2.apply(F.sigmoid(l1.apply(xs[0])));
        }
    }

    /** {@code dezero.datasets.Spiral(train)}: the same points, labels and order as the reference, bit for bit. */
    private static void spiralDataset(GoldenCase c, boolean train) {
        dezero.datasets.Batch data = dezero.datasets.Spiral.getSpiral(train);
        Golden.assertClose("x", Golden.tensor(c.results().get("x")), data.x(), 0, 0);
        Golden.assertClose("t", Golden.tensor(c.results().get("t")), data.t(), 0, 0);
        Golden.assertDType("x", DType.FLOAT32, data.x());
        Golden.assertDType("t", DType.INT64, data.t());
    }

    private static GoldenCase named(GoldenCase c, String name) {
        return Golden.cases(c.file).stream().filter(k -> k.name.equals(name)).findFirst().orElseThrow();
    }

    /** The recorded weights of {@code params_init} (with their recorded dtypes) into the model's parameters. */
    private static void loadInit(GoldenCase c, Layer model, Variable firstBatch) {
        try (Config.Scope s = Config.noGrad()) {
            model.apply(firstBatch); // creates the lazily initialised parameters
        }
        JsonNode init = c.get("params_init");
        for (String name : LayerCases.names(init)) {
            Parameter p = model.flattenParams().get(name);
            if (p == null) {
                throw new AssertionError(c.id() + ": no parameter " + name + " (have " + model.flattenParams().keySet() + ")");
            }
            p.setData(Golden.tensor(init.get(name)));
        }
    }

    /**
     * Step 50 and examples/spiral.py: batches of 30 in the recorded order of every epoch, softmax
     * cross-entropy, SGD(1.0), from the recorded weights. The first epoch's batch losses and every
     * epoch's average loss follow the reference's, and the test accuracy is the reference's (at least 0.9).
     */
    static void spiral(GoldenCase c, Model model) {
        JsonNode r = c.results();
        int epochs = c.arg("max_epoch").asInt();
        boolean batchNorm = model instanceof SpiralBatchNormNet;
        Run run = replay(c, model, false);
        for (int b = 0; r.has("epoch0_batch_losses") && b < run.epoch0.length; b++) {
            Golden.assertClose(c.id() + ": epoch0_batch_losses[" + b + "]",
                    NdArray.scalar(r.get("epoch0_batch_losses").get(b).asDouble()), NdArray.scalar(run.epoch0[b]), 1e-6, 1e-9);
        }
        for (int e = 0; e < epochs; e++) {
            double want = r.get("train_loss").get(e).asDouble();
            assertTrue(Math.abs(run.losses[e] - want) <= CURVE_RTOL * want, c.id() + ": train_loss[" + e + "] = "
                    + run.losses[e] + ", reference " + want);
        }
        double refAccuracy = batchNorm ? r.get("test_accuracy_test_mode").asDouble()
                : r.get("test_acc").get(epochs - 1).asDouble();
        assertTrue(run.accuracy >= 0.9, c.id() + ": test accuracy " + run.accuracy + " (reference " + refAccuracy + ")");
        assertTrue(Math.abs(run.accuracy - refAccuracy) <= 1.0 / 300 + 1e-12, c.id() + ": test accuracy " + run.accuracy
                + " differs from the reference's " + refAccuracy + " by more than one sample");
        if (r.has("last_batch_loss")) {
            double want = r.get("last_batch_loss").get(epochs - 1).asDouble();
            assertTrue(Math.abs(run.lastBatch - want) <= CURVE_RTOL * want, c.id() + ": last batch loss " + run.lastBatch
                    + ", reference " + want);
        }
    }

    /**
     * Step 50 with this project's default float32 weights (the recorded ones rounded to float32): the
     * issue's criteria, final average loss within 10 % of the reference's and test accuracy at least 0.9.
     */
    static void spiralFloat32(GoldenCase c) {
        Run run = replay(c, new MLP(new int[] {10, 3}), true);
        int last = c.arg("max_epoch").asInt() - 1;
        double want = c.results().get("train_loss").get(last).asDouble();
        assertTrue(Math.abs(run.losses[last] - want) <= 0.10 * want, c.id() + " (float32 weights): final loss "
                + run.losses[last] + ", reference " + want);
        assertTrue(run.accuracy >= 0.9, c.id() + " (float32 weights): test accuracy " + run.accuracy);
    }

    /** What a replay gives: per-epoch average losses, the first epoch's batch losses, the last batch loss, test accuracy. */
    private static final class Run {
        double[] losses;
        double[] epoch0;
        double lastBatch;
        double accuracy;
    }

    private static Run replay(GoldenCase c, Model model, boolean float32) {
        JsonNode train = named(c, "spiral_dataset_train").results();
        JsonNode test = named(c, "spiral_dataset_test").results();
        NdArray x = Golden.tensor(train.get("x"));
        NdArray t = Golden.tensor(train.get("t"));
        int batch = c.arg("batch_size").asInt();
        int epochs = c.arg("max_epoch").asInt();
        JsonNode perms = c.results().get("epoch_permutations");
        assertEquals(epochs, perms.size(), c.id() + ": permutations");
        boolean batchNorm = model instanceof SpiralBatchNormNet;
        // a BatchNorm forward would update the running averages: initialise on a test-mode call instead
        try (Config.Scope s = Config.testMode()) {
            loadInit(c, model, new Variable(x.getItem(Index.slice(0, batch))));
        }
        if (float32) {
            for (Parameter p : model.params()) {
                p.setData(p.data().astype(dezero.ndarray.DType.FLOAT32));
            }
        }
        SGD opt = (SGD) new SGD(c.arg("lr").asDouble()).setup(model);
        Run run = new Run();
        run.losses = new double[epochs];
        run.epoch0 = new double[x.shape(0) / batch];
        for (int e = 0; e < epochs; e++) {
            long[] order = new long[x.shape(0)];
            for (int i = 0; i < order.length; i++) {
                order[i] = perms.get(e).get(i).asLong();
            }
            double sum = 0;
            for (int start = 0; start < order.length; start += batch) {
                NdArray idx = NdArray.array(java.util.Arrays.copyOfRange(order, start, start + batch));
                Variable loss = F.softmaxCrossEntropy(model.apply(new Variable(x.getItem(Index.array(idx)))),
                        t.getItem(Index.array(idx)));
                model.cleargrads();
                loss.backward();
                opt.update();
                run.lastBatch = loss.data().item();
                sum += run.lastBatch * batch;
                if (e == 0) {
                    run.epoch0[start / batch] = run.lastBatch;
                }
            }
            run.losses[e] = sum / order.length;
        }
        try (Config.Scope s = batchNorm ? Config.testMode() : Config.noGrad()) {
            run.accuracy = F.accuracy(model.apply(new Variable(Golden.tensor(test.get("x")))),
                    Golden.tensor(test.get("t"))).data().item();
        }
        return run;
    }

    /** Step 42: W, b from 0; loss = sum((y - (x W + b))^2) / len(x); W -= lr W.grad; b -= lr b.grad. */
    static void linearRegression(GoldenCase c) {
        GoldenCase.In in = c.fresh();
        Variable x = new Variable(in.a("x"));
        NdArray y = in.a("y");
        Variable w = new Variable(NdArray.zeros(1, 1));
        Variable b = new Variable(NdArray.zeros(1));
        double lr = c.arg("lr").asDouble();
        int iters = c.arg("iters").asInt();
        double[] loss = new double[iters];
        double[] ws = new double[iters];
        double[] bs = new double[iters];
        for (int i = 0; i < iters; i++) {
            Variable l = F.sum(F.matmul(x, w).add(b).rsub(y).pow(2)).div(x.len());
            w.cleargrad();
            b.cleargrad();
            l.backward();
            w.data().subi(w.grad().data().mul(lr));
            b.data().subi(b.grad().data().mul(lr));
            loss[i] = l.data().item();
            ws[i] = w.data().item();
            bs[i] = b.data().item();
        }
        CoreConformanceTest.assertSeries(c, "loss", c.results().get("loss"), loss);
        CoreConformanceTest.assertSeries(c, "W", c.results().get("W"), ws);
        CoreConformanceTest.assertSeries(c, "b", c.results().get("b"), bs);
    }

    /** Step 43: linear -> sigmoid -> linear with plain Variables, mean squared error, manual SGD. */
    static void manualTwoLayerNet(GoldenCase c) {
        GoldenCase.In in = c.fresh();
        JsonNode init = c.get("params_init");
        Variable[] ps = {new Variable(Golden.tensor(init.get("W1"))), new Variable(Golden.tensor(init.get("b1"))),
                new Variable(Golden.tensor(init.get("W2"))), new Variable(Golden.tensor(init.get("b2")))};
        double[] curve = train(c, in, () -> F.linear(F.sigmoid(F.linear(in.v("x"), ps[0], ps[1])), ps[2], ps[3]), ps,
                null);
        CoreConformanceTest.assertSeries(c, "loss_every_10", c.results().get("loss_every_10"), curve);
        String[] names = {"W1", "b1", "W2", "b2"};
        for (int i = 0; i < names.length; i++) {
            Golden.assertClose(c.id() + ": params_final[" + names[i] + "]", Golden.tensor(c.get("params_final").get(names[i])),
                    ps[i].data(), 1e-8, 1e-10);
        }
    }

    /**
     * Steps 45 (manual SGD over model.params()) and 46 (optimizers.SGD). Step 46 also checks that the
     * data and the lazily drawn weights come from NdRandom as from NumPy: seed(0), rand(100, 1) twice,
     * then the layers' randn on the first call.
     */
    static void sinRegression(GoldenCase c, Model model, boolean withOptimizer) {
        GoldenCase.In in = c.fresh();
        if (withOptimizer) {
            NdRandom.seedGlobal(c.arg("seed").asLong());
            NdArray x = NdRandom.global().rand(100, 1);
            NdArray y = x.mul(2 * Math.PI).sin().add(NdRandom.global().rand(100, 1));
            Golden.assertClose(c.id() + ": x = rand(100, 1)", in.a("x"), x);
            Golden.assertClose(c.id() + ": y = sin(2 pi x) + rand(100, 1)", in.a("y"), y);
            try (Config.Scope s = Config.noGrad()) {
                model.apply(in.v("x"));
            }
            JsonNode init = c.get("params_init");
            for (String name : LayerCases.names(init)) {
                // our W is float32 (weak scale), the reference's float64: compare at float32 tolerance
                Golden.assertClose(c.id() + ": lazily drawn " + name, Golden.tensor(init.get(name)),
                        model.flattenParams().get(name).data());
            }
        }
        loadInit(c, model, in.v("x"));
        Variable[] ps = model.params().toArray(new Variable[0]);
        SGD opt = withOptimizer ? (SGD) new SGD(c.arg("lr").asDouble()).setup(model) : null;
        double[] curve = train(c, in, () -> model.apply(in.v("x")), ps, opt);
        JsonNode want = c.results().get("loss_every_10");
        for (int k = 0; k < curve.length; k++) {
            double w = want.get(k).asDouble();
            assertTrue(Math.abs(curve[k] - w) <= CURVE_RTOL * w, c.id() + ": loss_every_10[" + k + "] = " + curve[k]
                    + ", reference " + w);
        }
    }

    /** The iterations of steps 43-46: mse(y, predict()), clear grads, backward, SGD; the loss every 10 iterations. */
    private static double[] train(GoldenCase c, GoldenCase.In in, java.util.function.Supplier<Variable> predict,
                                  Variable[] params, SGD opt) {
        double lr = c.arg("lr").asDouble();
        int iters = c.arg("iters").asInt();
        int every = c.arg("record_every").asInt();
        double[] curve = new double[iters / every];
        for (int i = 0; i < iters; i++) {
            Variable loss = F.meanSquaredError(in.v("y"), predict.get());
            for (Variable p : params) {
                p.cleargrad();
            }
            loss.backward();
            if (opt != null) {
                opt.update();
            } else {
                for (Variable p : params) {
                    p.data().subi(p.grad().data().mul(lr));
                }
            }
            if (i % every == 0) {
                curve[i / every] = loss.data().item();
            }
        }
        return curve;
    }
}
