package dezero.spark;

import dezero.models.Model;

import java.io.Serializable;

/**
 * Builds the model's architecture on an executor (a serializable lambda such as
 * {@code () -> new MLP(new int[] {1000, 10}, F::relu)}): layers whose weights the trainer then
 * sets from the driver's. It is called once per executor thread and reused; lazily sized layers
 * are fine, as their parameters are filled in from the driver's shapes.
 */
@FunctionalInterface
public interface ModelFactory extends Serializable {
    Model create();
}
