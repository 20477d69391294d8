package dezero.ndarray;

import dezero.ndarray.kernel.BinaryOp;
import dezero.ndarray.kernel.CompareOp;
import dezero.ndarray.kernel.Kernels;
import dezero.ndarray.kernel.ReduceOp;
import dezero.ndarray.kernel.UnaryOp;

import java.util.Arrays;
import java.util.List;

/**
 * An n-dimensional array: DeZero's NumPy. Row-major, contiguous, stored in one primitive array
 * ({@code double[]}, {@code float[]}, {@code long[]} or {@code boolean[]} for the dtypes
 * float64, float32, int64 and bool). Arrays are immutable through this API except for the
 * explicitly in-place methods ({@code addi}, {@code subi}, {@code muli}, {@link #set}) that
 * optimizers use. This layer knows nothing of autograd.
 *
 * <p>Binary operations follow NumPy broadcasting and type promotion; Java numbers are weakly
 * typed (a float32 array plus a {@code double} stays float32, an int64 array plus a {@code long}
 * stays int64, an int64 array plus a {@code double} becomes float64).
 *
 * <pre>{@code
 * jshell> var x = NdArray.array(new double[][] {{1, 2, 3}, {4, 5, 6}})
 * jshell> x.add(NdArray.array(new double[] {10, 20, 30})).sum(0, false)
 * $2 ==> [45. 67. 89.]
 * }</pre>
 */
public final class NdArray {
    final DType dtype;
    final int[] shape;
    final int size;
    /** The elements, of this dtype; length == size; never null. */
    final Storage data;

    NdArray(DType dtype, int[] shape, Storage data) {
        this.dtype = dtype;
        this.shape = shape;
        this.size = Shapes.size(shape);
        this.data = data;
        if (data.dtype() != dtype) {
            throw new IllegalArgumentException("storage of " + data.dtype() + " for an array of " + dtype);
        }
        int len = data.length();
        if (len != size) {
            throw new IllegalArgumentException("data of length " + len + " does not fit shape " + Shapes.str(shape)
                    + " (" + size + " elements)");
        }
    }

    NdArray(DType dtype, int[] shape, double[] data) {
        this(dtype, shape, new Storage.D(data));
    }

    NdArray(DType dtype, int[] shape, float[] data) {
        this(dtype, shape, new Storage.F(data));
    }

    NdArray(DType dtype, int[] shape, long[] data) {
        this(dtype, shape, new Storage.L(data));
    }

    NdArray(DType dtype, int[] shape, boolean[] data) {
        this(dtype, shape, new Storage.Z(data));
    }

    // ------------------------------------------------------------------ creation

    /** Wraps (without copying) row-major float64 data in an array of the given shape. */
    public static NdArray wrap(double[] data, int... shape) {
        return new NdArray(DType.FLOAT64, shape.clone(), new Storage.D(data));
    }

    /** Wraps (without copying) row-major float32 data. */
    public static NdArray wrap(float[] data, int... shape) {
        return new NdArray(DType.FLOAT32, shape.clone(), new Storage.F(data));
    }

    /** Wraps (without copying) row-major int64 data. */
    public static NdArray wrap(long[] data, int... shape) {
        return new NdArray(DType.INT64, shape.clone(), new Storage.L(data));
    }

    /** Wraps (without copying) row-major bool data. */
    public static NdArray wrap(boolean[] data, int... shape) {
        return new NdArray(DType.BOOL, shape.clone(), new Storage.Z(data));
    }

    /** A 0-d float64 array: {@code np.array(v)}. */
    public static NdArray scalar(double v) {
        return wrap(new double[] {v});
    }

    /** A 0-d array of the given dtype holding {@code v} (cast as NumPy's {@code astype} would). */
    public static NdArray scalar(double v, DType dtype) {
        return full(v, dtype);
    }

    /** A 0-d int64 array. */
    public static NdArray scalar(long v) {
        return wrap(new long[] {v});
    }

    /** A 1-d float64 array (copied). */
    public static NdArray array(double[] values) {
        return wrap(values.clone(), values.length);
    }

    /** A 1-d float32 array (copied). */
    public static NdArray array(float[] values) {
        return wrap(values.clone(), values.length);
    }

    /** A 1-d int64 array (copied). */
    public static NdArray array(long[] values) {
        return wrap(values.clone(), values.length);
    }

    /** A 1-d int64 array from Java ints. */
    public static NdArray array(int[] values) {
        long[] v = new long[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i];
        }
        return wrap(v, values.length);
    }

    /** A 2-d float64 array from rows, which must all have the same length. */
    public static NdArray array(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] d = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("ragged nested array: row 0 has " + cols + " elements, row " + i
                        + " has " + rows[i].length);
            }
            System.arraycopy(rows[i], 0, d, i * cols, cols);
        }
        return wrap(d, rows.length, cols);
    }

    /** A 2-d float32 array from rows. */
    public static NdArray array(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] d = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("ragged nested array: row 0 has " + cols + " elements, row " + i
                        + " has " + rows[i].length);
            }
            System.arraycopy(rows[i], 0, d, i * cols, cols);
        }
        return wrap(d, rows.length, cols);
    }

    /** A 3-d float64 array. */
    public static NdArray array(double[][][] blocks) {
        NdArray[] parts = new NdArray[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            parts[i] = array(blocks[i]);
        }
        if (parts.length == 0) {
            return zeros(DType.FLOAT64, 0, 0, 0);
        }
        return stack(Arrays.asList(parts), 0);
    }

    /** {@code np.zeros(shape)} in float64. */
    public static NdArray zeros(int... shape) {
        return zeros(DType.FLOAT64, shape);
    }

    public static NdArray zeros(DType dtype, int... shape) {
        int[] s = shape.clone();
        return new NdArray(dtype, s, Storage.alloc(dtype, Shapes.size(s)));
    }

    /** {@code np.ones(shape)} in float64. */
    public static NdArray ones(int... shape) {
        return full(1.0, DType.FLOAT64, shape);
    }

    public static NdArray ones(DType dtype, int... shape) {
        return full(1.0, dtype, shape);
    }

    /** An array of the given shape filled with {@code value} (cast to {@code dtype}). */
    public static NdArray full(double value, DType dtype, int... shape) {
        NdArray a = zeros(dtype, shape);
        if (a.size > 0) {
            a.data.set(0, value);
            a.data.fillTo(0, a.data, 1, a.size - 1);
        }
        return a;
    }

    public static NdArray zerosLike(NdArray a) {
        return zeros(a.dtype, a.shape);
    }

    public static NdArray onesLike(NdArray a) {
        return full(1.0, a.dtype, a.shape);
    }

    public static NdArray fullLike(NdArray a, double value) {
        return full(value, a.dtype, a.shape);
    }

    /** {@code np.arange(n)}: int64 0, 1, …, n-1. */
    public static NdArray arange(int n) {
        long[] v = new long[Math.max(n, 0)];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return wrap(v, v.length);
    }

    /** {@code np.arange(start, stop, step)} in float64. */
    public static NdArray arange(double start, double stop, double step) {
        if (step == 0) {
            throw new IllegalArgumentException("arange: step must not be zero");
        }
        int n = (int) Math.max(0, Math.ceil((stop - start) / step));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + i * step;
        }
        return wrap(v, n);
    }

    /** {@code np.linspace(start, stop, num)} in float64 (endpoint included). */
    public static NdArray linspace(double start, double stop, int num) {
        if (num < 0) {
            throw new IllegalArgumentException("linspace: number of samples " + num + " must be non-negative");
        }
        double[] v = new double[num];
        double step = num > 1 ? (stop - start) / (num - 1) : 0;
        for (int i = 0; i < num; i++) {
            v[i] = start + i * step;
        }
        if (num > 1) {
            v[num - 1] = stop;
        }
        return wrap(v, num);
    }

    /** The n x n identity in float64. */
    public static NdArray eye(int n) {
        return eye(n, DType.FLOAT64);
    }

    public static NdArray eye(int n, DType dtype) {
        NdArray a = zeros(dtype, n, n);
        for (int i = 0; i < n; i++) {
            a.setFlat(i * n + i, 1.0);
        }
        return a;
    }

    // ------------------------------------------------------------------ properties and element access

    /** The shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Length of axis {@code axis} (negative counts from the end). */
    public int shape(int axis) {
        return shape[Shapes.normalizeAxis(axis, shape, "shape")];
    }

    public int ndim() {
        return shape.length;
    }

    public int size() {
        return size;
    }

    public DType dtype() {
        return dtype;
    }

    /** The backing float64 storage (live, row-major). Throws if the dtype is not float64. */
    public double[] doubleData() {
        requireDType(DType.FLOAT64, "doubleData");
        return data.doubles();
    }

    /** The backing float32 storage (live, row-major). */
    public float[] floatData() {
        requireDType(DType.FLOAT32, "floatData");
        return data.floats();
    }

    /** The backing int64 storage (live, row-major). */
    public long[] longData() {
        requireDType(DType.INT64, "longData");
        return data.longs();
    }

    /** The backing bool storage (live, row-major). */
    public boolean[] boolData() {
        requireDType(DType.BOOL, "boolData");
        return data.booleans();
    }

    private void requireDType(DType want, String op) {
        if (dtype != want) {
            throw new IllegalStateException(op + ": array has dtype " + dtype + ", not " + want + " (shape "
                    + Shapes.str(shape) + ")");
        }
    }

    /** All elements converted to double, in row-major order (a copy). */
    public double[] toDoubleArray() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = getFlat(i);
        }
        return out;
    }

    /** All elements converted to float, in row-major order (a copy). */
    public float[] toFloatArray() {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) getFlat(i);
        }
        return out;
    }

    /** All elements converted to long (truncating floats), in row-major order (a copy). */
    public long[] toLongArray() {
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = dtype == DType.INT64 ? data.longs()[i] : (long) getFlat(i);
        }
        return out;
    }

    /** The element at row-major position {@code i}, as a double. */
    public double getFlat(int i) {
        checkFlat("getFlat", i);
        return data.get(i);
    }

    private void checkFlat(String op, int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(op + ": index " + i + " is out of bounds for an array of size " + size
                    + " (shape " + Shapes.str(shape) + ")");
        }
    }

    /** Sets the element at row-major position {@code i} (cast to this dtype). In place. */
    public void setFlat(int i, double v) {
        checkFlat("setFlat", i);
        data.set(i, v);
    }

    /** The element at a full multi-index (negative positions count from the end). */
    public double get(int... index) {
        return getFlat(flatIndex(index));
    }

    /** Sets the element at a full multi-index. In place. */
    public void set(double value, int... index) {
        setFlat(flatIndex(index), value);
    }

    private int flatIndex(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("get/set: " + index.length + " indices for array of dimension "
                    + shape.length + " (shape " + Shapes.str(shape) + ")");
        }
        int flat = 0;
        for (int i = 0; i < index.length; i++) {
            int p = index[i] < 0 ? index[i] + shape[i] : index[i];
            if (p < 0 || p >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + index[i] + " is out of bounds for axis " + i
                        + " with size " + shape[i] + " (shape " + Shapes.str(shape) + ")");
            }
            flat = flat * shape[i] + p;
        }
        return flat;
    }

    /** The single element of a 0-d or one-element array. */
    public double item() {
        if (size != 1) {
            throw new IllegalStateException("item: can only convert an array of size 1, got shape "
                    + Shapes.str(shape));
        }
        return getFlat(0);
    }

    /** A deep copy. */
    public NdArray copy() {
        return new NdArray(dtype, shape, data.copy());
    }

    /**
     * {@code x.astype(dtype)}: a converted copy (floats to int64 truncate toward zero). Returns {@code this} if the
     * dtype already matches.
     */
    public NdArray astype(DType to) {
        return to == dtype ? this : Elementwise.astype(this, to);
    }

    /** True when shapes, dtypes and all elements are equal (NaN equals NaN here). */
    public boolean contentEquals(NdArray o) {
        if (o == null || o.dtype != dtype || !Arrays.equals(o.shape, shape)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            double a = getFlat(i);
            double b = o.getFlat(i);
            if (Double.compare(a, b) != 0 && a != b) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ element-wise arithmetic

    public NdArray add(NdArray o) {
        return Elementwise.binary(BinaryOp.ADD, this, o, "add");
    }

    public NdArray add(double v) {
        return add(weakScalar(v));
    }

    public NdArray add(long v) {
        return add(weakScalar(v));
    }

    public NdArray sub(NdArray o) {
        return Elementwise.binary(BinaryOp.SUB, this, o, "subtract");
    }

    public NdArray sub(double v) {
        return sub(weakScalar(v));
    }

    public NdArray sub(long v) {
        return sub(weakScalar(v));
    }

    /** {@code v - this}. */
    public NdArray rsub(double v) {
        return weakScalar(v).sub(this);
    }

    public NdArray mul(NdArray o) {
        return Elementwise.binary(BinaryOp.MUL, this, o, "multiply");
    }

    public NdArray mul(double v) {
        return mul(weakScalar(v));
    }

    public NdArray mul(long v) {
        return mul(weakScalar(v));
    }

    /** True division: int64 / int64 gives float64, as in NumPy. */
    public NdArray div(NdArray o) {
        return Elementwise.binary(BinaryOp.DIV, this, o, "divide");
    }

    public NdArray div(double v) {
        return div(weakScalar(v));
    }

    /** {@code v / this}. */
    public NdArray rdiv(double v) {
        return weakScalar(v).div(this);
    }

    public NdArray pow(NdArray o) {
        return Elementwise.binary(BinaryOp.POW, this, o, "power");
    }

    public NdArray pow(double v) {
        return pow(weakScalar(v));
    }

    public NdArray pow(long v) {
        return pow(weakScalar(v));
    }

    /** {@code np.maximum(this, o)}: element-wise, NaN-propagating. */
    public NdArray maximum(NdArray o) {
        return Elementwise.binary(BinaryOp.MAXIMUM, this, o, "maximum");
    }

    public NdArray maximum(double v) {
        return maximum(weakScalar(v));
    }

    public NdArray minimum(NdArray o) {
        return Elementwise.binary(BinaryOp.MINIMUM, this, o, "minimum");
    }

    public NdArray minimum(double v) {
        return minimum(weakScalar(v));
    }

    /** {@code np.clip(this, lo, hi)}. */
    public NdArray clip(double lo, double hi) {
        return maximum(lo).minimum(hi);
    }

    public NdArray neg() {
        return Elementwise.unary(UnaryOp.NEG, this);
    }

    public NdArray exp() {
        return Elementwise.unary(UnaryOp.EXP, this);
    }

    public NdArray log() {
        return Elementwise.unary(UnaryOp.LOG, this);
    }

    public NdArray sin() {
        return Elementwise.unary(UnaryOp.SIN, this);
    }

    public NdArray cos() {
        return Elementwise.unary(UnaryOp.COS, this);
    }

    public NdArray tanh() {
        return Elementwise.unary(UnaryOp.TANH, this);
    }

    public NdArray sqrt() {
        return Elementwise.unary(UnaryOp.SQRT, this);
    }

    public NdArray abs() {
        return Elementwise.unary(UnaryOp.ABS, this);
    }

    public NdArray square() {
        return Elementwise.unary(UnaryOp.SQUARE, this);
    }

    public NdArray sign() {
        return Elementwise.unary(UnaryOp.SIGN, this);
    }

    public NdArray reciprocal() {
        return Elementwise.unary(UnaryOp.RECIPROCAL, this);
    }

    /** The logistic function, computed as {@code tanh(x/2)/2 + 1/2} (stable for large |x|). */
    public NdArray sigmoid() {
        return Elementwise.unary(UnaryOp.SIGMOID, this);
    }

    // ------------------------------------------------------------------ in place (optimizers)

    /**
     * {@code this += o} in place ({@code o} must broadcast to this shape; the result keeps this dtype). Returns this.
     */
    public NdArray addi(NdArray o) {
        return Elementwise.inPlace(BinaryOp.ADD, this, o, "add (in place)");
    }

    /** {@code this -= o} in place. Returns this. */
    public NdArray subi(NdArray o) {
        return Elementwise.inPlace(BinaryOp.SUB, this, o, "subtract (in place)");
    }

    /**
     * {@code this -= alpha * x} in place, in one pass with no temporary for {@code alpha * x}
     * (an optimizer's update of a large weight): the same values, bit for bit, as
     * {@code subi(x.mul(alpha))}, which it falls back to when x has another shape or dtype (then
     * with subi's broadcasting and casting rules). Returns this.
     *
     * <pre>{@code
     * w.subiScaled(0.01, grad);   // w -= 0.01 * grad
     * }</pre>
     */
    public NdArray subiScaled(double alpha, NdArray x) {
        if (dtype != x.dtype || !dtype.isFloating() || !Arrays.equals(shape, x.shape)) {
            return subi(x.mul(alpha));
        }
        if (dtype == DType.FLOAT32) {
            Kernels.get().subScaled(data.floats(), 0, (float) alpha, x.data.floats(), 0, size);
        } else {
            Kernels.get().subScaled(data.doubles(), 0, alpha, x.data.doubles(), 0, size);
        }
        return this;
    }

    /**
     * One step of Adam on this parameter array, in place, with its moments {@code m} and
     * {@code v} (updated in place too) and the gradient {@code g}:
     * {@code m += (g - m) * c1; v += (g * g - v) * c2; this -= m * lr / (sqrt(v) + eps)}, in one
     * pass with no temporaries when all four have this array's floating dtype and shape (the
     * scalars rounded to it first, as weak scalars are), else as those array operations (with
     * their broadcasting and casting rules). The values are the same either way, bit for bit.
     * Returns this.
     */
    public NdArray adamStepInPlace(NdArray m, NdArray v, NdArray g, double c1, double c2, double lr, double eps) {
        if (!fusable(m) || !fusable(v) || !fusable(g)) {
            m.addi(g.sub(m).mul(c1));
            v.addi(g.mul(g).sub(v).mul(c2));
            return subi(m.mul(lr).div(v.sqrt().add(eps)));
        }
        if (dtype == DType.FLOAT32) {
            Kernels.get().adamStep(data.floats(), m.data.floats(), v.data.floats(), g.data.floats(), size,
                    (float) c1, (float) c2, (float) lr, (float) eps);
        } else {
            Kernels.get().adamStep(data.doubles(), m.data.doubles(), v.data.doubles(), g.data.doubles(), size,
                    c1, c2, lr, eps);
        }
        return this;
    }

    /** Whether a fused loop may run over this array and {@code o}: the same floating dtype and shape. */
    private boolean fusable(NdArray o) {
        return dtype.isFloating() && o.dtype == dtype && Arrays.equals(o.shape, shape);
    }

    /**
     * This array where {@code x > 0}, +0 elsewhere (the gradient of {@code max(x, 0)} applied to
     * this array), in one pass without a 0/1 mask array; an infinite or NaN element where
     * {@code x <= 0} gives 0 (see DIVERGENCES.md). Other shapes or dtypes: {@code mul(x.gt(0))}.
     *
     * <pre>{@code
     * NdArray.array(new double[] {5, 6, 7}).maskedByPositive(NdArray.array(new double[] {-1, 0, 2}))  // [0, 0, 7]
     * }</pre>
     */
    public NdArray maskedByPositive(NdArray x) {
        if (!fusable(x)) {
            return mul(x.gt(0.0));
        }
        Storage out = Storage.alloc(dtype, size);
        if (dtype == DType.FLOAT32) {
            Kernels.get().maskPositive(data.floats(), x.data.floats(), out.floats(), size);
        } else {
            Kernels.get().maskPositive(data.doubles(), x.data.doubles(), out.doubles(), size);
        }
        return new NdArray(dtype, shape.clone(), out);
    }

    /**
     * {@code g * this * (1 - this)} for this array an output {@code y} of the logistic function
     * (its slope there, times g), in one pass with no temporaries; the same values as the three
     * array operations, which other shapes or dtypes take.
     *
     * <pre>{@code
     * NdArray.array(new double[] {0.5}).logisticSlopeTimes(NdArray.array(new double[] {2}))  // [0.5]
     * }</pre>
     */
    public NdArray logisticSlopeTimes(NdArray g) {
        if (!fusable(g)) {
            return g.mul(this).mul(rsub(1.0));
        }
        Storage out = Storage.alloc(dtype, size);
        if (dtype == DType.FLOAT32) {
            Kernels.get().mulLogisticSlope(g.data.floats(), data.floats(), out.floats(), size);
        } else {
            Kernels.get().mulLogisticSlope(g.data.doubles(), data.doubles(), out.doubles(), size);
        }
        return new NdArray(dtype, shape.clone(), out);
    }

    /** {@code this *= o} in place. Returns this. */
    public NdArray muli(NdArray o) {
        return Elementwise.inPlace(BinaryOp.MUL, this, o, "multiply (in place)");
    }

    /** {@code this *= v} in place. Returns this. */
    public NdArray muli(double v) {
        return muli(weakScalar(v));
    }

    /** {@code this /= o} in place (floating arrays only). Returns this. */
    public NdArray divi(NdArray o) {
        return Elementwise.inPlace(BinaryOp.DIV, this, o, "divide (in place)");
    }

    /** Copies {@code o} (broadcast, cast) into this array. Returns this. */
    public NdArray assign(NdArray o) {
        return Elementwise.assign(this, o);
    }

    // ------------------------------------------------------------------ comparisons and selection

    public NdArray eq(NdArray o) {
        return Elementwise.compare(CompareOp.EQ, this, o);
    }

    public NdArray eq(double v) {
        return eq(weakScalar(v));
    }

    public NdArray ne(NdArray o) {
        return Elementwise.compare(CompareOp.NE, this, o);
    }

    public NdArray lt(NdArray o) {
        return Elementwise.compare(CompareOp.LT, this, o);
    }

    public NdArray lt(double v) {
        return lt(weakScalar(v));
    }

    public NdArray le(NdArray o) {
        return Elementwise.compare(CompareOp.LE, this, o);
    }

    public NdArray le(double v) {
        return le(weakScalar(v));
    }

    public NdArray gt(NdArray o) {
        return Elementwise.compare(CompareOp.GT, this, o);
    }

    public NdArray gt(double v) {
        return gt(weakScalar(v));
    }

    public NdArray ge(NdArray o) {
        return Elementwise.compare(CompareOp.GE, this, o);
    }

    public NdArray ge(double v) {
        return ge(weakScalar(v));
    }

    /** {@code np.where(cond, a, b)} with broadcasting of all three. */
    public static NdArray where(NdArray cond, NdArray a, NdArray b) {
        return Elementwise.where(cond, a, b);
    }

    /** True if any element is non-zero (or true). */
    public boolean any() {
        for (int i = 0; i < size; i++) {
            if (getFlat(i) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A 0-d array holding {@code v} with the dtype a Java number gets next to this array
     * (NEP 50 weak typing: float arrays keep their dtype, int and bool arrays give float64).
     */
    public NdArray scalarLike(double v) {
        return weakScalar(v);
    }

    /** A 0-d array holding {@code v}, weakly typed against this array (NEP 50). */
    NdArray weakScalar(double v) {
        DType t = dtype.isFloating() ? dtype : DType.FLOAT64;
        return full(v, t);
    }

    NdArray weakScalar(long v) {
        DType t = dtype == DType.BOOL ? DType.INT64 : dtype;
        return full(v, t);
    }

    // ------------------------------------------------------------------ reductions

    /** Sum of all elements as a 0-d array. */
    public NdArray sum() {
        return Reductions.reduce(ReduceOp.SUM, this, null, false);
    }

    public NdArray sum(int axis, boolean keepdims) {
        return Reductions.reduce(ReduceOp.SUM, this, new int[] {axis}, keepdims);
    }

    /** Sum over several axes; {@code null} means all axes. */
    public NdArray sum(int[] axes, boolean keepdims) {
        return Reductions.reduce(ReduceOp.SUM, this, axes, keepdims);
    }

    public NdArray mean() {
        return Reductions.mean(this, null, false);
    }

    public NdArray mean(int axis, boolean keepdims) {
        return Reductions.mean(this, new int[] {axis}, keepdims);
    }

    public NdArray mean(int[] axes, boolean keepdims) {
        return Reductions.mean(this, axes, keepdims);
    }

    public NdArray max() {
        return Reductions.reduce(ReduceOp.MAX, this, null, false);
    }

    public NdArray max(int axis, boolean keepdims) {
        return Reductions.reduce(ReduceOp.MAX, this, new int[] {axis}, keepdims);
    }

    public NdArray max(int[] axes, boolean keepdims) {
        return Reductions.reduce(ReduceOp.MAX, this, axes, keepdims);
    }

    public NdArray min() {
        return Reductions.reduce(ReduceOp.MIN, this, null, false);
    }

    public NdArray min(int axis, boolean keepdims) {
        return Reductions.reduce(ReduceOp.MIN, this, new int[] {axis}, keepdims);
    }

    public NdArray min(int[] axes, boolean keepdims) {
        return Reductions.reduce(ReduceOp.MIN, this, axes, keepdims);
    }

    /** Index of the largest element of the flattened array (first on ties), as a 0-d int64 array. */
    public NdArray argmax() {
        return Reductions.argExtreme(this, null, true);
    }

    /** Indices of the largest elements along {@code axis} (first on ties), int64. */
    public NdArray argmax(int axis) {
        return Reductions.argExtreme(this, axis, true);
    }

    public NdArray argmin() {
        return Reductions.argExtreme(this, null, false);
    }

    public NdArray argmin(int axis) {
        return Reductions.argExtreme(this, axis, false);
    }

    // ------------------------------------------------------------------ shape manipulation

    /** {@code x.reshape(2, -1)}: same data, new shape; one dimension may be -1. Returns this if unchanged. */
    public NdArray reshape(int... newShape) {
        return ShapeOps.reshape(this, newShape);
    }

    /** Reverses all axes (the matrix transpose for 2-d). */
    public NdArray transpose() {
        return ShapeOps.transpose(this, null);
    }

    /** Permutes axes: the result's axis i is this array's axis {@code axes[i]} (negative allowed). */
    public NdArray transpose(int... axes) {
        return ShapeOps.transpose(this, axes);
    }

    /** {@code x.T}. */
    public NdArray T() {
        return transpose();
    }

    /** Repeats this array to {@code shape} under NumPy's broadcasting rules (a copy). */
    public NdArray broadcastTo(int... shape) {
        return ShapeOps.broadcastTo(this, shape);
    }

    /** The inverse of broadcasting: sums the leading extra axes and the axes where {@code shape} has 1. */
    public NdArray sumTo(int... shape) {
        return ShapeOps.sumTo(this, shape);
    }

    /** Inserts an axis of length 1 at {@code axis} (NumPy's rule for negative axes). */
    public NdArray expandDims(int axis) {
        return ShapeOps.expandDims(this, axis);
    }

    /** Removes all axes of length 1. */
    public NdArray squeeze() {
        return ShapeOps.squeeze(this, null);
    }

    /** Removes the given axis, which must have length 1. */
    public NdArray squeeze(int axis) {
        return ShapeOps.squeeze(this, axis);
    }

    /** A 1-d copy of all elements. */
    public NdArray flatten() {
        return reshape(size);
    }

    /** Joins arrays along an existing axis. */
    public static NdArray concatenate(List<NdArray> arrays, int axis) {
        return ShapeOps.concatenate(arrays, axis);
    }

    /** Joins arrays of equal shape along a new axis. */
    public static NdArray stack(List<NdArray> arrays, int axis) {
        return ShapeOps.stack(arrays, axis);
    }

    // ------------------------------------------------------------------ indexing

    /** NumPy's {@code x[index]}: ints, slices, None, ..., int64 index arrays and bool masks. Always a copy. */
    public NdArray getItem(Index... index) {
        return Indexing.getItem(this, index);
    }

    /**
     * NumPy's {@code np.add.at(zeros(shape), index, values)}: a new array of {@code shape} (dtype of
     * {@code values}) where each indexed position receives the sum of the values sent to it;
     * repeated indices accumulate. This is the gradient of {@link #getItem}.
     */
    public static NdArray scatterAdd(int[] shape, Index[] index, NdArray values) {
        return Indexing.scatterAdd(shape, index, values);
    }

    /** NumPy's {@code x[index] = values} in place (values broadcast to the indexed shape). Returns this. */
    public NdArray setItem(Index[] index, NdArray values) {
        return Indexing.setItem(this, index, values);
    }

    // ------------------------------------------------------------------ linear algebra

    /** {@code np.matmul}: 1-d, 2-d and batched (broadcast leading axes) matrix products. */
    public NdArray matmul(NdArray o) {
        return LinAlg.matmul(this, o);
    }

    /**
     * The product {@code op(this) @ op(o)} of two 2-d arrays, where {@code op} transposes its
     * operand when the flag is set; the kernel reads the transposed operands in place (no copy).
     *
     * <pre>{@code
     * jshell> NdArray.arange(0, 6, 1).reshape(3, 2).matmul(NdArray.ones(3, 4), true, false).shape()
     * $1 ==> int[2] { 2, 4 }
     * }</pre>
     */
    public NdArray matmul(NdArray o, boolean transA, boolean transB) {
        return LinAlg.matmul(this, o, transA, transB);
    }

    /**
     * {@link #matmul(NdArray, boolean, boolean)} written into {@code out} instead of a new array
     * ({@code np.matmul(a, b, out=out)}), so a training loop can reuse one buffer. out must have the
     * product's shape and the operands' common floating dtype; an out that shares its elements with an
     * operand gets the right product (it is computed aside, then copied in).
     *
     * <pre>{@code
     * jshell> var out = NdArray.zeros(2, 4)
     * jshell> NdArray.arange(0, 6, 1).reshape(3, 2).matmul(NdArray.ones(3, 4), true, false, out) == out
     * $2 ==> true
     * }</pre>
     *
     * @return {@code out}
     */
    public NdArray matmul(NdArray o, boolean transA, boolean transB, NdArray out) {
        return LinAlg.matmul(this, o, transA, transB, out);
    }

    /** Alias of {@link #matmul}, as DeZero's {@code dot}. */
    public NdArray dot(NdArray o) {
        return LinAlg.matmul(this, o);
    }

    // ------------------------------------------------------------------ printing

    /** NumPy's {@code str(x)}: {@code [[1. 2.]\n [3. 4.]]}. */
    @Override
    public String toString() {
        return ArrayFormatter.format(this);
    }

    /** NumPy's {@code repr(x)}: {@code array([[1., 2.],\n       [3., 4.]])}, with the dtype when not the default. */
    public String repr() {
        return ArrayFormatter.repr(this);
    }
}
