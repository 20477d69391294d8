package dezero.layers;

import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

/**
 * Batch normalisation of {@code (N, C)} or {@code (N, C, H, W)} inputs (see {@link F#batchNorm}).
 * All four arrays are created at the first call, with C = {@code x.shape[1]} and x's dtype:
 * {@code gamma = 1}, {@code beta = 0} (trained), and the running averages {@code avg_mean = 0},
 * {@code avg_var = 1}, which train-mode calls update in place and test-mode calls
 * ({@code Config.testMode()}) use.
 *
 * <p>As in DeZero, the running averages are {@link Parameter}s, so they are part of
 * {@link #flattenParams()} and saved with the weights ({@code bn/avg_mean}, {@code bn/avg_var}); they
 * are passed to the function as raw arrays and never receive a gradient, so optimizers (which
 * update only parameters with a gradient) leave them alone.
 *
 * <pre>{@code
 * jshell> var bn = new BatchNorm(); var y = bn.apply(x);       // x (N, C): train-mode statistics
 * jshell> try (var s = Config.testMode()) { bn.apply(x); }     // running averages
 * }</pre>
 */
public class BatchNorm extends Layer {
    // Field names are DeZero's keys (bn1/avg_mean, ...), in DeZero's declaration order.
    private final Parameter avg_mean = Parameter.lazy("avg_mean", -1);
    private final Parameter avg_var = Parameter.lazy("avg_var", -1);
    private final Parameter gamma = Parameter.lazy("gamma", -1);
    private final Parameter beta = Parameter.lazy("beta", -1);
    private final double decay;
    private final double eps;

    /** DeZero's defaults: decay 0.9, eps 2e-5. */
    public BatchNorm() {
        this(0.9, 2e-5);
    }

    public BatchNorm(double decay, double eps) {
        this.decay = decay;
        this.eps = eps;
    }

    @Override
    protected Variable forward(Variable... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("BatchNorm: expected one input, got " + inputs.length);
        }
        Variable x = inputs[0];
        if (x.ndim() != 2 && x.ndim() != 4) {
            throw new IllegalArgumentException("BatchNorm: input must be (N, C) or (N, C, H, W), got shape "
                    + Shapes.str(x.shape()));
        }
        int c = x.shape()[1];
        initIfNull(avg_mean, NdArray.zeros(x.dtype(), c));
        initIfNull(avg_var, NdArray.ones(x.dtype(), c));
        initIfNull(gamma, NdArray.ones(x.dtype(), c));
        initIfNull(beta, NdArray.zeros(x.dtype(), c));
        return F.batchNorm(x, gamma, beta, avg_mean.data(), avg_var.data(), decay, eps);
    }

    private static void initIfNull(Parameter p, NdArray init) {
        if (p.data() == null) {
            p.setData(init);
        }
    }

    public Parameter gamma() {
        return gamma;
    }

    public Parameter beta() {
        return beta;
    }

    /** The running mean (null before the first call). */
    public Parameter avgMean() {
        return avg_mean;
    }

    /** The running (unbiased) variance (null before the first call). */
    public Parameter avgVar() {
        return avg_var;
    }
}
