package dezero.optimizers;

import dezero.Parameter;
import dezero.ndarray.NdArray;

import java.util.Map;

/**
 * SGD with momentum: {@code v = momentum * v - lr * grad; param += v} ({@code v} starts at 0).
 *
 * <pre>{@code
 * var optimizer = new MomentumSGD(0.01, 0.9).setup(model);
 * }</pre>
 */
public class MomentumSGD extends Optimizer {
    private final double lr;
    private final double momentum;
    private final Map<Parameter, NdArray> vs = newState("vs");

    /** DeZero's defaults: lr 0.01, momentum 0.9. */
    public MomentumSGD() {
        this(0.01, 0.9);
    }

    /** @throws IllegalArgumentException when lr is not a finite number {@code >= 0} or momentum is outside [0, 1) */
    public MomentumSGD(double lr, double momentum) {
        this.lr = hyperParameter("lr", HyperParameters.notNegative("MomentumSGD", "lr", lr));
        this.momentum = hyperParameter("momentum", HyperParameters.fraction("MomentumSGD", "momentum", momentum, false));
    }

    @Override
    protected void updateOne(Parameter param) {
        NdArray v = state(vs, param);
        // v -= lr * grad without the temporary (bit for bit the same as subi(grad.mul(lr)))
        v.muli(momentum).subiScaled(lr, param.grad().data());
        param.data().addi(v);
    }
}
