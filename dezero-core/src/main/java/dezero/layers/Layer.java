package dezero.layers;

import dezero.Parameter;
import dezero.Variable;
import dezero.ndarray.NdArray;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A building block of a model: it owns {@link Parameter}s and sub-layers and computes
 * {@link #forward} on Variables. Subclasses just declare fields; nothing is registered by hand.
 *
 * <p><b>How parameters are found.</b> The instance fields of the layer's class and its
 * superclasses (superclass fields first, then each class's fields in declaration order) are read
 * reflectively whenever {@link #params()} or {@link #flattenParams()} is called:
 * <ul>
 *   <li>a field holding a {@link Parameter} is a parameter named after the field ({@code W}, {@code b});</li>
 *   <li>a field holding a {@code Layer} is a sub-layer: its parameters are named {@code field/...};</li>
 *   <li>a field holding a {@code List} or an array contributes each element that is a Layer or a
 *       Parameter under the name {@code field + index} ({@code l0}, {@code l1}, ...; the index counts
 *       all elements, so plain functions in the list take up positions as in DeZero's
 *       {@code Sequential});</li>
 *   <li>{@code null} fields and any other value (a plain {@link Variable}, an array, a number) are not
 *       parameters, exactly as DeZero's {@code Layer.__setattr__} registers only Parameter and Layer values.</li>
 * </ul>
 * This is DeZero's attribute registration without its {@code __setattr__} hook: reflection over
 * declared fields is the Java analogue of scanning an object's attributes, it needs no
 * boilerplate in each layer, and it sees fields assigned after construction (lazy init) because
 * it reads the current values. Unlike DeZero (a Python {@code set}), the order is stable: the
 * declaration order (HotSpot and every mainstream JVM return declared fields in source order).
 *
 * <p>A layer is a {@code UnaryOperator<Variable>}, so layers and plain functions ({@code F::relu})
 * can be mixed in a {@code Sequential}.
 *
 * <pre>{@code
 * class TwoLayerNet extends Model {
 *     private final Linear l1 = new Linear(10);
 *     private final Linear l2 = new Linear(1);
 *     protected Variable forward(Variable... xs) { return l2.apply(F.sigmoid(l1.apply(xs[0]))); }
 * }
 * jshell> new TwoLayerNet().flattenParams().keySet()   // after a first call
 * $2 ==> [l1/W, l1/b, l2/W, l2/b]
 * }</pre>
 */
public abstract class Layer implements UnaryOperator<Variable> {
    /** For subclasses. */
    protected Layer() {
    }


    /** The computation; {@link #apply(Variable...)} calls it. */
    protected abstract Variable forward(Variable... inputs);

    /** Runs {@link #forward} (DeZero's {@code layer(x)}). */
    public final Variable apply(Variable... inputs) {
        return forward(inputs);
    }

    /** One input (so a layer is a {@code UnaryOperator<Variable>}). */
    @Override
    public final Variable apply(Variable x) {
        return forward(x);
    }

    /** A raw array input, wrapped in a Variable (DeZero's {@code as_variable}). */
    public final Variable apply(NdArray x) {
        return forward(new Variable(x));
    }

    /** Alias of {@link #apply(Variable...)}, for readers of the book ({@code __call__}). */
    public final Variable call(Variable... inputs) {
        return forward(inputs);
    }

    /** Every parameter of this layer and its sub-layers, in declaration order, each once. */
    public final List<Parameter> params() {
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : flattenParams().values()) {
            if (seen.add(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Forgets the gradients of all parameters. */
    public final void cleargrads() {
        for (Parameter p : params()) {
            p.cleargrad();
        }
    }

    /**
     * {@link Parameter#releaseGrad()} for every parameter: forgets the gradients and lets the next
     * backward write the large ones into the same arrays (a fresh allocation per step saved). The
     * gradients obtained before are overwritten then; use {@link #cleargrads()} to keep them.
     *
     * <pre>{@code
     * model.releaseGrads();
     * loss.backward();
     * optimizer.update();
     * }</pre>
     */
    public final void releaseGrads() {
        for (Parameter p : params()) {
            p.releaseGrad();
        }
    }

    /**
     * The parameters by DeZero's flattened names ({@code W}, {@code l0/b}, {@code enc/fc/W}), in
     * declaration order: the keys of {@code save_weights} files.
     */
    public final Map<String, Parameter> flattenParams() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        flatten(out, "", Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    /**
     * Saves the parameters to {@code file} as a compressed NumPy {@code .npz} keyed by
     * {@link #flattenParams()} names, as DeZero's {@code save_weights} does; atomic (a failure
     * half way leaves an existing file intact).
     *
     * <pre>{@code
     * model.saveWeights(Path.of("my_mlp.npz"));   // numpy.load("my_mlp.npz").files == ['l0/W', 'l0/b', ...]
     * }</pre>
     */
    public final void saveWeights(java.nio.file.Path file) throws java.io.IOException {
        Weights.save(this, file);
    }

    /**
     * Loads parameters saved by {@link #saveWeights}, Python DeZero or {@code numpy.savez}.
     * Names, shapes and dtypes are checked first and nothing is changed unless all fit; a
     * truncated, corrupt or hostile file raises an {@link java.io.IOException} naming the problem.
     *
     * <pre>{@code
     * MLP model = new MLP(new int[] {10, 3});
     * model.loadWeights(Path.of("my_mlp.npz"));   // lazily sized layers take the file's shapes
     * }</pre>
     */
    public final void loadWeights(java.nio.file.Path file) throws java.io.IOException {
        Weights.load(this, file);
    }

    private void flatten(Map<String, Parameter> out, String prefix, Set<Layer> path) {
        if (!path.add(this)) {
            throw new IllegalStateException("layer " + getClass().getSimpleName() + " contains itself (at '"
                    + prefix + "'): layers must form a tree");
        }
        for (Field f : FIELDS.get(getClass())) {
            Object value = read(f);
            if (value instanceof List) {
                List<?> list = (List<?>) value;
                for (int i = 0; i < list.size(); i++) {
                    add(out, prefix + f.getName() + i, list.get(i), path);
                }
            } else if (value != null && value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(value); i++) {
                    add(out, prefix + f.getName() + i, Array.get(value, i), path);
                }
            } else {
                add(out, prefix + f.getName(), value, path);
            }
        }
        path.remove(this);
    }

    private static void add(Map<String, Parameter> out, String key, Object value, Set<Layer> path) {
        if (value instanceof Parameter) {
            out.put(key, (Parameter) value);
        } else if (value instanceof Layer) {
            ((Layer) value).flatten(out, key + "/", path);
        }
    }

    private Object read(Field f) {
        try {
            return f.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read field " + f + " of layer " + getClass().getName(), e);
        }
    }

    /** Per class: the instance fields that may hold parameters or layers, superclass fields first. */
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> out = new ArrayList<>();
            if (type.getSuperclass() != null && Layer.class.isAssignableFrom(type.getSuperclass())) {
                out.addAll(get(type.getSuperclass()));
            }
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || !mayHoldParams(f.getType())) {
                    continue;
                }
                f.setAccessible(true);
                out.add(f);
            }
            return Collections.unmodifiableList(out);
        }
    };

    private static boolean mayHoldParams(Class<?> t) {
        return Parameter.class.isAssignableFrom(t) || Layer.class.isAssignableFrom(t) || List.class.isAssignableFrom(t)
                || (t.isArray() && !t.getComponentType().isPrimitive())
                || t == Object.class || t.isAssignableFrom(Layer.class) || t.isAssignableFrom(Parameter.class);
    }
}
