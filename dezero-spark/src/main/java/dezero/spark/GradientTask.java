package dezero.spark;

import dezero.Config;
import dezero.Variable;
import dezero.models.Model;
import dezero.ndarray.NdArray;

import java.io.Serializable;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * What an executor does for one partition in one step: take a model of the run's architecture
 * (reused across steps), give it the step's weights, run forward and backward on the partition's
 * share of the global batch with the loss weighted by share size / global batch size, and return
 * the flat gradient. The same code runs in the single-JVM reference ({@link LocalShards}), which is
 * why the two agree bit for bit.
 */
public final class GradientTask implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Idle models per run, on each JVM; one per concurrently running task at most. */
    private static final Map<String, Deque<Model>> POOL = new ConcurrentHashMap<>();

    private final String run;
    private final ModelFactory factory;
    private final Loss loss;
    private final ParamLayout layout;

    GradientTask(String run, ModelFactory factory, Loss loss, ParamLayout layout) {
        this.run = run;
        this.factory = factory;
        this.loss = loss;
        this.layout = layout;
    }

    ParamLayout layout() {
        return layout;
    }

    /**
     * The gradient of partition {@code partition}'s share of {@code batch} (data-set positions) at
     * {@code weights}.
     */
    @SuppressWarnings("try") // the Config scopes are used for their effect (train mode, backprop on) only
    ShardGradient compute(int partition, ShardData data, int[] batch, FlatVector weights) {
        int[] rows = data.rowsOf(batch);
        if (rows.length == 0) {
            return ShardGradient.empty(partition, layout.count());
        }
        long start = System.nanoTime();
        Model model = borrow();
        try (var backprop = Config.enableBackprop(true); var train = Config.train(true)) {
            layout.setWeights(model, weights);
            model.cleargrads();
            NdArray x = data.inputs(rows);
            NdArray t = data.labels(rows);
            Variable mean = loss.apply(model, x, t);
            double share = rows.length / (double) batch.length;
            Variable weighted = mean.mul(share);
            weighted.backward();
            boolean[] hasGrad = new boolean[layout.count()];
            FlatVector grad = layout.gradients(model, hasGrad);
            double lossShare = mean.data().item() * share;
            model.cleargrads();
            return new ShardGradient(partition, rows.length, lossShare, grad, hasGrad, System.nanoTime() - start);
        } finally {
            giveBack(model);
        }
    }

    private Model borrow() {
        Deque<Model> idle = POOL.get(run);
        Model m = idle == null ? null : idle.pollFirst();
        return m != null ? m : factory.create();
    }

    private void giveBack(Model model) {
        // one run at a time per JVM is the normal case: forget the idle models of earlier runs
        if (!POOL.containsKey(run)) {
            POOL.keySet().removeIf(k -> !k.equals(run));
        }
        POOL.computeIfAbsent(run, k -> new ConcurrentLinkedDeque<>()).addFirst(model);
    }
}
