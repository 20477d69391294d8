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
        Variable x = input(0);
        Variable w = input(1);
        int[] xShape = x.shape();
        int[] wShape = w.shape();
        if (xShape.length == 2 && wShape.length == 2) {
            return grads(needsGrad(0) ? F.matmul(gy, w.T()) : null, needsGrad(1) ? F.matmul(x.T(), gy) : null);
        }
        Variable x2 = xShape.length == 1 ? F.reshape(x, 1, xShape[0]) : x;
        Variable w2 = wShape.length == 1 ? F.reshape(w, wShape[0], 1) : w;
        int[] y2Shape = productShape(x2.shape(), w2.shape());
        Variable gy2 = F.reshape(gy, y2Shape);
        Variable gx = null;
        Variable gw = null;
        if (needsGrad(0)) {
            gx = F.reshape(F.sumTo(F.matmul(gy2, swapLastAxes(w2)), x2.shape()), xShape);
        }
        if (needsGrad(1)) {
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
