package dezero.utils;

import dezero.Config;
import dezero.Variable;
import dezero.ndarray.NdArray;

import java.util.Objects;
import java.util.function.Function;

/**
 * Central-difference derivatives (DeZero step 4 and {@code dezero.utils.numerical_grad}): for
 * each element of the input, the function is evaluated at {@code x + eps} and {@code x - eps}
 * (that element only), the outputs are summed, and the derivative is
 * {@code (sum f(x + eps) - sum f(x - eps)) / (2 eps)}. The truncation error is of order
 * {@code eps^2}; the rounding error grows like {@code |f| * 1e-16 / eps}.
 *
 * <p>All arithmetic is done on a float64 copy of the input, so the caller's array is never
 * modified, and the result is a float64 array of the input's shape. The function is evaluated
 * under {@link Config#noGrad()} (no graph is recorded).
 *
 * <pre>{@code
 * NdArray d = NumericalDiff.numericalDiff(F::square, Variable.of(2.0), 1e-4);
 * d.item();   // 4.000000000004 (the book's step 4)
 * }</pre>
 */
public final class NumericalDiff {
    /** DeZero's default step for {@code numerical_diff}. */
    public static final double DEFAULT_EPS = 1e-4;

    private NumericalDiff() {
    }

    /** {@link #numericalDiff(Function, Variable, double)} with {@link #DEFAULT_EPS}. */
    public static NdArray numericalDiff(Function<Variable, Variable> f, Variable x) {
        return numericalDiff(f, x, DEFAULT_EPS);
    }

    /**
     * The central-difference gradient of {@code sum(f(x))} with respect to every element of
     * {@code x}.
     *
     * @param f   the function; it receives a fresh leaf Variable for every evaluation
     * @param x   the point (its data is read, never modified)
     * @param eps the step, greater than 0
     * @return a float64 array of {@code x}'s shape
     */
    public static NdArray numericalDiff(Function<Variable, Variable> f, Variable x, double eps) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(x, "x");
        if (x.data() == null) {
            throw new IllegalArgumentException("numericalDiff: the variable has no data");
        }
        return numericalGrad(xs -> f.apply(xs[0]), new NdArray[] {x.data()}, eps, true)[0];
    }

    /**
     * The central-difference gradients of {@code sum(f(xs))} with respect to every element of
     * every input, evaluated under {@link Config#noGrad()}.
     *
     * @return one float64 array per input, of that input's shape
     */
    public static NdArray[] numericalGrad(Function<Variable[], Variable> f, NdArray[] inputs, double eps) {
        return numericalGrad(f, inputs, eps, true);
    }

    static NdArray[] numericalGrad(Function<Variable[], Variable> f, NdArray[] inputs, double eps, boolean noGrad) {
        return numericalGradOf(xs -> sumOf(f.apply(toVariables(xs))), inputs, eps, noGrad);
    }

    /** A scalar function of the input arrays (which it must not keep or modify). */
    interface ScalarFunction {
        double apply(NdArray[] xs);
    }

    /**
     * Central differences of a scalar function of float64 copies of {@code inputs}; the copies
     * are perturbed in place one element at a time and restored afterwards.
     */
    static NdArray[] numericalGradOf(ScalarFunction f, NdArray[] inputs, double eps, boolean noGrad) {
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("numerical differentiation: eps must be a positive finite number, got "
                    + eps);
        }
        NdArray[] xs = float64Copies(inputs);
        NdArray[] grads = new NdArray[xs.length];
        try (Config.Scope scope = Config.enableBackprop(!noGrad && Config.enableBackprop())) {
            for (int i = 0; i < xs.length; i++) {
                NdArray x = xs[i];
                double[] data = x.doubleData();
                double[] g = new double[data.length];
                for (int j = 0; j < data.length; j++) {
                    double orig = data[j];
                    data[j] = orig + eps;
                    double plus = f.apply(xs);
                    data[j] = orig - eps;
                    double minus = f.apply(xs);
                    data[j] = orig;
                    g[j] = (plus - minus) / (2 * eps);
                }
                grads[i] = NdArray.wrap(g, x.shape());
            }
        }
        return grads;
    }

    /** Float64 copies of the arrays (never the arrays themselves). */
    static NdArray[] float64Copies(NdArray[] inputs) {
        Objects.requireNonNull(inputs, "inputs");
        NdArray[] out = new NdArray[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            NdArray a = Objects.requireNonNull(inputs[i], "input " + i);
            out[i] = NdArray.wrap(a.toDoubleArray(), a.shape());
        }
        return out;
    }

    static Variable[] toVariables(NdArray[] xs) {
        Variable[] vs = new Variable[xs.length];
        for (int i = 0; i < xs.length; i++) {
            vs[i] = new Variable(xs[i], "x" + i);
        }
        return vs;
    }

    /** The sum of all elements of {@code y}'s data, in float64, by a plain loop. */
    static double sumOf(Variable y) {
        if (y == null || y.data() == null) {
            throw new IllegalArgumentException("numerical differentiation: the function returned "
                    + (y == null ? "null" : "a variable with no data"));
        }
        NdArray d = y.data();
        double s = 0;
        for (int k = 0, n = d.size(); k < n; k++) {
            s += d.getFlat(k);
        }
        return s;
    }
}
