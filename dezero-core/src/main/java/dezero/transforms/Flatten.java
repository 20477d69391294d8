package dezero.transforms;

import dezero.ndarray.NdArray;

/**
 * Flattens an example to one dimension (DeZero's {@code transforms.Flatten}); a batch of shape
 * {@code (N, C, H, W)} becomes {@code (N, C*H*W)}.
 *
 * <pre>{@code
 * jshell> new Flatten().apply(NdArray.zeros(1, 28, 28)).shape()
 * $1 ==> int[1] { 784 }
 * }</pre>
 */
public final class Flatten implements Transform {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public Flatten() {
    }

    @Override
    public NdArray apply(NdArray x) {
        return x.flatten();
    }

    @Override
    public NdArray applyBatch(NdArray batch) {
        if (batch.ndim() == 0) {
            throw new IllegalArgumentException("Flatten.applyBatch: a batch needs a leading example axis, got a 0-d array");
        }
        int n = batch.shape(0);
        return batch.reshape(n, n == 0 ? 0 : batch.size() / n);
    }

    @Override
    public String toString() {
        return "Flatten()";
    }
}
