package dezero.spark;

import dezero.Parameter;
import dezero.Variable;
import dezero.layers.Layer;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where each parameter of a model lives in a {@link FlatVector}: the parameters in
 * {@link Layer#flattenParams()} order (their {@code .npz} names), each with its shape and offset,
 * all of one floating dtype. The driver and every executor build models of the same architecture,
 * so one layout, made once on the driver and shipped with the tasks, reads and writes all of them.
 */
public final class ParamLayout implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final int[][] shapes;
    private final int[] offsets;
    private final int size;
    private final DType dtype;

    private ParamLayout(String[] names, int[][] shapes, DType dtype) {
        this.names = names;
        this.shapes = shapes;
        this.offsets = new int[names.length];
        long total = 0;
        for (int i = 0; i < names.length; i++) {
            offsets[i] = (int) total;
            total += sizeOf(shapes[i]);
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("ParamLayout: " + total + " parameters do not fit in one Java array");
        }
        this.size = (int) total;
        this.dtype = dtype;
    }

    /**
     * The layout of {@code model}'s parameters, which must all have data (call the model once, or
     * load weights, to size lazily initialised layers) and share one dtype, float32 or float64.
     */
    public static ParamLayout of(Layer model) {
        Map<String, Parameter> params = model.flattenParams();
        if (params.isEmpty()) {
            throw new IllegalArgumentException("ParamLayout: " + model.getClass().getSimpleName()
                    + " has no parameters");
        }
        String[] names = new String[params.size()];
        int[][] shapes = new int[params.size()][];
        DType dtype = null;
        int i = 0;
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            NdArray data = e.getValue().data();
            if (data == null) {
                throw new IllegalArgumentException("ParamLayout: parameter " + e.getKey() + " of "
                        + model.getClass().getSimpleName() + " has no data yet; run the model once (or load"
                        + " weights) so that lazily sized layers have their weights");
            }
            if (!data.dtype().isFloating() || (dtype != null && data.dtype() != dtype)) {
                throw new IllegalArgumentException("ParamLayout: parameters must share one float dtype; " + e.getKey()
                        + " is " + data.dtype() + (dtype == null ? "" : " after " + dtype));
            }
            dtype = data.dtype();
            names[i] = e.getKey();
            shapes[i] = data.shape();
            i++;
        }
        return new ParamLayout(names, shapes, dtype);
    }

    /** The number of scalars in all parameters together. */
    public int size() {
        return size;
    }

    public DType dtype() {
        return dtype;
    }

    /** The parameter names in order ({@code l0/W}, {@code l0/b}, ...). */
    public List<String> names() {
        return List.of(names);
    }

    /** The number of parameters (arrays). */
    public int count() {
        return names.length;
    }

    /** The bytes of one flat copy of all parameters (= of all gradients). */
    public long bytes() {
        return (long) size * dtype.itemSize();
    }

    /** {@code model}'s parameter values in one vector (a copy). */
    public FlatVector weights(Layer model) {
        FlatVector out = FlatVector.zeros(dtype, size);
        List<Parameter> params = check(model);
        for (int i = 0; i < names.length; i++) {
            out.put(offsets[i], params.get(i).data());
        }
        return out;
    }

    /** Sets {@code model}'s parameters to copies of the values in {@code weights}. */
    public void setWeights(Layer model, FlatVector weights) {
        checkVector(weights);
        List<Parameter> params = check(model);
        for (int i = 0; i < names.length; i++) {
            params.get(i).setData(weights.slice(offsets[i], shapes[i]));
        }
    }

    /**
     * {@code model}'s gradients in one vector, zeros where a parameter has none; {@code hasGrad}
     * (one flag per parameter) records which had one.
     */
    public FlatVector gradients(Layer model, boolean[] hasGrad) {
        FlatVector out = FlatVector.zeros(dtype, size);
        List<Parameter> params = check(model);
        for (int i = 0; i < names.length; i++) {
            Variable g = params.get(i).grad();
            hasGrad[i] = g != null;
            if (g != null) {
                if (!Arrays.equals(g.data().shape(), shapes[i])) {
                    throw new IllegalStateException("ParamLayout: the gradient of " + names[i] + " has shape "
                            + Arrays.toString(g.data().shape()) + ", the parameter " + Arrays.toString(shapes[i]));
                }
                out.put(offsets[i], g.data());
            }
        }
        return out;
    }

    /**
     * Gives {@code model}'s parameters the gradients in {@code grads}: a copy for each parameter whose
     * flag in {@code hasGrad} is set, none (cleared) for the others, as after a backward pass.
     */
    public void setGradients(Layer model, FlatVector grads, boolean[] hasGrad) {
        checkVector(grads);
        List<Parameter> params = check(model);
        for (int i = 0; i < names.length; i++) {
            if (hasGrad[i]) {
                params.get(i).setGrad(new Variable(grads.slice(offsets[i], shapes[i])));
            } else {
                params.get(i).cleargrad();
            }
        }
    }

    /** The parameters of {@code model}, checked against this layout's names (shapes are set or checked on use). */
    private List<Parameter> check(Layer model) {
        Map<String, Parameter> params = model.flattenParams();
        List<Parameter> out = new ArrayList<>(params.size());
        int i = 0;
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            if (i >= names.length || !names[i].equals(e.getKey())) {
                throw new IllegalArgumentException("ParamLayout: the model's parameters " + params.keySet()
                        + " are not the layout's " + names());
            }
            NdArray data = e.getValue().data();
            if (data != null && !Arrays.equals(data.shape(), shapes[i])) {
                throw new IllegalArgumentException("ParamLayout: parameter " + names[i] + " has shape "
                        + Arrays.toString(data.shape()) + ", the layout " + Arrays.toString(shapes[i]));
            }
            out.add(e.getValue());
            i++;
        }
        if (i != names.length) {
            throw new IllegalArgumentException("ParamLayout: the model's parameters " + params.keySet()
                    + " are not the layout's " + names());
        }
        return out;
    }

    private void checkVector(FlatVector v) {
        if (v.size() != size || v.dtype() != dtype) {
            throw new IllegalArgumentException("ParamLayout: expected a " + dtype + " vector of " + size
                    + ", got " + v);
        }
    }

    private static long sizeOf(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    @Override
    public String toString() {
        return "ParamLayout(" + names.length + " arrays, " + size + " " + dtype.numpyName() + ")";
    }
}
