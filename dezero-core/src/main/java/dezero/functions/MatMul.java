package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

import java.util.Arrays;

/**
 * {@code y = x @ W} with NumPy's matmul semantics: 1-d operands are promoted to matrices and
 * leading (batch) axes broadcast. {@code gx = gy @ W^T}, {@code gW = x^T @ gy}, each summed back
 * over broadcast batch axes. (DeZero's backward handles 2-d operands only.)
 */
public final class MatMul extends Function {
    private final boolean transA;
    private final boolean transB;

    public MatMul() {
        this(false, false);
    }

    /**
     * {@code y = op(x) @ op(W)} for 2-d operands, {@code op} transposing when its flag is set: the
     * transposes of the gradients are read in place by the kernel instead of being copied.
     */
    MatMul(boolean transA, boolean transB) {
        this.transA = transA;
        this.transB = transB;
    }

    /** The differentiable {@code op(a) @ op(b)} of 2-d variables (see {@link #MatMul(boolean, boolean)}). */
    static Variable matmulT(Variable a, Variable b, boolean transA, boolean transB) {
        return new MatMul(transA, transB).apply(a, b);
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        if (!transA && !transB) {
            return xs[0].matmul(xs[1]);
        }
        return xs[0].matmul(xs[1], transA, transB);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        if (!transA && !transB) {
            return productGrads(input(0), input(1), gy, needsGrad(0), needsGrad(1), weightGradBuffer(gy));
        }
        return flaggedGrads(input(0), input(1), gy, transA, transB, needsGrad(0), needsGrad(1));
    }

    /**
     * The gradients of {@code y = op(a) @ op(b)} (2-d), themselves flagged products (so higher
     * orders work): {@code ga = gy op(b)^T}, or its transpose {@code op(b) gy^T} when a is read
     * transposed; {@code gb = op(a)^T gy}, or {@code gy^T op(a)} when b is read transposed.
     */
    private static Variable[] flaggedGrads(Variable a, Variable b, Variable gy, boolean transA, boolean transB,
                                           boolean needA, boolean needB) {
        Variable ga = null;
        Variable gb = null;
        if (needA) {
            ga = transA ? matmulT(b, gy, transB, true) : matmulT(gy, b, false, !transB);
        }
        if (needB) {
            gb = transB ? matmulT(gy, a, true, transA) : matmulT(a, gy, !transA, false);
        }
        return new Variable[] {ga, gb};
    }

    /**
     * The dtype of the weight's gradient of {@code x @ W} when it may be written into a released
     * parameter's own array ({@link Function#gradBuffer}): the product is 2-d and W needs a gradient;
     * else null. Shared with {@link Linear}.
     */
    static DType weightGradInPlace(Variable x, Variable w, Variable gy, boolean needW) {
        return needW && x.ndim() == 2 && w.ndim() == 2 ? DType.promote(x.dtype(), gy.dtype()) : null;
    }

    /** {@link #gradBuffer} for the weight (input 1), where {@link #weightGradInPlace} allows it. */
    private NdArray weightGradBuffer(Variable gy) {
        DType t = weightGradInPlace(input(0), input(1), gy, needsGrad(1));
        return t == null ? null : gradBuffer(1, t);
    }

    /**
     * The gradients of {@code x @ w} (np.matmul rules: 1-d operands promoted, batch axes
     * broadcast) for the upstream {@code gy}; an entry is null when its flag is false. The weight's
     * gradient is written into {@code wOut} when that is not null (2-d operands only, see
     * {@link #weightGradBuffer}). Shared with {@link Linear}.
     */
    static Variable[] productGrads(Variable x, Variable w, Variable gy, boolean needX, boolean needW, NdArray wOut) {
        int[] xShape = x.shape();
        int[] wShape = w.shape();
        if (xShape.length == 2 && wShape.length == 2) {
            Variable gw = null;
            if (needW) {
                gw = wOut != null ? new Variable(x.data().matmul(gy.data(), true, false, wOut))
                        : matmulT(x, gy, true, false);
            }
            return grads(needX ? matmulT(gy, w, false, true) : null, gw);
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
