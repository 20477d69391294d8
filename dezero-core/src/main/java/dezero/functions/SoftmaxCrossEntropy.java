package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

/**
 * Softmax followed by cross-entropy against integer class labels, fused for stability:
 * {@code -mean(log_softmax(x)[i, t[i]])}. {@code x} is (N, C); {@code t} holds N labels in
 * {@code [0, C)} with shape (N) or (N, 1). {@code gx = (softmax(x) - onehot(t)) * gy / N};
 * the labels get no gradient.
 */
public final class SoftmaxCrossEntropy extends Function {
    /** A new instance (explicit: the class is public API of module dezero.core). */
    public SoftmaxCrossEntropy() {
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        NdArray x = xs[0];
        NdArray t = labels("softmaxCrossEntropy", x, xs[1]);
        int n = x.shape(0);
        NdArray logP = x.sub(LogSoftmax.logsumexp(x, 1));
        NdArray picked = logP.getItem(Index.array(NdArray.arange(n)), Index.array(t));
        return picked.sum().neg().div((double) n);
    }

    /** Validates the labels for {@code op} and returns them as a 1-d int64 array. */
    static NdArray labels(String op, NdArray x, NdArray t) {
        if (x.ndim() != 2) {
            throw new IllegalArgumentException(op + ": x must be 2-d (N, C), got shape "
                    + Shapes.str(x.shape()));
        }
        int n = x.shape(0);
        int c = x.shape(1);
        if (t.dtype() != DType.INT64 || t.size() != n || !(t.ndim() == 1 || (t.ndim() == 2 && t.shape(1) == 1))) {
            throw new IllegalArgumentException(op + ": labels must be int64 of shape (" + n + ",) or ("
                    + n + ", 1) for x of shape " + Shapes.str(x.shape()) + ", got " + t.dtype() + " "
                    + Shapes.str(t.shape()));
        }
        NdArray flat = t.reshape(n);
        InputChecks.requireLabelsInRange(op, flat, c, x.shape());
        return flat;
    }

    @Override
    protected Variable[] backward(Variable gy) {
        Variable x = input(0);
        NdArray t = labels("softmaxCrossEntropy", x.data(), input(1).data());
        int n = x.shape()[0];
        int c = x.shape()[1];
        NdArray oneHot = NdArray.zeros(x.dtype(), n, c);
        long[] labels = t.longData();
        for (int i = 0; i < n; i++) {
            oneHot.setFlat(i * c + (int) labels[i], 1.0);
        }
        Variable y = F.softmax(x, 1);
        return grads(y.sub(oneHot).mul(gy.mul(1.0 / n)), null);
    }
}
