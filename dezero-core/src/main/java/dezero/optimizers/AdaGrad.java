package dezero.optimizers;

import dezero.Parameter;
import dezero.ndarray.NdArray;

import java.util.Map;

/**
 * AdaGrad: {@code h += grad * grad; param -= lr * grad / (sqrt(h) + eps)}.
 *
 * <pre>{@code
 * var optimizer = new AdaGrad(0.1, 1e-8).setup(model);
 * }</pre>
 */
public class AdaGrad extends Optimizer {
    private final double lr;
    private final double eps;
    private final Map<Parameter, NdArray> hs = newState("hs");

    /** DeZero's defaults: lr 0.001, eps 1e-8. */
    public AdaGrad() {
        this(0.001, 1e-8);
    }

    /** @throws IllegalArgumentException when lr is not a finite number {@code >= 0} or eps not a finite one {@code > 0} */
    public AdaGrad(double lr, double eps) {
        this.lr = hyperParameter("lr", HyperParameters.notNegative("AdaGrad", "lr", lr));
        this.eps = hyperParameter("eps", HyperParameters.positive("AdaGrad", "eps", eps));
    }

    @Override
    protected void updateOne(Parameter param) {
        NdArray grad = param.grad().data();
        NdArray h = state(hs, param);
        h.addi(grad.mul(grad));
        param.data().subi(grad.mul(lr).div(h.sqrt().add(eps)));
    }
}
