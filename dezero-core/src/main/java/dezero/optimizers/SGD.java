package dezero.optimizers;

import dezero.Parameter;

/**
 * Stochastic gradient descent: {@code param -= lr * grad}.
 *
 * <pre>{@code
 * var optimizer = new SGD(0.2).setup(model);
 * }</pre>
 */
public class SGD extends Optimizer {
    private final double lr;

    /** DeZero's default learning rate 0.01. */
    public SGD() {
        this(0.01);
    }

    /** @throws IllegalArgumentException when lr is NaN, infinite or negative */
    public SGD(double lr) {
        this.lr = hyperParameter("lr", HyperParameters.notNegative("SGD", "lr", lr));
    }

    public double lr() {
        return lr;
    }

    @Override
    protected void updateOne(Parameter param) {
        // one pass, no lr * grad temporary (the same values as data -= lr * grad)
        param.data().subiScaled(lr, param.grad().data());
    }
}
