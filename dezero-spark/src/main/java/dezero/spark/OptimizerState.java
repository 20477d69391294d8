package dezero.spark;

import dezero.Parameter;
import dezero.layers.Layer;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.optimizers.Optimizer;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer's state as named arrays, for checkpoints that resume bit for bit: Adam's moments
 * and step count, MomentumSGD's velocities, AdaGrad's and AdaDelta's accumulators.
 *
 * <p>The core's optimizers keep their state in private fields and have no API to read it, so this
 * reads the fields of the optimizer's class and its superclasses below {@link Optimizer} by
 * reflection (the library runs on the class path, where that is allowed):
 * <ul>
 *   <li>a {@code Map} from {@link Parameter} to {@link NdArray} (the per-parameter state that
 *       {@code Optimizer.newState()} makes) becomes one array per parameter, named
 *       {@code field/parameter} ({@code ms/l0/W});</li>
 *   <li>a mutable primitive field (Adam's {@code t}) becomes a 0-d array named after the field
 *       (int64 for integers, float64 otherwise);</li>
 *   <li>a final primitive field (a hyper-parameter such as {@code lr}) becomes {@code hyper/field} and
 *       is checked, not set, on restore: resuming with other hyper-parameters is an error;</li>
 *   <li>any other field makes {@link #capture} fail with the field's name, rather than silently
 *       leaving state out. Hooks are configuration and are not saved.</li>
 * </ul>
 * A test checks every optimizer of the core, so a changed field there is caught.
 */
public final class OptimizerState {
    private OptimizerState() {
    }

    /** {@code optimizer}'s state, for the parameters of {@code model} named as in its weights file. */
    public static Map<String, NdArray> capture(Optimizer optimizer, Layer model) {
        Map<Parameter, String> names = names(model);
        Map<String, NdArray> out = new LinkedHashMap<>();
        for (Field f : fields(optimizer)) {
            Object value = read(f, optimizer);
            Class<?> type = f.getType();
            if (type.isPrimitive()) {
                String key = Modifier.isFinal(f.getModifiers()) ? "hyper/" + f.getName() : f.getName();
                out.put(key, scalar(value));
            } else if (value instanceof Map) {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    if (!(e.getKey() instanceof Parameter) || !(e.getValue() instanceof NdArray)) {
                        throw unsupported(optimizer, f);
                    }
                    String name = names.get(e.getKey());
                    if (name == null) {
                        throw new IllegalStateException("OptimizerState: " + optimizer.getClass().getSimpleName() + "."
                                + f.getName() + " holds state for a parameter that is not in the model");
                    }
                    out.put(f.getName() + "/" + name, ((NdArray) e.getValue()).copy());
                }
            } else {
                throw unsupported(optimizer, f);
            }
        }
        return out;
    }

    /**
     * Sets {@code optimizer}'s state (for {@code model}'s parameters) to {@code state} from
     * {@link #capture}: per-parameter arrays are copied in, counters set, hyper-parameters checked.
     * State that {@code state} lacks is cleared, as for a fresh optimizer.
     */
    public static void restore(Optimizer optimizer, Layer model, Map<String, NdArray> state) {
        Map<String, Parameter> params = model.flattenParams();
        for (Field f : fields(optimizer)) {
            Class<?> type = f.getType();
            if (type.isPrimitive()) {
                boolean hyper = Modifier.isFinal(f.getModifiers());
                String key = hyper ? "hyper/" + f.getName() : f.getName();
                NdArray saved = state.get(key);
                if (saved == null) {
                    throw new IllegalArgumentException("OptimizerState: the checkpoint has no '" + key + "' for "
                            + optimizer.getClass().getSimpleName());
                }
                if (hyper) {
                    checkHyper(optimizer, f, saved);
                } else {
                    write(f, optimizer, saved);
                }
                continue;
            }
            Object value = read(f, optimizer);
            if (!(value instanceof Map)) {
                throw unsupported(optimizer, f);
            }
            @SuppressWarnings("unchecked") // capture() checked that such maps map Parameters to NdArrays
            Map<Parameter, NdArray> map = (Map<Parameter, NdArray>) value;
            map.clear();
            String prefix = f.getName() + "/";
            for (Map.Entry<String, NdArray> e : state.entrySet()) {
                if (!e.getKey().startsWith(prefix)) {
                    continue;
                }
                String name = e.getKey().substring(prefix.length());
                Parameter p = params.get(name);
                if (p == null) {
                    throw new IllegalArgumentException("OptimizerState: state " + e.getKey() + " names no parameter of "
                            + "the model " + params.keySet());
                }
                map.put(p, e.getValue().copy());
            }
        }
    }

    /** The instance fields of the optimizer's classes below Optimizer, superclass first. */
    private static List<Field> fields(Optimizer optimizer) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = optimizer.getClass(); c != Optimizer.class && c != null; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<Field> out = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                f.setAccessible(true);
                out.add(f);
            }
        }
        return out;
    }

    private static Map<Parameter, String> names(Layer model) {
        Map<Parameter, String> out = new IdentityHashMap<>();
        model.flattenParams().forEach((name, p) -> out.putIfAbsent(p, name));
        return out;
    }

    private static NdArray scalar(Object boxed) {
        if (boxed instanceof Boolean) {
            return NdArray.scalar(((Boolean) boxed) ? 1L : 0L);
        }
        if (boxed instanceof Character) {
            return NdArray.scalar((long) (Character) boxed);
        }
        Number n = (Number) boxed;
        if (n instanceof Double || n instanceof Float) {
            return NdArray.scalar(n.doubleValue(), DType.FLOAT64);
        }
        return NdArray.scalar(n.longValue());
    }

    private static void checkHyper(Optimizer optimizer, Field f, NdArray saved) {
        NdArray now = scalar(read(f, optimizer));
        if (!now.contentEquals(saved)) {
            throw new IllegalArgumentException("OptimizerState: the checkpoint's "
                    + optimizer.getClass().getSimpleName()
                    + " has " + f.getName() + " = " + saved.item() + ", this one " + now.item());
        }
    }

    private static void write(Field f, Optimizer optimizer, NdArray saved) {
        Class<?> t = f.getType();
        try {
            if (t == int.class) {
                f.setInt(optimizer, Math.toIntExact((long) saved.item()));
            } else if (t == long.class) {
                f.setLong(optimizer, (long) saved.item());
            } else if (t == double.class) {
                f.setDouble(optimizer, saved.item());
            } else if (t == float.class) {
                f.setFloat(optimizer, (float) saved.item());
            } else if (t == boolean.class) {
                f.setBoolean(optimizer, saved.item() != 0);
            } else {
                throw unsupported(optimizer, f);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("OptimizerState: cannot set " + f, e);
        }
    }

    private static Object read(Field f, Object target) {
        try {
            return f.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("OptimizerState: cannot read " + f, e);
        }
    }

    private static UnsupportedOperationException unsupported(Optimizer optimizer, Field f) {
        return new UnsupportedOperationException("OptimizerState: cannot checkpoint field " + f.getName() + " ("
                + f.getType().getSimpleName() + ") of " + optimizer.getClass().getName() + ": only per-parameter "
                + "state maps and primitive fields are supported");
    }
}
