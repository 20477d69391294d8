package dezero.optimizers;

import dezero.Parameter;
import dezero.Variable;
import dezero.layers.Layer;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Updates the parameters of a target layer from their gradients, in place on the parameter
 * arrays (no graph is recorded: updates work on raw arrays).
 *
 * <p>{@link #update()} takes the target's parameters that have a gradient (in declaration order),
 * gives each its own gradient array (see below), runs the hooks on that list in the order they were
 * added, and then updates every parameter that still has a gradient, so a hook such as
 * {@link FreezeParam} can take a parameter out of the step (DeZero collects the list before the
 * hooks and crashes there).
 *
 * <p>Several parameters can receive the very same gradient array from backward (DeZero's
 * {@code Add} passes {@code gy} to both inputs). In-place hooks would then apply twice to the shared
 * array (DeZero's behaviour); here each parameter gets its own copy first, so
 * {@code WeightDecay} and {@code ClipGrad} do what they say.
 *
 * <pre>{@code
 * var model = new MLP(new int[] {10, 3});
 * var optimizer = new SGD(1.0).setup(model).addHook(new WeightDecay(1e-4));
 * // per step: model.cleargrads(); loss.backward(); optimizer.update();
 * }</pre>
 */
public abstract class Optimizer {
    /** For subclasses. */
    protected Optimizer() {
    }

    private Layer target;
    private final List<Hook> hooks = new ArrayList<>();

    /** Sets the layer whose parameters {@link #update()} updates; returns this. */
    public Optimizer setup(Layer target) {
        if (target == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".setup: target is null");
        }
        this.target = target;
        return this;
    }

    /** Adds a hook that runs on the parameters before each update; returns this. */
    public Optimizer addHook(Hook hook) {
        if (hook == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".addHook: hook is null");
        }
        hooks.add(hook);
        return this;
    }

    /** One optimisation step over the target's parameters that have a gradient. */
    public void update() {
        if (target == null) {
            throw new IllegalStateException(getClass().getSimpleName() + ".update: call setup(target) first");
        }
        List<Parameter> params = new ArrayList<>();
        for (Parameter p : target.params()) {
            if (p.grad() != null) {
                params.add(p);
            }
        }
        ownGradients(params);
        for (Hook h : hooks) {
            h.apply(Collections.unmodifiableList(params));
        }
        for (Parameter p : params) {
            if (p.grad() != null) {
                checkGrad(p);
                updateOne(p);
            }
        }
    }

    /** Updates one parameter in place from its gradient. */
    protected abstract void updateOne(Parameter param);

    /** Replaces any gradient whose storage another parameter's gradient also uses by a private copy. */
    private static void ownGradients(List<Parameter> params) {
        Set<Object> storages = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Parameter p : params) {
            NdArray g = p.grad().data();
            if (!storages.add(storage(g))) {
                NdArray copy = g.copy();
                p.setGrad(new Variable(copy));
                storages.add(storage(copy));
            }
        }
    }

    /** The live backing array (reshaped views share it). */
    private static Object storage(NdArray a) {
        DType t = a.dtype();
        switch (t) {
            case FLOAT64:
                return a.doubleData();
            case FLOAT32:
                return a.floatData();
            case INT64:
                return a.longData();
            default:
                return a.boolData();
        }
    }

    private void checkGrad(Parameter p) {
        NdArray g = p.grad().data();
        if (p.data() == null || !java.util.Arrays.equals(p.data().shape(), g.shape())) {
            throw new IllegalStateException(getClass().getSimpleName() + ": parameter " + p.name() + " of shape "
                    + (p.data() == null ? "(no data)" : dezero.ndarray.Shapes.str(p.data().shape()))
                    + " has a gradient of shape " + dezero.ndarray.Shapes.str(g.shape()));
        }
    }

    /** Per-parameter state (moments, accumulators), keyed by parameter identity, created as zeros. */
    protected static NdArray state(Map<Parameter, NdArray> states, Parameter p) {
        return states.computeIfAbsent(p, k -> NdArray.zerosLike(k.data()));
    }

    /** A new identity-keyed state map. */
    protected static Map<Parameter, NdArray> newState() {
        return new IdentityHashMap<>();
    }
}
