package dezero.optimizers;

import dezero.Parameter;

import java.util.List;

/**
 * L2 regularisation as a hook: {@code grad += rate * param}, in place, before the update.
 *
 * <pre>{@code
 * optimizer.addHook(new WeightDecay(1e-4));
 * }</pre>
 */
public final class WeightDecay implements Hook {
    private final double rate;

    public WeightDecay(double rate) {
        this.rate = HyperParameters.notNegative("WeightDecay", "rate", rate);
    }

    @Override
    public void apply(List<Parameter> params) {
        for (Parameter p : params) {
            if (p.grad() != null) {
                // grad += rate * param in one pass: grad - (-rate * param) is the same sum, bit for bit
                p.grad().data().subiScaled(-rate, p.data());
            }
        }
    }
}
