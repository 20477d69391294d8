package dezero.optimizers;

import dezero.Parameter;

import java.util.List;

/**
 * Runs on the parameters that have a gradient before each {@link Optimizer#update()}: it may
 * change the gradients in place or set them to null (the parameter is then not updated).
 */
@FunctionalInterface
public interface Hook {
    void apply(List<Parameter> params);
}
