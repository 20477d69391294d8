package dezero.optimizers;

import dezero.Parameter;
import dezero.Variable;
import dezero.layers.Layer;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;
import dezero.utils.Npz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

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
 * <p><b>State.</b> {@link #state()} returns what the optimizer has learnt so far as named arrays,
 * PyTorch's {@code state_dict} in this library's terms, and {@link #loadState(Map)} puts it into
 * another optimizer of the same kind and hyper-parameters, so training resumes bit for bit. The
 * names are those of {@link Layer#flattenParams()} (the weight files' keys):
 * <ul>
 *   <li>{@code slot/param}: a per-parameter array such as Adam's first moment of {@code l0/W},
 *       {@code ms/l0/W} (slots are named as in DeZero: {@code ms}, {@code vs}, {@code hs},
 *       {@code msg}, {@code msdx}); a parameter that has not been updated yet has none;</li>
 *   <li>{@code t}: a counter (Adam's step count), a 0-d int64 array;</li>
 *   <li>{@code hyper/name}: a hyper-parameter ({@code hyper/lr}), a 0-d float64 array, checked
 *       on load: state from an optimizer with other hyper-parameters is refused.</li>
 * </ul>
 * Hooks have no state. {@link #saveState(Path)} and {@link #loadState(Path)} keep it in a NumPy
 * {@code .npz} beside the weights. A subclass declares its state with {@link #newState(String)},
 * {@link #counter} and {@link #hyperParameter}; state kept elsewhere is not saved.
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

    private static final String HYPER = "hyper/";

    private Layer target;
    private final List<Hook> hooks = new ArrayList<>();
    /** The per-parameter state by slot name, in the order the subclass declared it. */
    private final Map<String, Map<Parameter, NdArray>> slots = new LinkedHashMap<>();
    private final Map<String, Counter> counters = new LinkedHashMap<>();
    private final Map<String, Double> hyperParameters = new LinkedHashMap<>();

    /** A scalar counter of a subclass, read and set through these. */
    private record Counter(LongSupplier get, LongConsumer set) {
    }

    /** Sets the layer whose parameters {@link #update()} updates; returns this. */
    public Optimizer setup(Layer target) {
        if (target == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".setup: target is null");
        }
        this.target = target;
        return this;
    }

    /** The layer given to {@link #setup}, or null before. */
    public Layer target() {
        return target;
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
        if (p.data() == null || !Arrays.equals(p.data().shape(), g.shape())) {
            throw new IllegalStateException(getClass().getSimpleName() + ": parameter " + p.name() + " of shape "
                    + (p.data() == null ? "(no data)" : Shapes.str(p.data().shape()))
                    + " has a gradient of shape " + Shapes.str(g.shape()));
        }
    }

    /**
     * Per-parameter state (moments, accumulators) of {@code states} (from {@link #newState(String)}),
     * created as zeros of the parameter's shape and dtype.
     */
    protected static NdArray state(Map<Parameter, NdArray> states, Parameter p) {
        return states.computeIfAbsent(p, k -> NdArray.zerosLike(k.data()));
    }

    /**
     * A new per-parameter state slot, keyed by parameter identity and part of {@link #state()} as
     * {@code name/param}; call it once per slot, in a field initialiser or the constructor.
     */
    protected final Map<Parameter, NdArray> newState(String name) {
        declare(name, "state slot");
        Map<Parameter, NdArray> map = new IdentityHashMap<>();
        slots.put(name, map);
        return map;
    }

    /**
     * Declares a counter of the subclass (Adam's step count), part of {@link #state()} as a 0-d int64
     * array {@code name}; {@code set} receives a loaded value, never a negative one, and may refuse
     * one out of its range with an {@link IllegalArgumentException} or {@link ArithmeticException}
     * ({@link #loadState(Map)} then changes nothing).
     */
    protected final void counter(String name, LongSupplier get, LongConsumer set) {
        declare(name, "counter");
        counters.put(name, new Counter(Objects.requireNonNull(get), Objects.requireNonNull(set)));
    }

    /**
     * Declares a hyper-parameter, part of {@link #state()} as a 0-d float64 array {@code hyper/name}
     * that {@link #loadState(Map)} checks; returns {@code value}.
     */
    protected final double hyperParameter(String name, double value) {
        declare(HYPER + name, "hyper-parameter");
        hyperParameters.put(name, value);
        return value;
    }

    private void declare(String name, String what) {
        String plain = name.startsWith(HYPER) ? name.substring(HYPER.length()) : name;
        if (plain.isEmpty() || plain.contains("/") || plain.equals("hyper")) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": '" + name + "' cannot name a " + what
                    + " (no '/', not 'hyper')");
        }
        if (slots.containsKey(name) || counters.containsKey(name)
                || name.startsWith(HYPER) && hyperParameters.containsKey(plain)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": '" + name + "' is declared twice");
        }
    }

    /**
     * The optimizer's state, copied: hyper-parameters ({@code hyper/lr}), counters ({@code t}) and the
     * per-parameter arrays ({@code ms/l0/W}) of the target's parameters that have been updated (see
     * the class comment).
     *
     * <pre>{@code
     * jshell> new Adam().setup(model).state().keySet()     // after 2 updates of an MLP
     * $3 ==> [hyper/alpha, hyper/beta1, hyper/beta2, hyper/eps, t, ms/l0/W, ms/l0/b, ..., vs/l1/b]
     * }</pre>
     *
     * @throws IllegalStateException before {@link #setup}, or when the state holds a parameter that the
     *                               target no longer has (setup was called with another target)
     */
    public Map<String, NdArray> state() {
        Map<String, Parameter> params = targetParams("state");
        Map<Parameter, String> names = new IdentityHashMap<>();
        params.forEach((name, p) -> names.putIfAbsent(p, name));
        Map<String, NdArray> out = new LinkedHashMap<>();
        hyperParameters.forEach((name, v) -> out.put(HYPER + name, NdArray.scalar(v, DType.FLOAT64)));
        counters.forEach((name, c) -> out.put(name, NdArray.scalar(c.get().getAsLong())));
        for (Map.Entry<String, Map<Parameter, NdArray>> slot : slots.entrySet()) {
            for (Parameter p : params.values()) {
                NdArray a = slot.getValue().get(p);
                if (a != null && !out.containsKey(slot.getKey() + "/" + names.get(p))) {
                    out.put(slot.getKey() + "/" + names.get(p), a.copy());
                }
            }
            for (Parameter p : slot.getValue().keySet()) {
                if (!names.containsKey(p)) {
                    throw new IllegalStateException(getClass().getSimpleName() + ".state: slot " + slot.getKey()
                            + " holds state of a parameter (" + p.name() + ") that the target does not have");
                }
            }
        }
        return out;
    }

    /**
     * Replaces the optimizer's state by {@code state} (from {@link #state()} of an optimizer of the same
     * class and hyper-parameters, set up with a model of the same architecture), copying the arrays in.
     * A parameter without arrays in {@code state} starts afresh, as in a new optimizer. Everything is
     * checked before anything changes: every key must be known, every counter and hyper-parameter
     * present, a parameter's slots all present or all absent, an array of its parameter's shape and
     * dtype; load the weights first, so that lazily sized parameters have their shapes.
     *
     * @throws IllegalArgumentException naming each key that does not fit; the state is then unchanged
     */
    public void loadState(Map<String, NdArray> state) {
        Objects.requireNonNull(state, "state");
        Map<String, Parameter> params = targetParams("loadState");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Double> h : hyperParameters.entrySet()) {
            String key = HYPER + h.getKey();
            NdArray a = state.get(key);
            if (a == null) {
                problems.add("missing '" + key + "'");
            } else if (!isScalar(a, DType.FLOAT64)) {
                problems.add("'" + key + "' must be a 0-d float64 array, got " + describe(a));
            } else if (a.item() != h.getValue()) {
                problems.add("'" + key + "' is " + a.item() + " in the state but " + h.getValue() + " here");
            }
        }
        for (String key : counters.keySet()) {
            NdArray a = state.get(key);
            if (a == null) {
                problems.add("missing '" + key + "'");
            } else if (!isScalar(a, DType.INT64)) {
                problems.add("'" + key + "' must be a 0-d int64 array, got " + describe(a));
            } else if (a.item() < 0) {
                problems.add("'" + key + "' is " + (long) a.item() + ", a count cannot be negative");
            }
        }
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            List<String> present = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String slot : slots.keySet()) {
                (state.containsKey(slot + "/" + e.getKey()) ? present : missing).add(slot + "/" + e.getKey());
            }
            if (present.isEmpty()) {
                continue;
            }
            for (String key : missing) {
                problems.add("missing '" + key + "' (the state has '" + present.get(0) + "')");
            }
            NdArray data = e.getValue().data();
            for (String key : present) {
                NdArray a = state.get(key);
                if (a == null) {
                    problems.add("'" + key + "' is null");
                } else if (data == null) {
                    problems.add("'" + key + "': parameter " + e.getKey() + " has no data yet (load the weights, or run"
                            + " the model once, before the optimizer state)");
                } else if (!Arrays.equals(a.shape(), data.shape()) || a.dtype() != data.dtype()) {
                    problems.add("'" + key + "' is " + describe(a) + " but parameter " + e.getKey() + " is "
                            + describe(data));
                }
            }
        }
        for (String key : state.keySet()) {
            if (!known(key, params)) {
                problems.add("'" + key + "' is not part of " + getClass().getSimpleName() + "'s state (slots "
                        + slots.keySet() + " of parameters " + params.keySet() + ", counters " + counters.keySet()
                        + ", hyper-parameters " + hyperParameters.keySet() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".loadState: the state does not fit: "
                    + String.join("; ", problems));
        }
        setCounters(state);
        for (Map.Entry<String, Map<Parameter, NdArray>> slot : slots.entrySet()) {
            slot.getValue().clear();
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                NdArray a = state.get(slot.getKey() + "/" + e.getKey());
                if (a != null) {
                    slot.getValue().put(e.getValue(), a.copy());
                }
            }
        }
    }

    /** Sets the counters from {@code state}, or, when a subclass refuses a value, none of them. */
    private void setCounters(Map<String, NdArray> state) {
        Map<String, Long> before = new LinkedHashMap<>();
        counters.forEach((key, c) -> before.put(key, c.get().getAsLong()));
        for (Map.Entry<String, Counter> c : counters.entrySet()) {
            long value = (long) state.get(c.getKey()).item();
            try {
                c.getValue().set().accept(value);
            } catch (IllegalArgumentException | ArithmeticException e) {
                before.forEach((key, v) -> counters.get(key).set().accept(v));
                throw new IllegalArgumentException(getClass().getSimpleName() + ".loadState: the state does not fit: '"
                        + c.getKey() + "' is " + value + ", out of range (" + e.getMessage() + ")", e);
            }
        }
    }

    /**
     * Writes {@link #state()} to {@code file} as a NumPy {@code .npz} (compressed), atomically: a failure
     * leaves an existing file as it was.
     *
     * <pre>{@code
     * model.saveWeights(Path.of("model.npz"));
     * optimizer.saveState(Path.of("optimizer.npz"));
     * }</pre>
     */
    public void saveState(Path file) throws IOException {
        Npz.save(file, state(), true);
    }

    /**
     * Loads state saved by {@link #saveState(Path)} (see {@link #loadState(Map)}); load the model's
     * weights first.
     *
     * @throws IOException when the file cannot be read or its state does not fit (naming the keys)
     */
    public void loadState(Path file) throws IOException {
        Map<String, NdArray> state = Npz.load(file);
        try {
            loadState(state);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Parameter> targetParams(String op) {
        if (target == null) {
            throw new IllegalStateException(getClass().getSimpleName() + "." + op + ": call setup(target) first");
        }
        return target.flattenParams();
    }

    private boolean known(String key, Map<String, Parameter> params) {
        if (key.startsWith(HYPER)) {
            return hyperParameters.containsKey(key.substring(HYPER.length()));
        }
        int slash = key.indexOf('/');
        if (slash < 0) {
            return counters.containsKey(key);
        }
        return slots.containsKey(key.substring(0, slash)) && params.containsKey(key.substring(slash + 1));
    }

    private static boolean isScalar(NdArray a, DType dtype) {
        return a.ndim() == 0 && a.dtype() == dtype;
    }

    private static String describe(NdArray a) {
        return a.dtype() + " of shape " + Shapes.str(a.shape());
    }
}
