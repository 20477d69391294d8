package dezero.functions;

import dezero.Variable;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;

import java.util.Arrays;

/**
 * DeZero's {@code dezero.functions} as static methods, named as in DeZero (camelCase).
 * Each method builds one graph node (or a small composition of them).
 *
 * <pre>{@code
 * jshell> import static dezero.functions.F.*;
 * jshell> var x = Variable.of(new double[] {1, 2, 3});
 * jshell> var y = sum(mul(x, x));
 * jshell> y.backward(); x.grad()
 * $4 ==> variable([2. 4. 6.])
 * }</pre>
 */
public final class F {
    private F() {
    }

    /** Wraps a raw array as a constant operand (no gradient is computed for it). */
    public static Variable asVariable(NdArray a) {
        return Variable.constant(a);
    }

    // ------------------------------------------------------------------ arithmetic

    public static Variable add(Variable x0, Variable x1) {
        return new Add().apply(x0, x1);
    }

    public static Variable sub(Variable x0, Variable x1) {
        return new Sub().apply(x0, x1);
    }

    /** DeZero's {@code rsub(x0, x1)}: {@code x1 - x0}. */
    public static Variable rsub(Variable x0, Variable x1) {
        return new Sub().apply(x1, x0);
    }

    public static Variable mul(Variable x0, Variable x1) {
        return new Mul().apply(x0, x1);
    }

    public static Variable div(Variable x0, Variable x1) {
        return new Div().apply(x0, x1);
    }

    /** DeZero's {@code rdiv(x0, x1)}: {@code x1 / x0}. */
    public static Variable rdiv(Variable x0, Variable x1) {
        return new Div().apply(x1, x0);
    }

    public static Variable neg(Variable x) {
        return new Neg().apply(x);
    }

    /** {@code x ** c} for a constant exponent. */
    public static Variable pow(Variable x, double c) {
        return new Pow(c).apply(x);
    }

    /** {@code x0 ** x1} element-wise with broadcasting, differentiable in both. */
    public static Variable pow(Variable x0, Variable x1) {
        return new PowVar().apply(x0, x1);
    }

    public static Variable square(Variable x) {
        return new Square().apply(x);
    }

    // ------------------------------------------------------------------ math

    public static Variable exp(Variable x) {
        return new Exp().apply(x);
    }

    public static Variable log(Variable x) {
        return new Log().apply(x);
    }

    public static Variable sin(Variable x) {
        return new Sin().apply(x);
    }

    public static Variable cos(Variable x) {
        return new Cos().apply(x);
    }

    public static Variable tanh(Variable x) {
        return new Tanh().apply(x);
    }

    // ------------------------------------------------------------------ shapes

    /** Reshapes (one dimension may be -1); returns {@code x} itself when the shape is unchanged, as DeZero does. */
    public static Variable reshape(Variable x, int... shape) {
        if (Arrays.equals(x.shape(), shape)) {
            return x;
        }
        return new Reshape(shape).apply(x);
    }

    /** Reverses all axes. */
    public static Variable transpose(Variable x) {
        return new Transpose(null).apply(x);
    }

    /** Permutes axes (negative allowed). */
    public static Variable transpose(Variable x, int... axes) {
        return new Transpose(axes).apply(x);
    }

    /** Broadcasts to {@code shape}; returns {@code x} itself when the shape is unchanged. */
    public static Variable broadcastTo(Variable x, int... shape) {
        if (Arrays.equals(x.shape(), shape)) {
            return x;
        }
        return new BroadcastTo(shape).apply(x);
    }

    /** Sums back to {@code shape} (the inverse of broadcasting); returns {@code x} itself when the shape is unchanged. */
    public static Variable sumTo(Variable x, int... shape) {
        if (Arrays.equals(x.shape(), shape)) {
            return x;
        }
        return new SumTo(shape).apply(x);
    }

    // ------------------------------------------------------------------ reductions

    /** Sum of all elements (a 0-d result). */
    public static Variable sum(Variable x) {
        return new Sum(null, false).apply(x);
    }

    public static Variable sum(Variable x, int axis) {
        return new Sum(new int[] {axis}, false).apply(x);
    }

    /** Sum over {@code axes} ({@code null} for all), keeping reduced axes as 1 when {@code keepdims}. */
    public static Variable sum(Variable x, int[] axes, boolean keepdims) {
        return new Sum(axes, keepdims).apply(x);
    }

    /** Mean of all elements, as DeZero's {@code average}: {@code sum(x) * (y.size / x.size)}. */
    public static Variable mean(Variable x) {
        return mean(x, null, false);
    }

    public static Variable mean(Variable x, int[] axes, boolean keepdims) {
        Variable y = sum(x, axes, keepdims);
        return y.mul((double) y.size() / x.size());
    }

    /** DeZero's name for {@link #mean(Variable)}. */
    public static Variable average(Variable x) {
        return mean(x);
    }

    public static Variable average(Variable x, int[] axes, boolean keepdims) {
        return mean(x, axes, keepdims);
    }

    // ------------------------------------------------------------------ linear algebra and indexing

    public static Variable matmul(Variable x, Variable w) {
        return new MatMul().apply(x, w);
    }

    /** DeZero's alias of {@link #matmul}. */
    public static Variable dot(Variable x, Variable w) {
        return matmul(x, w);
    }

    /** {@code x[index]} with NumPy semantics; repeated indices accumulate in the gradient. */
    public static Variable getItem(Variable x, Index... index) {
        return new GetItem(index).apply(x);
    }
}
