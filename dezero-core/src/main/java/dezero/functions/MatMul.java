package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

import java.util.Arrays;

/**
 * {@code y = x @ W} with NumPy's matmul semantics: 1-d operands are promoted to matrices and
 * leading (batch) axes broadcast. {@code gx = gy @ W^T}, {@code gW = x^T @ gy}, each summed back
 * over broadcast batch axes. (DeZero's backward handles 2-d operands only.)
 */
public final class MatMul extends Function {
    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].matmul(xs[1]);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return productGrads(input(0), input(1), gy, needsGrad(0), needsGrad(1));
    }

    /**
     * The gradients of {@code x @ w} (np.matmul rules: 1-d operands promoted, batch axes
     * broadcast) for the upstream {@code gy}; an entry is null when its flag is false. Shared with
     * {@link Linear}.
     */
    static Variable[] productGrads(Variable x, Variable w, Variable gy, boolean needX, boolean needW) {
        int[] xShape = x.shape();
        int[] wShape = w.shape();
        if (xShape.length == 2 && wShape.length == 2) {
            return grads(needX ? F.matmul(gy, w.T()) : null, needW ? F.matmul(x.T(), gy) : null);
        }
        Variable x2 = xShape.length == 1 ? F.reshape(x, 1, xShape[0]) : x;
        Variable w2 = wShape.length == 1 ? F.reshape(w, wShape[0], 1) : w;
        int[] y2Shape = productShape(x2.shape(), w2.shape());
        Variable gy2 = F.reshape(gy, y2Shape);
        Variable gx = null;
        Variable gw = null;
        if (needX) {
            gx = F.reshape(F.sumTo(F.matmul(gy2, swapLastAxes(w2)), x2.shape()), xShape);
        }
        if (needW) {
            gw = F.reshape(F.sumTo(F.matmul(swapLastAxes(x2), gy2), w2.shape()), wShape);
        }
        return grads(gx, gw);
    }

    /** The shape of {@code a @ b} for operands of at least 2 dimensions (without computing the product). */
    private static int[] productShape(int[] a, int[] b) {
        int[] batch = Shapes.broadcast(Arrays.copyOf(a, a.length - 2), Arrays.copyOf(b, b.length - 2), "matmul");
        int[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = a[a.length - 2];
        out[batch.length + 1] = b[b.length - 1];
        return out;
    }

    private static Variable swapLastAxes(Variable v) {
        int n = v.ndim();
        int[] axes = new int[n];
        for (int i = 0; i < n; i++) {
            axes[i] = i;
        }
        axes[n - 1] = n - 2;
        axes[n - 2] = n - 1;
        return F.transpose(v, axes);
    }
}
