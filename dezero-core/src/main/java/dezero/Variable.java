package dezero;

import dezero.functions.F;
import dezero.ndarray.DType;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

/**
 * A node of the computational graph: an array ({@link #data()}), its gradient ({@link #grad()},
 * itself a Variable so that gradients can be differentiated again), the {@link Function} that
 * created it, and its generation (the depth used to order the backward pass).
 *
 * <pre>{@code
 * jshell> var x = Variable.of(0.5)
 * jshell> var y = F.square(F.exp(F.square(x)))
 * jshell> y.backward(); x.grad()
 * $3 ==> variable(3.297442541400256)
 * }</pre>
 */
public class Variable {
    private NdArray data;
    private Variable grad;
    private Function creator;
    private int generation;
    private String name;
    private boolean constant;

    /** A variable holding {@code data}, which may be {@code null} (DeZero's {@code Variable(None)}). */
    public Variable(NdArray data) {
        this.data = data;
    }

    public Variable(NdArray data, String name) {
        this.data = data;
        this.name = name;
    }

    /** A 0-d float64 variable. */
    public static Variable of(double value) {
        return new Variable(NdArray.scalar(value));
    }

    /** A 1-d float64 variable. */
    public static Variable of(double[] values) {
        return new Variable(NdArray.array(values));
    }

    /** A 2-d float64 variable. */
    public static Variable of(double[][] rows) {
        return new Variable(NdArray.array(rows));
    }

    /**
     * A variable that never receives a gradient: what Java numbers and raw arrays become when they
     * are used as operands ({@code x.mul(2.0)}), so that backward does not waste work on them.
     */
    public static Variable constant(NdArray data) {
        Variable v = new Variable(data);
        v.constant = true;
        return v;
    }

    // ------------------------------------------------------------------ accessors

    public NdArray data() {
        return data;
    }

    /** Replaces the data (DeZero's {@code x.data = ...}); the graph is unchanged. */
    public void setData(NdArray data) {
        this.data = data;
    }

    /** The gradient after {@link #backward()}, or {@code null}. */
    public Variable grad() {
        return grad;
    }

    public void setGrad(Variable grad) {
        this.grad = grad;
    }

    /** Forgets the gradient (DeZero's {@code cleargrad()}); gradients otherwise accumulate across backward calls. */
    public void cleargrad() {
        this.grad = null;
    }

    public Function creator() {
        return creator;
    }

    /** Records {@code f} as this variable's creator; the generation becomes one more than the function's. */
    public void setCreator(Function f) {
        this.creator = f;
        this.generation = f.generation() + 1;
    }

    public int generation() {
        return generation;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isConstant() {
        return constant;
    }

    public int[] shape() {
        return requireData("shape").shape();
    }

    public int ndim() {
        return requireData("ndim").ndim();
    }

    public int size() {
        return requireData("size").size();
    }

    public DType dtype() {
        return requireData("dtype").dtype();
    }

    /** The length of the first axis, like Python's {@code len(x)}. */
    public int len() {
        NdArray d = requireData("len");
        if (d.ndim() == 0) {
            throw new IllegalStateException("len() of unsized object (a 0-d variable)");
        }
        return d.shape(0);
    }

    private NdArray requireData(String op) {
        if (data == null) {
            throw new IllegalStateException(op + ": variable" + (name == null ? "" : " '" + name + "'")
                    + " has no data");
        }
        return data;
    }

    // ------------------------------------------------------------------ backward

    /** Backpropagates from this variable with a seed of ones; intermediate gradients are freed. */
    public void backward() {
        backward(false, false);
    }

    /** @param retainGrad keep the gradients of intermediate variables */
    public void backward(boolean retainGrad) {
        backward(retainGrad, false);
    }

    /**
     * Backpropagates from this variable. The seed is {@code onesLike(data)} unless a gradient is
     * already set. Functions run in decreasing generation, each once; gradients accumulate into
     * variables used more than once.
     *
     * @param retainGrad  keep the gradients of non-leaf variables (including this one)
     * @param createGraph record the backward computation, so gradients can be differentiated again
     */
    public void backward(boolean retainGrad, boolean createGraph) {
        requireData("backward");
        if (grad == null) {
            grad = new Variable(NdArray.onesLike(data));
        }
        Backprop.run(this, retainGrad, createGraph);
    }

    /** Cuts the link to the creator, making this variable a leaf. */
    public void unchain() {
        creator = null;
    }

    /** Cuts every creator link of the graph that produced this variable (for truncated backprop through time). */
    public void unchainBackward() {
        Backprop.unchainAll(this);
    }

    // ------------------------------------------------------------------ operators

    public Variable add(Variable o) {
        return F.add(this, o);
    }

    public Variable add(NdArray o) {
        return F.add(this, constant(o));
    }

    public Variable add(double v) {
        return F.add(this, scalarOperand(v));
    }

    public Variable sub(Variable o) {
        return F.sub(this, o);
    }

    public Variable sub(NdArray o) {
        return F.sub(this, constant(o));
    }

    public Variable sub(double v) {
        return F.sub(this, scalarOperand(v));
    }

    /** {@code v - this}. */
    public Variable rsub(double v) {
        return F.sub(scalarOperand(v), this);
    }

    /** {@code o - this}. */
    public Variable rsub(NdArray o) {
        return F.sub(constant(o), this);
    }

    public Variable mul(Variable o) {
        return F.mul(this, o);
    }

    public Variable mul(NdArray o) {
        return F.mul(this, constant(o));
    }

    public Variable mul(double v) {
        return F.mul(this, scalarOperand(v));
    }

    public Variable div(Variable o) {
        return F.div(this, o);
    }

    public Variable div(NdArray o) {
        return F.div(this, constant(o));
    }

    public Variable div(double v) {
        return F.div(this, scalarOperand(v));
    }

    /** {@code v / this}. */
    public Variable rdiv(double v) {
        return F.div(scalarOperand(v), this);
    }

    /** {@code o / this}. */
    public Variable rdiv(NdArray o) {
        return F.div(constant(o), this);
    }

    /** {@code this ** c} for a constant exponent. */
    public Variable pow(double c) {
        return F.pow(this, c);
    }

    /** {@code this ** o}, element-wise with broadcasting; both sides get gradients. */
    public Variable pow(Variable o) {
        return F.pow(this, o);
    }

    public Variable neg() {
        return F.neg(this);
    }

    public Variable reshape(int... shape) {
        return F.reshape(this, shape);
    }

    /** Reverses the axes. */
    public Variable transpose() {
        return F.transpose(this);
    }

    public Variable transpose(int... axes) {
        return F.transpose(this, axes);
    }

    /** DeZero's {@code x.T}. */
    public Variable T() {
        return F.transpose(this);
    }

    public Variable sum() {
        return F.sum(this);
    }

    public Variable sum(int axis, boolean keepdims) {
        return F.sum(this, new int[] {axis}, keepdims);
    }

    public Variable sum(int[] axes, boolean keepdims) {
        return F.sum(this, axes, keepdims);
    }

    /** Maximum over all elements (the gradient goes to every tied maximum). */
    public Variable max() {
        return F.max(this);
    }

    public Variable max(int axis, boolean keepdims) {
        return F.max(this, new int[] {axis}, keepdims);
    }

    public Variable min() {
        return F.min(this);
    }

    public Variable min(int axis, boolean keepdims) {
        return F.min(this, new int[] {axis}, keepdims);
    }

    public Variable matmul(Variable o) {
        return F.matmul(this, o);
    }

    /** Alias of {@link #matmul}, as DeZero's {@code dot}. */
    public Variable dot(Variable o) {
        return F.matmul(this, o);
    }

    /** NumPy-style indexing, differentiable: {@code x.getItem(Index.all(), Index.at(1))} is {@code x[:, 1]}. */
    public Variable getItem(Index... index) {
        return F.getItem(this, index);
    }

    private Variable scalarOperand(double v) {
        NdArray d = requireData("operator");
        return constant(d.scalarLike(v));
    }

    // ------------------------------------------------------------------ printing

    /** Like DeZero: {@code variable([[1. 2.]\n          [3. 4.]])}, or {@code variable(None)}. */
    @Override
    public String toString() {
        if (data == null) {
            return "variable(None)";
        }
        return "variable(" + data.toString().replace("\n", "\n         ") + ")";
    }

    /** A one-line description for graphs: name, shape and dtype. */
    public String describe() {
        String n = name == null ? "" : name + ": ";
        return data == null ? n + "None" : n + Shapes.str(data.shape()) + " " + data.dtype();
    }
}
