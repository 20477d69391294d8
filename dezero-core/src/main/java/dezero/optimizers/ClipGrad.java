package dezero.optimizers;

import dezero.Parameter;

import java.util.List;

/**
 * Gradient-norm clipping as a hook: when the global L2 norm of all gradients exceeds
 * {@code maxNorm}, every gradient is scaled in place by {@code maxNorm / (norm + 1e-6)}.
 *
 * <pre>{@code
 * optimizer.addHook(new ClipGrad(5.0));
 * }</pre>
 */
public final class ClipGrad implements Hook {
    private final double maxNorm;

    public ClipGrad(double maxNorm) {
        this.maxNorm = HyperParameters.positive("ClipGrad", "maxNorm", maxNorm);
    }

    @Override
    public void apply(List<Parameter> params) {
        double total = 0;
        for (Parameter p : params) {
            if (p.grad() != null) {
                total += p.grad().data().square().sum().item();
            }
        }
        double rate = maxNorm / (Math.sqrt(total) + 1e-6);
        if (rate < 1) {
            for (Parameter p : params) {
                if (p.grad() != null) {
                    p.grad().data().muli(rate);
                }
            }
        }
    }
}
