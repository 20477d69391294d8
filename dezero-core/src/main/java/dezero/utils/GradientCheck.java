package dezero.utils;

import dezero.Variable;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

/**
 * Compares the gradients that backpropagation computes with central differences (DeZero's
 * {@code dezero.utils.gradient_check}, made stricter).
 *
 * <p>The inputs are copied to float64. The function's output {@code y = f(xs)} is reduced to a
 * scalar {@code L = sum(y * w)} with a random but fixed weight array {@code w} (seeded, values in
 * [0.5, 1.5) with random signs), so that a backward pass which, say, permutes or mis-broadcasts
 * its gradient cannot hide behind an all-ones seed. Backprop gets {@code w} as the seed of
 * {@code y}; the numerical side evaluates {@code L} at {@code x ± eps} for each element. Use
 * {@link Options#weighted(boolean) weighted(false)} for an all-ones seed (the plain sum, as in
 * DeZero).
 *
 * <p>An element passes when {@code |backprop - numeric| <= atol + rtol * |numeric|}
 * (NumPy's {@code allclose} rule). Defaults: {@code eps = 1e-6}, {@code rtol = 1e-5},
 * {@code atol = 1e-7}. In float64 the truncation error of a central difference with
 * {@code eps = 1e-6} is about {@code 1e-13 * |f'''|} and the rounding error about
 * {@code 1e-10 * |L|}, so for outputs of magnitude up to about 10 the errors stay below
 * {@code 1e-9}, a margin of 100 (the function tests of this project see ratios near
 * {@code 1e-3}; {@link Result#worstRatio()} reports it), while a wrong backward (a missing
 * factor, a wrong sign, a wrong axis) is off by order 1. Raise {@code atol} (or
 * {@code eps}) for functions with large outputs or large third derivatives.
 *
 * <pre>{@code
 * NdArray x = NdArray.array(new double[][] {{0.1, 0.2}, {0.3, 0.4}});
 * GradientCheck.Result r = GradientCheck.check(xs -> F.tanh(xs[0]), x);
 * assert r.ok() : r.message();
 *
 * // or, in a test, throw an AssertionError naming the input, its shape and the worst element:
 * GradientCheck.assertGradients(xs -> F.matmul(xs[0], xs[1]), a, b);
 * GradientCheck.assertSecondOrder(xs -> F.sin(xs[0]), x);
 * }</pre>
 */
public final class GradientCheck {
    public static final double DEFAULT_EPS = 1e-6;
    public static final double DEFAULT_RTOL = 1e-5;
    public static final double DEFAULT_ATOL = 1e-7;
    public static final long DEFAULT_SEED = 0x5EEDL;

    private GradientCheck() {
    }

    // ------------------------------------------------------------------ options and result

    /**
     * Tolerances, step and weighting for a check; immutable, each {@code with}-style method
     * returns a modified copy: {@code Options.defaults().atol(1e-5).eps(1e-5)}.
     */
    public static final class Options {
        private final double rtol;
        private final double atol;
        private final double eps;
        private final long seed;
        private final boolean weighted;

        private Options(double rtol, double atol, double eps, long seed, boolean weighted) {
            if (!(rtol >= 0) || !(atol >= 0)) {
                throw new IllegalArgumentException("rtol and atol must be >= 0, got rtol=" + rtol + " atol=" + atol);
            }
            if (!(eps > 0) || Double.isInfinite(eps)) {
                throw new IllegalArgumentException("eps must be a positive finite number, got " + eps);
            }
            this.rtol = rtol;
            this.atol = atol;
            this.eps = eps;
            this.seed = seed;
            this.weighted = weighted;
        }

        /** rtol 1e-5, atol 1e-7, eps 1e-6, random weights with seed {@link #DEFAULT_SEED}. */
        public static Options defaults() {
            return new Options(DEFAULT_RTOL, DEFAULT_ATOL, DEFAULT_EPS, DEFAULT_SEED, true);
        }

        public Options rtol(double v) {
            return new Options(v, atol, eps, seed, weighted);
        }

        public Options atol(double v) {
            return new Options(rtol, v, eps, seed, weighted);
        }

        /** The central-difference step. */
        public Options eps(double v) {
            return new Options(rtol, atol, v, seed, weighted);
        }

        /** The seed of the random weights (and of the second-order direction). */
        public Options seed(long v) {
            return new Options(rtol, atol, eps, v, weighted);
        }

        /** {@code false}: seed backprop with ones and compare with the plain sum of the output. */
        public Options weighted(boolean v) {
            return new Options(rtol, atol, eps, seed, v);
        }

        public double rtol() {
            return rtol;
        }

        public double atol() {
            return atol;
        }

        public double eps() {
            return eps;
        }

        public long seed() {
            return seed;
        }

        public boolean weighted() {
            return weighted;
        }

        @Override
        public String toString() {
            return "rtol=" + rtol + ", atol=" + atol + ", eps=" + eps + (weighted ? ", weighted (seed " + seed + ")"
                    : ", all-ones seed");
        }
    }

    /** The outcome of a check: whether every element passed, the largest error per input, and a message. */
    public static final class Result {
        private final boolean ok;
        private final double[] maxAbsError;
        private final String message;
        private final NdArray[] backprop;
        private final NdArray[] numeric;
        private final double worstRatio;

        Result(boolean ok, double[] maxAbsError, double worstRatio, String message, NdArray[] backprop,
                NdArray[] numeric) {
            this.ok = ok;
            this.worstRatio = worstRatio;
            this.maxAbsError = maxAbsError;
            this.message = message;
            this.backprop = backprop;
            this.numeric = numeric;
        }

        /** True when every element of every input's gradient is within tolerance. */
        public boolean ok() {
            return ok;
        }

        /**
         * The largest {@code |backprop - numeric|} of each input's gradient (infinite where a value
         * is NaN on one side only, NaN when the shapes differ).
         */
        public double[] maxAbsError() {
            return maxAbsError.clone();
        }

        public double maxAbsError(int input) {
            return maxAbsError[input];
        }

        /**
         * The largest {@code |backprop - numeric| / (atol + rtol * |numeric|)} over all elements
         * of all inputs: at most 1 when the check passes; how much margin there was.
         */
        public double worstRatio() {
            return worstRatio;
        }

        /**
         * On failure: which input, its shape, the worst position and both values; on success a
         * summary of the errors.
         */
        public String message() {
            return message;
        }

        /** The gradient backprop computed for input {@code i} (float64; zeros when it got none). */
        public NdArray backpropGrad(int i) {
            return backprop[i];
        }

        /** The central-difference gradient for input {@code i} (float64). */
        public NdArray numericGrad(int i) {
            return numeric[i];
        }

        @Override
        public String toString() {
            return message;
        }
    }

    // ------------------------------------------------------------------ first order

    /** Checks the first-order gradients with the default options. */
    public static Result check(Function<Variable[], Variable> f, NdArray... inputs) {
        return check(Options.defaults(), f, inputs);
    }

    /** Checks the first-order gradients with the given tolerances and step. */
    public static Result check(Function<Variable[], Variable> f, double rtol, double atol, double eps,
            NdArray... inputs) {
        return check(Options.defaults().rtol(rtol).atol(atol).eps(eps), f, inputs);
    }

    /**
     * Checks the first-order gradients of {@code f} at {@code inputs}: backprop of
     * {@code sum(f(xs) * w)} against its central differences.
     *
     * @param f      the function under test; it receives fresh float64 leaf Variables
     * @param inputs the point (copied; never modified)
     */
    public static Result check(Options options, Function<Variable[], Variable> f, NdArray... inputs) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(f, "f");
        NdArray[] xs = NumericalDiff.float64Copies(inputs);

        Variable[] vars = NumericalDiff.toVariables(copies(xs));
        Variable y = requireOutput(f.apply(vars));
        NdArray w = weights(y.shape(), options);
        y.setGrad(new Variable(w));
        y.backward();
        NdArray[] analytic = gradsOf(vars);

        NdArray[] numeric = NumericalDiff.numericalGradOf(p -> weightedSum(f.apply(NumericalDiff.toVariables(p)), w),
                xs, options.eps(), true);
        return compare("gradient", analytic, numeric, xs, options);
    }

    /** Throws an {@link AssertionError} with the check's message unless the gradients match (default options). */
    public static void assertGradients(Function<Variable[], Variable> f, NdArray... inputs) {
        assertOk(check(f, inputs));
    }

    public static void assertGradients(Function<Variable[], Variable> f, double rtol, double atol, double eps,
            NdArray... inputs) {
        assertOk(check(f, rtol, atol, eps, inputs));
    }

    public static void assertGradients(Options options, Function<Variable[], Variable> f, NdArray... inputs) {
        assertOk(check(options, f, inputs));
    }

    // ------------------------------------------------------------------ second order

    /** Checks the second-order gradients with the default options. */
    public static Result checkSecondOrder(Function<Variable[], Variable> f, NdArray... inputs) {
        return checkSecondOrder(Options.defaults(), f, inputs);
    }

    public static Result checkSecondOrder(Function<Variable[], Variable> f, double rtol, double atol, double eps,
            NdArray... inputs) {
        return checkSecondOrder(Options.defaults().rtol(rtol).atol(atol).eps(eps), f, inputs);
    }

    /**
     * Checks the gradient of the first-order gradient. The first-order gradients
     * {@code g_i = d sum(f(xs) * w) / d x_i} are computed by {@code backward(false, true)}
     * (recording their graph), then {@code M = sum_i sum(g_i * v_i)} for a random fixed direction
     * {@code v} is differentiated again by backprop (a Hessian-vector product). That is compared
     * with central differences of {@code M}, where each evaluation of {@code M} runs a fresh
     * first-order backward.
     *
     * <p>This validates that the backward pass is itself differentiated correctly (that it is
     * built from differentiable Variable operations and does not, say, use {@code x.data()} as
     * a constant). It does not validate the first-order gradient: a wrong but differentiable
     * backward is differentiated consistently. Run {@link #check} as well.
     */
    public static Result checkSecondOrder(Options options, Function<Variable[], Variable> f, NdArray... inputs) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(f, "f");
        NdArray[] xs = NumericalDiff.float64Copies(inputs);
        Random rnd = new Random(options.seed() ^ 0x9E3779B97F4A7C15L);
        NdArray[] v = new NdArray[xs.length];
        for (int i = 0; i < xs.length; i++) {
            v[i] = randomWeights(xs[i].shape(), rnd);
        }

        // backprop: first-order gradients with a graph, then each g_i seeded with v_i
        Variable[] vars = NumericalDiff.toVariables(copies(xs));
        Variable y = requireOutput(f.apply(vars));
        NdArray w = weights(y.shape(), options);
        y.setGrad(new Variable(w));
        y.backward(false, true);
        Variable[] g = new Variable[vars.length];
        for (int i = 0; i < vars.length; i++) {
            g[i] = vars[i].grad();
            vars[i].cleargrad();
        }
        for (int i = 0; i < g.length; i++) {
            if (g[i] == null || g[i].creator() == null) {
                continue; // a constant first-order gradient: nothing flows back to the inputs
            }
            g[i].setGrad(new Variable(v[i]));
            g[i].backward();
        }
        NdArray[] analytic = gradsOf(vars);

        NdArray[] numeric = NumericalDiff.numericalGradOf(p -> {
            Variable[] pv = NumericalDiff.toVariables(copies(p));
            Variable py = requireOutput(f.apply(pv));
            py.setGrad(new Variable(w));
            py.backward();
            double s = 0;
            for (int i = 0; i < pv.length; i++) {
                if (pv[i].grad() != null) {
                    s += dotOf(pv[i].grad().data(), v[i]);
                }
            }
            return s;
        }, xs, options.eps(), false);
        return compare("second-order gradient", analytic, numeric, xs, options);
    }

    /** Throws an {@link AssertionError} with the message unless the second-order gradients match (default options). */
    public static void assertSecondOrder(Function<Variable[], Variable> f, NdArray... inputs) {
        assertOk(checkSecondOrder(f, inputs));
    }

    public static void assertSecondOrder(Function<Variable[], Variable> f, double rtol, double atol, double eps,
            NdArray... inputs) {
        assertOk(checkSecondOrder(f, rtol, atol, eps, inputs));
    }

    public static void assertSecondOrder(Options options, Function<Variable[], Variable> f, NdArray... inputs) {
        assertOk(checkSecondOrder(options, f, inputs));
    }

    // ------------------------------------------------------------------ internals

    private static void assertOk(Result r) {
        if (!r.ok()) {
            throw new AssertionError(r.message());
        }
    }

    private static Variable requireOutput(Variable y) {
        if (y == null || y.data() == null) {
            throw new IllegalArgumentException("gradient check: the function returned "
                    + (y == null ? "null" : "a variable with no data"));
        }
        return y;
    }

    private static NdArray[] copies(NdArray[] xs) {
        NdArray[] out = new NdArray[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = NdArray.wrap(xs[i].doubleData().clone(), xs[i].shape());
        }
        return out;
    }

    private static NdArray weights(int[] shape, Options options) {
        if (!options.weighted()) {
            return NdArray.wrap(filled(Shapes.size(shape), 1.0), shape);
        }
        return randomWeights(shape, new Random(options.seed()));
    }

    private static double[] filled(int n, double v) {
        double[] d = new double[n];
        Arrays.fill(d, v);
        return d;
    }

    /** Values in [0.5, 1.5) with random signs: never near zero, so every element matters. */
    private static NdArray randomWeights(int[] shape, Random rnd) {
        double[] d = new double[Shapes.size(shape)];
        for (int k = 0; k < d.length; k++) {
            double m = 0.5 + rnd.nextDouble();
            d[k] = rnd.nextBoolean() ? m : -m;
        }
        return NdArray.wrap(d, shape);
    }

    private static double weightedSum(Variable y, NdArray w) {
        requireOutput(y);
        if (!Arrays.equals(y.shape(), w.shape())) {
            throw new IllegalStateException("gradient check: the function's output shape changed from "
                    + Shapes.str(w.shape()) + " to " + Shapes.str(y.shape()) + " when an input was perturbed");
        }
        return dotOf(y.data(), w);
    }

    private static double dotOf(NdArray a, NdArray b) {
        double s = 0;
        for (int k = 0, n = a.size(); k < n; k++) {
            s += a.getFlat(k) * b.getFlat(k);
        }
        return s;
    }

    /** Each variable's gradient as float64 (zeros when it received none). */
    private static NdArray[] gradsOf(Variable[] vars) {
        NdArray[] out = new NdArray[vars.length];
        for (int i = 0; i < vars.length; i++) {
            Variable g = vars[i].grad();
            out[i] = g == null ? NdArray.zeros(vars[i].shape())
                    : NdArray.wrap(g.data().toDoubleArray(), g.data().shape());
        }
        return out;
    }

    private static Result compare(String what, NdArray[] analytic, NdArray[] numeric, NdArray[] xs,
            Options options) {
        double[] maxErr = new double[xs.length];
        double overallRatio = 0;
        String failure = null;
        for (int i = 0; i < xs.length; i++) {
            int[] shape = xs[i].shape();
            if (!Arrays.equals(analytic[i].shape(), shape)) {
                maxErr[i] = Double.NaN;
                overallRatio = Double.POSITIVE_INFINITY;
                if (failure == null) {
                    failure = what + " check failed for input " + i + " of shape " + Shapes.str(shape)
                            + ": backprop gave a gradient of shape " + Shapes.str(analytic[i].shape());
                }
                continue;
            }
            double max = 0;
            double worstRatio = -1;
            int worst = -1;
            for (int k = 0, n = xs[i].size(); k < n; k++) {
                double a = analytic[i].getFlat(k);
                double b = numeric[i].getFlat(k);
                double err = Math.abs(a - b);
                if (Double.isNaN(err)) {
                    // NaN (or inf - inf) on either side is a failure unless both are the same non-finite value
                    err = Double.compare(a, b) == 0 ? 0 : Double.POSITIVE_INFINITY;
                }
                max = Math.max(max, err);
                double ratio = err / (options.atol() + options.rtol() * Math.abs(b));
                if (Double.isNaN(ratio)) {
                    ratio = err == 0 ? 0 : Double.POSITIVE_INFINITY;
                }
                if (ratio > worstRatio) {
                    worstRatio = ratio;
                    worst = k;
                }
            }
            maxErr[i] = max;
            overallRatio = Math.max(overallRatio, worstRatio);
            if (failure == null && worst >= 0 && !(worstRatio <= 1.0)) {
                double a = analytic[i].getFlat(worst);
                double b = numeric[i].getFlat(worst);
                failure = what + " check failed for input " + i + " of shape " + Shapes.str(shape) + ": at "
                        + position(worst, shape) + " backprop gives " + a + " but the central difference gives " + b
                        + " (|diff| " + Math.abs(a - b) + " > atol " + options.atol() + " + rtol " + options.rtol()
                        + " * |numeric|)";
            }
        }
        boolean ok = failure == null;
        String summary = "max abs error per input " + Arrays.toString(maxErr) + ", worst error/tolerance ratio "
                + String.format(java.util.Locale.ROOT, "%.3g", overallRatio) + " [" + options + "]";
        String message = ok ? what + "s match: " + summary : failure + "; " + summary;
        return new Result(ok, maxErr, overallRatio, message, analytic, numeric);
    }

    /** A flat row-major position as a NumPy index tuple: {@code (1, 2)}, {@code (4,)} or {@code ()}. */
    static String position(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] > 0) {
                idx[d] = flat % shape[d];
                flat /= shape[d];
            }
        }
        return Shapes.str(idx);
    }
}
