package dezero.spark;

import dezero.Variable;
import dezero.functions.F;
import dezero.models.Model;
import dezero.ndarray.NdArray;

import java.io.Serializable;

/**
 * The training loss of a batch: the <b>mean</b> over its examples (DeZero's convention, as
 * {@link F#softmaxCrossEntropy} gives it). Each executor applies it to its share of the global batch
 * and weights it by share size / global batch size, so the shares' gradients add up to the gradient
 * of the global batch's mean loss. A serializable lambda, run on the executors.
 *
 * <pre>{@code
 * Loss mse = (model, x, t) -> F.meanSquaredError(model.apply(x), new Variable(t));
 * }</pre>
 */
@FunctionalInterface
public interface Loss extends Serializable {
    /**
     * @param x the inputs, float32 of shape (n, input shape...)
     * @param t the labels, int64 of shape (n)
     */
    Variable apply(Model model, NdArray x, NdArray t);

    /** Softmax cross entropy of the model's scores against the labels (classification). */
    static Loss softmaxCrossEntropy() {
        return (model, x, t) -> F.softmaxCrossEntropy(model.apply(x), t);
    }
}
