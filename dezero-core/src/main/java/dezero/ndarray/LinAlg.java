package dezero.ndarray;

import dezero.ndarray.kernel.Kernel;
import dezero.ndarray.kernel.Kernels;

import java.util.Arrays;

/**
 * {@code np.matmul} semantics on top of {@link Kernel#gemm}: a 1-d left operand is a row
 * vector and a 1-d right operand a column vector (the added axis is removed from the result),
 * leading axes of operands with more than two dimensions broadcast as batch axes. Floating
 * operands are promoted to a common dtype; integer and bool operands multiply in int64.
 */
final class LinAlg {
    private LinAlg() {
    }

    static NdArray matmul(NdArray a, NdArray b) {
        if (a.ndim() == 0 || b.ndim() == 0) {
            throw new IllegalArgumentException("matmul: operands must have at least 1 dimension, got shapes "
                    + Shapes.str(a.shape) + " and " + Shapes.str(b.shape) + " (use mul for scalars)");
        }
        int[] as = a.ndim() == 1 ? new int[] {1, a.shape[0]} : a.shape;
        int[] bs = b.ndim() == 1 ? new int[] {b.shape[0], 1} : b.shape;
        int m = as[as.length - 2];
        int k = as[as.length - 1];
        int kb = bs[bs.length - 2];
        int n = bs[bs.length - 1];
        if (k != kb) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(a.shape) + " and " + Shapes.str(b.shape)
                    + " not aligned: " + k + " (last axis of the first) != " + kb
                    + " (" + (b.ndim() == 1 ? "length" : "second-to-last axis") + " of the second)");
        }
        int[] aBatch = Arrays.copyOf(as, as.length - 2);
        int[] bBatch = Arrays.copyOf(bs, bs.length - 2);
        int[] batch;
        try {
            batch = Shapes.broadcast(aBatch, bBatch, "matmul");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("matmul: batch axes of shapes " + Shapes.str(a.shape) + " and "
                    + Shapes.str(b.shape) + " do not broadcast: " + Shapes.str(aBatch) + " vs " + Shapes.str(bBatch),
                    e);
        }
        DType t = DType.promote(a.dtype, b.dtype);
        if (!t.isFloating()) {
            t = DType.INT64;
        }
        Storage ad = Elementwise.dataAs(a, t);
        Storage bd = Elementwise.dataAs(b, t);
        int batches = Shapes.size(batch);
        Storage cd = Elementwise.alloc(t, Math.multiplyExact(Math.multiplyExact(batches, m), n));
        long[] aOffs = batchOffsets(aBatch, batch, (long) m * k);
        long[] bOffs = batchOffsets(bBatch, batch, (long) k * n);
        Kernel kernel = Kernels.get();
        for (int i = 0; i < batches; i++) {
            int ao = (int) aOffs[i];
            int bo = (int) bOffs[i];
            int co = i * m * n;
            switch (t) {
                case FLOAT64:
                    kernel.gemm(false, false, m, n, k, ad.doubles(), ao, k, bd.doubles(), bo, n, cd.doubles(), co, n);
                    break;
                case FLOAT32:
                    kernel.gemm(false, false, m, n, k, ad.floats(), ao, k, bd.floats(), bo, n, cd.floats(), co, n);
                    break;
                default:
                    kernel.gemm(m, n, k, ad.longs(), ao, bd.longs(), bo, cd.longs(), co);
            }
        }
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        if (a.ndim() == 1 && b.ndim() == 1) {
            outShape = new int[0];
        } else if (a.ndim() == 1) {
            outShape = dropAxis(outShape, outShape.length - 2);
        } else if (b.ndim() == 1) {
            outShape = dropAxis(outShape, outShape.length - 1);
        }
        return new NdArray(t, outShape, cd);
    }

    /**
     * {@code op(a) @ op(b)} for 2-d operands, {@code op} transposing when its flag is set: the
     * kernel's gemm reads the stored operands with the flags, so no transposed copy is made.
     */
    static NdArray matmul(NdArray a, NdArray b, boolean transA, boolean transB) {
        int[] mnk = flaggedDims(a, b, transA, transB, "matmul (transA=" + transA + ", transB=" + transB + ")");
        int m = mnk[0];
        int n = mnk[1];
        int k = mnk[2];
        DType t = DType.promote(a.dtype, b.dtype);
        if (!t.isFloating()) {
            // integer products are rare: transposed copies then the plain loop
            return matmul(transA ? a.transpose() : a, transB ? b.transpose() : b);
        }
        NdArray c = new NdArray(t, new int[] {m, n}, Elementwise.alloc(t, Math.multiplyExact(m, n)));
        gemm(a, b, transA, transB, m, n, k, c);
        return c;
    }

    /**
     * {@link #matmul(NdArray, NdArray, boolean, boolean)} written into {@code out} ({@code np.matmul(..., out=)}):
     * out must be floating, of the product's shape and of the operands' common dtype. When out shares its
     * elements with an operand the product is computed aside and copied in, as NumPy does.
     */
    static NdArray matmul(NdArray a, NdArray b, boolean transA, boolean transB, NdArray out) {
        String what = "matmul (transA=" + transA + ", transB=" + transB + ", out)";
        int[] mnk = flaggedDims(a, b, transA, transB, what);
        int m = mnk[0];
        int n = mnk[1];
        int k = mnk[2];
        DType t = DType.promote(a.dtype, b.dtype);
        if (out.dtype != t || !t.isFloating()) {
            throw new IllegalArgumentException(what + ": out is " + out.dtype + ", the product of " + a.dtype
                    + " and " + b.dtype + " is " + (t.isFloating() ? t : "not floating") + " (out must be "
                    + (t.isFloating() ? t : "a float64 or float32 product") + ")");
        }
        if (out.ndim() != 2 || out.shape[0] != m || out.shape[1] != n) {
            throw new IllegalArgumentException(what + ": out has shape " + Shapes.str(out.shape)
                    + ", the product of " + Shapes.str(a.shape) + " and " + Shapes.str(b.shape) + " has (" + m + ", "
                    + n + ")");
        }
        if (sameElements(out, a) || sameElements(out, b)) {
            NdArray c = matmul(a, b, transA, transB);
            c.data.copyTo(0, out.data, 0, c.size);
            return out;
        }
        gemm(a, b, transA, transB, m, n, k, out);
        return out;
    }

    /** (m, n, k) of op(a) @ op(b) for 2-d operands; what the message names the call by. */
    private static int[] flaggedDims(NdArray a, NdArray b, boolean transA, boolean transB, String what) {
        if (a.ndim() != 2 || b.ndim() != 2) {
            throw new IllegalArgumentException(what + ": operands must be 2-d, got shapes " + Shapes.str(a.shape)
                    + " and " + Shapes.str(b.shape));
        }
        int k = a.shape[transA ? 0 : 1];
        int kb = b.shape[transB ? 1 : 0];
        if (k != kb) {
            throw new IllegalArgumentException(what + ": shapes " + Shapes.str(a.shape) + " and "
                    + Shapes.str(b.shape) + " not aligned: depth " + k + " != " + kb);
        }
        return new int[] {a.shape[transA ? 1 : 0], b.shape[transB ? 0 : 1], k};
    }

    private static boolean sameElements(NdArray x, NdArray y) {
        if (x.dtype != y.dtype) {
            return false;
        }
        return x.dtype == DType.FLOAT64 ? x.data.doubles() == y.data.doubles() : x.data.floats() == y.data.floats();
    }

    /** c (m x n, floating, of the operands' common dtype) = op(a) @ op(b). */
    private static void gemm(NdArray a, NdArray b, boolean transA, boolean transB, int m, int n, int k, NdArray c) {
        DType t = c.dtype;
        Storage ad = Elementwise.dataAs(a, t);
        Storage bd = Elementwise.dataAs(b, t);
        Storage cd = c.data;
        int lda = a.shape[1];
        int ldb = b.shape[1];
        Kernel kernel = Kernels.get();
        if (t == DType.FLOAT64) {
            kernel.gemm(transA, transB, m, n, k, ad.doubles(), 0, lda, bd.doubles(), 0, ldb, cd.doubles(), 0, n);
        } else {
            kernel.gemm(transA, transB, m, n, k, ad.floats(), 0, lda, bd.floats(), 0, ldb, cd.floats(), 0, n);
        }
    }

    /** For each index of the broadcast batch shape, the element offset of the matching block of an operand. */
    private static long[] batchOffsets(int[] own, int[] batch, long blockSize) {
        int count = Shapes.size(batch);
        long[] offs = new long[count];
        int lead = batch.length - own.length;
        int[] ownStrides = Shapes.strides(own);
        int[] idx = new int[batch.length];
        for (int i = 0; i < count; i++) {
            long off = 0;
            for (int d = 0; d < own.length; d++) {
                if (own[d] != 1) {
                    off += (long) idx[lead + d] * ownStrides[d];
                }
            }
            offs[i] = off * blockSize;
            for (int d = batch.length - 1; d >= 0; d--) {
                if (++idx[d] < batch[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return offs;
    }

    private static int[] dropAxis(int[] shape, int axis) {
        int[] out = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                out[j++] = shape[i];
            }
        }
        return out;
    }
}
