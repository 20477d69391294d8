package dezero.optimizers;

import dezero.Parameter;
import dezero.ndarray.NdArray;

import java.util.Map;

/**
 * AdaDelta (no learning rate), as DeZero: {@code msg = rho * msg + (1 - rho) * grad^2},
 * {@code dx = sqrt((msdx + eps) / (msg + eps)) * grad}, {@code msdx = rho * msdx + (1 - rho) * dx^2},
 * {@code param -= dx}.
 *
 * <pre>{@code
 * var optimizer = new AdaDelta().setup(model);
 * }</pre>
 */
public class AdaDelta extends Optimizer {
    private final double rho;
    private final double eps;
    private final Map<Parameter, NdArray> msg = newState("msg");
    private final Map<Parameter, NdArray> msdx = newState("msdx");

    /** DeZero's defaults: rho 0.95, eps 1e-6. */
    public AdaDelta() {
        this(0.95, 1e-6);
    }

    /** @throws IllegalArgumentException when rho is outside [0, 1] or eps is not a finite number {@code > 0} */
    public AdaDelta(double rho, double eps) {
        this.rho = hyperParameter("rho", HyperParameters.fraction("AdaDelta", "rho", rho, true));
        this.eps = hyperParameter("eps", HyperParameters.positive("AdaDelta", "eps", eps));
    }

    @Override
    protected void updateOne(Parameter param) {
        NdArray grad = param.grad().data();
        NdArray g2 = state(msg, param);
        NdArray dx2 = state(msdx, param);
        g2.muli(rho).addi(grad.mul(1 - rho).mul(grad));
        NdArray dx = dx2.add(eps).div(g2.add(eps)).sqrt().mul(grad);
        dx2.muli(rho).addi(dx.mul(1 - rho).mul(dx));
        param.data().subi(dx);
    }
}
