package dezero;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

import java.util.Arrays;

/**
 * A {@link Variable} that a layer owns and an optimizer updates. Operations on Parameters return
 * plain Variables.
 *
 * <p>Between training steps, {@link #cleargrad()} forgets the gradient (DeZero's semantics: a
 * gradient kept from before stays as it was), while {@link #releaseGrad()} also lets the next
 * backward write the new gradient into the same array where the function that computes it can
 * (a matrix product's weight gradient: {@code linear}, {@code matmul}), instead of allocating a
 * new one each step; PyTorch's {@code zero_grad(set_to_none=False)} reuses its gradients alike.
 *
 * <pre>{@code
 * jshell> var W = new Parameter(NdArray.zeros(2, 3), "W")
 * jshell> var lazy = Parameter.lazy("W", -1, 3)   // no data until the layer's first call: (in, 3)
 * }</pre>
 */
public class Parameter extends Variable {
    private final int[] lazyShape;
    /**
     * The array this parameter's gradients are written into once {@link #releaseGrad} allowed it:
     * allocated by this parameter (so no other variable or parameter shares it), null after
     * {@link #cleargrad}, whose caller may still hold the gradient.
     */
    private NdArray gradBuffer;
    /** Whether the next backward may overwrite {@link #gradBuffer} (set by releaseGrad, cleared by taking it). */
    private boolean gradBufferFree;

    public Parameter(NdArray data) {
        this(data, null);
    }

    public Parameter(NdArray data, String name) {
        super(data, name);
        this.lazyShape = null;
    }

    private Parameter(String name, int[] lazyShape) {
        super(null, name);
        this.lazyShape = lazyShape;
    }

    /**
     * A parameter without data, which its layer sizes at the first call: {@code shape} holds the
     * sizes the layer knows already and -1 for those the first input decides ({@code Linear(3)}'s
     * {@code W} is {@code (-1, 3)}). Weights loaded into it before that call must fit this shape.
     */
    public static Parameter lazy(String name, int... shape) {
        return new Parameter(name, shape.clone());
    }

    /** Forgets the gradient (DeZero's {@code cleargrad()}): one kept from before is never overwritten. */
    @Override
    public void cleargrad() {
        super.cleargrad();
        gradBuffer = null;
        gradBufferFree = false;
    }

    /**
     * Forgets the gradient, like {@link #cleargrad()}, and lets the next {@link Variable#backward()}
     * write this parameter's gradient into the array of the gradient released here (or into one it
     * allocates for that, the first time), saving an allocation per training step for a large weight.
     * A gradient obtained before this call must not be used afterwards: its values will be overwritten
     * (copy it to keep it). Gradients of higher order ({@code createGraph}) are never written into it.
     *
     * <pre>{@code
     * for (...) {                 // a training loop
     *     model.releaseGrads();   // instead of cleargrads(): Layer.releaseGrads calls this
     *     loss.backward();
     *     optimizer.update();
     * }
     * }</pre>
     */
    public void releaseGrad() {
        super.cleargrad();
        gradBufferFree = true;
    }

    /**
     * For {@link Function#gradBuffer}: the array the gradient of this parameter may be written into
     * now, of its shape and {@code dtype}, or null. Only while the gradient has been released and
     * none received yet in this backward; taking it makes it unavailable until the next release.
     */
    NdArray takeGradBuffer(DType dtype) {
        NdArray d = data();
        if (!gradBufferFree || grad() != null || d == null || d.dtype() != dtype) {
            return null;
        }
        gradBufferFree = false;
        if (gradBuffer == null || gradBuffer.dtype() != dtype || !Arrays.equals(gradBuffer.shape(), d.shape())) {
            gradBuffer = NdArray.zeros(dtype, d.shape());
        }
        return gradBuffer;
    }

    /** The shape given to {@link #lazy} (-1 for sizes not known yet), or null for a parameter not made so. */
    public int[] lazyShape() {
        return lazyShape == null ? null : lazyShape.clone();
    }
}
