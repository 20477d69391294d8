package dezero.spark;

import dezero.layers.Layer;
import dezero.ndarray.NdArray;
import dezero.optimizers.Optimizer;

import java.util.Map;

/**
 * An optimizer's state as named arrays, for checkpoints that resume bit for bit: Adam's moments
 * and step count, MomentumSGD's velocities, AdaGrad's and AdaDelta's accumulators, and the
 * hyper-parameters, which a restore checks. This is the core's {@link Optimizer#state()} and
 * {@link Optimizer#loadState(Map)} (keys such as {@code ms/l0/W}, {@code t}, {@code hyper/alpha}),
 * with the model the checkpoint pairs them with checked to be the optimizer's target. Hooks are
 * configuration and are not saved.
 */
public final class OptimizerState {
    private OptimizerState() {
    }

    /** {@code optimizer}'s state, for the parameters of {@code model} (its target) named as in its weights file. */
    public static Map<String, NdArray> capture(Optimizer optimizer, Layer model) {
        requireTarget(optimizer, model, "capture");
        return optimizer.state();
    }

    /**
     * Sets {@code optimizer}'s state (for {@code model}'s parameters, whose weights are loaded) to
     * {@code state} from {@link #capture}: per-parameter arrays are copied in, counters set,
     * hyper-parameters checked; a parameter without arrays in {@code state} starts afresh.
     *
     * @throws IllegalArgumentException naming the keys that do not fit (nothing is changed then)
     */
    public static void restore(Optimizer optimizer, Layer model, Map<String, NdArray> state) {
        requireTarget(optimizer, model, "restore");
        optimizer.loadState(state);
    }

    private static void requireTarget(Optimizer optimizer, Layer model, String op) {
        if (optimizer.target() != model) {
            throw new IllegalArgumentException("OptimizerState." + op + ": the " + optimizer.getClass().getSimpleName()
                    + " is not set up with this " + (model == null ? "null model" : model.getClass().getSimpleName())
                    + " (call optimizer.setup(model) first)");
        }
    }
}
