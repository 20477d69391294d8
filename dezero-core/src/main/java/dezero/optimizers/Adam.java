package dezero.optimizers;

import dezero.Parameter;
import dezero.ndarray.NdArray;

import java.util.Map;

/**
 * Adam, as DeZero: {@code t} counts {@link #update()} calls (a counter of its {@link #state()}); {@code m += (1 - beta1) * (grad - m)},
 * {@code v += (1 - beta2) * (grad^2 - v)}, {@code param -= lr() * m / (sqrt(v) + eps)} with the
 * bias-corrected step {@link #lr()} {@code = alpha * sqrt(1 - beta2^t) / (1 - beta1^t)}.
 *
 * <pre>{@code
 * var optimizer = new Adam().setup(model);      // alpha 0.001
 * }</pre>
 */
public class Adam extends Optimizer {
    private final double alpha;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private int t;
    private final Map<Parameter, NdArray> ms = newState("ms");
    private final Map<Parameter, NdArray> vs = newState("vs");

    /** DeZero's defaults: alpha 0.001, beta1 0.9, beta2 0.999, eps 1e-8. */
    public Adam() {
        this(0.001);
    }

    public Adam(double alpha) {
        this(alpha, 0.9, 0.999, 1e-8);
    }

    /**
     * @throws IllegalArgumentException when alpha is not a finite number {@code >= 0}, beta1 or beta2 is
     *                                  outside [0, 1) or eps is not a finite number {@code > 0}
     */
    public Adam(double alpha, double beta1, double beta2, double eps) {
        this.alpha = hyperParameter("alpha", HyperParameters.notNegative("Adam", "alpha", alpha));
        this.beta1 = hyperParameter("beta1", HyperParameters.fraction("Adam", "beta1", beta1, false));
        this.beta2 = hyperParameter("beta2", HyperParameters.fraction("Adam", "beta2", beta2, false));
        this.eps = hyperParameter("eps", HyperParameters.positive("Adam", "eps", eps));
        counter("t", () -> t, v -> t = Math.toIntExact(v));
    }

    @Override
    public void update() {
        t++;
        super.update();
    }

    /** The number of {@link #update()} calls so far. */
    public int t() {
        return t;
    }

    /** The bias-corrected step size of the current step {@code t} (DeZero's {@code lr} property). */
    public double lr() {
        double fix1 = 1.0 - Math.pow(beta1, t);
        double fix2 = 1.0 - Math.pow(beta2, t);
        return alpha * Math.sqrt(fix2) / fix1;
    }

    @Override
    protected void updateOne(Parameter param) {
        NdArray p = param.data();
        NdArray grad = param.grad().data();
        NdArray m = state(ms, param);
        NdArray v = state(vs, param);
        // one pass, no temporaries when the arrays allow it (see NdArray.adamStepInPlace)
        p.adamStepInPlace(m, v, grad, 1 - beta1, 1 - beta2, lr(), eps);
    }
}
