package dezero.ndarray;

import java.util.Arrays;
import java.util.List;

/** reshape, transpose, broadcastTo, sumTo, expandDims, squeeze, concatenate, stack. */
final class ShapeOps {
    private ShapeOps() {
    }

    private static final int BLOCK = 32;

    // ------------------------------------------------------------------ reshape / views

    static NdArray reshape(NdArray a, int[] shape) {
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (unknown >= 0) {
                    throw new IllegalArgumentException("reshape: can only specify one unknown dimension, got shape "
                            + Shapes.str(shape) + " for array of shape " + Shapes.str(a.shape));
                }
                unknown = i;
            } else if (shape[i] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension in shape " + Shapes.str(shape)
                        + " for array of shape " + Shapes.str(a.shape));
            } else {
                known *= shape[i];
            }
        }
        int[] out = shape.clone();
        if (unknown >= 0) {
            if (known == 0 || a.size % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape array of size " + a.size + " into shape "
                        + Shapes.str(shape));
            }
            out[unknown] = (int) (a.size / known);
        } else if (known != a.size) {
            throw new IllegalArgumentException("reshape: cannot reshape array of size " + a.size + " into shape "
                    + Shapes.str(shape));
        }
        if (Arrays.equals(out, a.shape)) {
            return a;
        }
        return new NdArray(a.dtype, out, a.data);
    }

    static NdArray expandDims(NdArray a, int axis) {
        int nd = a.shape.length + 1;
        if (axis < -nd || axis >= nd) {
            throw new IllegalArgumentException("expandDims: axis " + axis + " is out of bounds for array of dimension "
                    + nd + " (shape " + Shapes.str(a.shape) + ")");
        }
        int ax = axis < 0 ? axis + nd : axis;
        int[] out = new int[nd];
        for (int i = 0, j = 0; i < nd; i++) {
            out[i] = i == ax ? 1 : a.shape[j++];
        }
        return new NdArray(a.dtype, out, a.data);
    }

    /** axis == null removes every axis of length 1. */
    static NdArray squeeze(NdArray a, Integer axis) {
        if (axis == null) {
            int n = 0;
            for (int d : a.shape) {
                if (d != 1) {
                    n++;
                }
            }
            if (n == a.shape.length) {
                return a;
            }
            int[] out = new int[n];
            int j = 0;
            for (int d : a.shape) {
                if (d != 1) {
                    out[j++] = d;
                }
            }
            return new NdArray(a.dtype, out, a.data);
        }
        int ax = Shapes.normalizeAxis(axis, a.shape, "squeeze");
        if (a.shape[ax] != 1) {
            throw new IllegalArgumentException("squeeze: cannot select an axis to squeeze out which has size not equal "
                    + "to one (axis " + axis + " of shape " + Shapes.str(a.shape) + ")");
        }
        int[] out = new int[a.shape.length - 1];
        for (int i = 0, j = 0; i < a.shape.length; i++) {
            if (i != ax) {
                out[j++] = a.shape[i];
            }
        }
        return new NdArray(a.dtype, out, a.data);
    }

    // ------------------------------------------------------------------ transpose

    /** axes == null reverses all axes. */
    static NdArray transpose(NdArray a, int[] axes) {
        int nd = a.shape.length;
        int[] perm = new int[nd];
        if (axes == null) {
            for (int i = 0; i < nd; i++) {
                perm[i] = nd - 1 - i;
            }
        } else {
            if (axes.length != nd) {
                throw new IllegalArgumentException("transpose: axes " + Shapes.str(axes)
                        + " don't match array of shape " + Shapes.str(a.shape));
            }
            boolean[] seen = new boolean[nd];
            for (int i = 0; i < nd; i++) {
                int ax = Shapes.normalizeAxis(axes[i], a.shape, "transpose");
                if (seen[ax]) {
                    throw new IllegalArgumentException("transpose: axes " + Shapes.str(axes)
                            + " don't match array of shape " + Shapes.str(a.shape));
                }
                seen[ax] = true;
                perm[i] = ax;
            }
        }
        int[] outShape = new int[nd];
        int[] srcStrides = Shapes.strides(a.shape);
        int[] strides = new int[nd];
        for (int i = 0; i < nd; i++) {
            outShape[i] = a.shape[perm[i]];
            strides[i] = srcStrides[perm[i]];
        }
        Object dst = alloc(a.dtype, a.size);
        if (nd == 2 && perm[0] == 1) {
            transpose2d(a.data, dst, a.shape[0], a.shape[1]);
        } else {
            stridedCopy(a.data, 0, outShape, strides, dst);
        }
        return new NdArray(a.dtype, outShape, dst);
    }

    /** dst (cols x rows) = transpose of src (rows x cols), cache-blocked. */
    private static void transpose2d(Object src, Object dst, int rows, int cols) {
        if (src instanceof double[]) {
            double[] s = (double[]) src;
            double[] d = (double[]) dst;
            for (int i0 = 0; i0 < rows; i0 += BLOCK) {
                int i1 = Math.min(rows, i0 + BLOCK);
                for (int j0 = 0; j0 < cols; j0 += BLOCK) {
                    int j1 = Math.min(cols, j0 + BLOCK);
                    for (int i = i0; i < i1; i++) {
                        int si = i * cols;
                        for (int j = j0; j < j1; j++) {
                            d[j * rows + i] = s[si + j];
                        }
                    }
                }
            }
        } else if (src instanceof float[]) {
            float[] s = (float[]) src;
            float[] d = (float[]) dst;
            for (int i0 = 0; i0 < rows; i0 += BLOCK) {
                int i1 = Math.min(rows, i0 + BLOCK);
                for (int j0 = 0; j0 < cols; j0 += BLOCK) {
                    int j1 = Math.min(cols, j0 + BLOCK);
                    for (int i = i0; i < i1; i++) {
                        int si = i * cols;
                        for (int j = j0; j < j1; j++) {
                            d[j * rows + i] = s[si + j];
                        }
                    }
                }
            }
        } else if (src instanceof long[]) {
            long[] s = (long[]) src;
            long[] d = (long[]) dst;
            for (int i0 = 0; i0 < rows; i0 += BLOCK) {
                int i1 = Math.min(rows, i0 + BLOCK);
                for (int j0 = 0; j0 < cols; j0 += BLOCK) {
                    int j1 = Math.min(cols, j0 + BLOCK);
                    for (int i = i0; i < i1; i++) {
                        int si = i * cols;
                        for (int j = j0; j < j1; j++) {
                            d[j * rows + i] = s[si + j];
                        }
                    }
                }
            }
        } else {
            boolean[] s = (boolean[]) src;
            boolean[] d = (boolean[]) dst;
            for (int i0 = 0; i0 < rows; i0 += BLOCK) {
                int i1 = Math.min(rows, i0 + BLOCK);
                for (int j0 = 0; j0 < cols; j0 += BLOCK) {
                    int j1 = Math.min(cols, j0 + BLOCK);
                    for (int i = i0; i < i1; i++) {
                        int si = i * cols;
                        for (int j = j0; j < j1; j++) {
                            d[j * rows + i] = s[si + j];
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ broadcasting

    static NdArray broadcastTo(NdArray a, int[] shape) {
        if (Arrays.equals(a.shape, shape)) {
            return a;
        }
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("broadcastTo: negative dimension in shape " + Shapes.str(shape));
            }
        }
        if (!Shapes.broadcastsTo(a.shape, shape)) {
            throw new IllegalArgumentException("broadcastTo: cannot broadcast array of shape " + Shapes.str(a.shape)
                    + " to shape " + Shapes.str(shape));
        }
        int[] out = shape.clone();
        Object dst = alloc(a.dtype, Shapes.size(out));
        stridedCopy(a.data, 0, out, broadcastStrides(a.shape, out), dst);
        return new NdArray(a.dtype, out, dst);
    }

    /** Source strides (in elements) for reading an array of shape {@code from} broadcast to {@code to}. */
    static int[] broadcastStrides(int[] from, int[] to) {
        int[] src = Shapes.strides(from);
        int[] st = new int[to.length];
        int off = to.length - from.length;
        for (int i = off; i < to.length; i++) {
            st[i] = from[i - off] == 1 ? 0 : src[i - off];
        }
        return st;
    }

    static NdArray sumTo(NdArray a, int[] shape) {
        if (Arrays.equals(a.shape, shape)) {
            return a;
        }
        if (!Shapes.broadcastsTo(shape, a.shape)) {
            throw new IllegalArgumentException("sumTo: cannot sum array of shape " + Shapes.str(a.shape)
                    + " to shape " + Shapes.str(shape));
        }
        int[] out = shape.clone();
        int outSize = Shapes.size(out);
        // destination stride for each source axis (0 where that axis is summed)
        int nd = a.shape.length;
        int lead = nd - out.length;
        int[] outStrides = Shapes.strides(out);
        int[] dstStrides = new int[nd];
        for (int i = lead; i < nd; i++) {
            dstStrides[i] = out[i - lead] == 1 ? 0 : outStrides[i - lead];
        }
        boolean floating = a.dtype.isFloating();
        double[] accD = floating ? new double[outSize] : null;
        long[] accL = floating ? null : new long[outSize];
        if (a.size > 0) {
            int inner = a.shape[nd - 1];
            int istr = dstStrides[nd - 1];
            int outer = a.size / inner;
            int[] ctr = new int[nd];
            int dOff = 0;
            int s = 0;
            for (int r = 0; r < outer; r++) {
                switch (a.dtype) {
                    case FLOAT64: {
                        double[] src = (double[]) a.data;
                        if (istr == 0) {
                            double acc = 0;
                            for (int k = 0; k < inner; k++) {
                                acc += src[s + k];
                            }
                            accD[dOff] += acc;
                        } else {
                            for (int k = 0; k < inner; k++) {
                                accD[dOff + k] += src[s + k];
                            }
                        }
                        break;
                    }
                    case FLOAT32: {
                        float[] src = (float[]) a.data;
                        if (istr == 0) {
                            double acc = 0;
                            for (int k = 0; k < inner; k++) {
                                acc += src[s + k];
                            }
                            accD[dOff] += acc;
                        } else {
                            for (int k = 0; k < inner; k++) {
                                accD[dOff + k] += src[s + k];
                            }
                        }
                        break;
                    }
                    case INT64: {
                        long[] src = (long[]) a.data;
                        for (int k = 0; k < inner; k++) {
                            accL[dOff + k * istr] += src[s + k];
                        }
                        break;
                    }
                    default: {
                        boolean[] src = (boolean[]) a.data;
                        for (int k = 0; k < inner; k++) {
                            if (src[s + k]) {
                                accL[dOff + k * istr]++;
                            }
                        }
                    }
                }
                s += inner;
                for (int k = nd - 2; k >= 0; k--) {
                    ctr[k]++;
                    dOff += dstStrides[k];
                    if (ctr[k] < a.shape[k]) {
                        break;
                    }
                    dOff -= dstStrides[k] * a.shape[k];
                    ctr[k] = 0;
                }
            }
        }
        switch (a.dtype) {
            case FLOAT64:
                return new NdArray(DType.FLOAT64, out, accD);
            case FLOAT32: {
                float[] f = new float[outSize];
                for (int i = 0; i < outSize; i++) {
                    f[i] = (float) accD[i];
                }
                return new NdArray(DType.FLOAT32, out, f);
            }
            default:
                return new NdArray(DType.INT64, out, accL);
        }
    }

    // ------------------------------------------------------------------ joining

    static NdArray concatenate(List<NdArray> arrays, int axis) {
        if (arrays == null || arrays.isEmpty()) {
            throw new IllegalArgumentException("concatenate: need at least one array to concatenate");
        }
        NdArray first = arrays.get(0);
        int nd = first.shape.length;
        if (nd == 0) {
            throw new IllegalArgumentException("concatenate: zero-dimensional arrays cannot be concatenated (shape "
                    + Shapes.str(first.shape) + ")");
        }
        int ax = Shapes.normalizeAxis(axis, first.shape, "concatenate");
        DType dt = first.dtype;
        int total = 0;
        for (int i = 0; i < arrays.size(); i++) {
            NdArray x = arrays.get(i);
            if (x.shape.length != nd) {
                throw new IllegalArgumentException("concatenate: all the input arrays must have same number of "
                        + "dimensions, but the array at index 0 has shape " + Shapes.str(first.shape)
                        + " and the array at index " + i + " has shape " + Shapes.str(x.shape));
            }
            for (int d = 0; d < nd; d++) {
                if (d != ax && x.shape[d] != first.shape[d]) {
                    throw new IllegalArgumentException("concatenate: all the input array dimensions except for the "
                            + "concatenation axis must match exactly, but along dimension " + d
                            + ", the array at index 0 has shape " + Shapes.str(first.shape) + " and the array at index "
                            + i + " has shape " + Shapes.str(x.shape));
                }
            }
            total += x.shape[ax];
            dt = DType.promote(dt, x.dtype);
        }
        int[] out = first.shape.clone();
        out[ax] = total;
        int outer = 1;
        for (int d = 0; d < ax; d++) {
            outer *= out[d];
        }
        int inner = 1;
        for (int d = ax + 1; d < nd; d++) {
            inner *= out[d];
        }
        Object dst = alloc(dt, Shapes.size(out));
        int rowLen = total * inner;
        int colOff = 0;
        for (NdArray x : arrays) {
            Object src = castData(x, dt);
            int chunk = x.shape[ax] * inner;
            if (chunk > 0) {
                for (int o = 0; o < outer; o++) {
                    System.arraycopy(src, o * chunk, dst, o * rowLen + colOff, chunk);
                }
            }
            colOff += chunk;
        }
        return new NdArray(dt, out, dst);
    }

    static NdArray stack(List<NdArray> arrays, int axis) {
        if (arrays == null || arrays.isEmpty()) {
            throw new IllegalArgumentException("stack: need at least one array to stack");
        }
        int[] s0 = arrays.get(0).shape;
        int nd = s0.length + 1;
        if (axis < -nd || axis >= nd) {
            throw new IllegalArgumentException("stack: axis " + axis + " is out of bounds for array of dimension "
                    + nd + " (input shape " + Shapes.str(s0) + ")");
        }
        NdArray[] parts = new NdArray[arrays.size()];
        for (int i = 0; i < parts.length; i++) {
            NdArray x = arrays.get(i);
            if (!Arrays.equals(x.shape, s0)) {
                throw new IllegalArgumentException("stack: all input arrays must have the same shape, but the array "
                        + "at index 0 has shape " + Shapes.str(s0) + " and the array at index " + i + " has shape "
                        + Shapes.str(x.shape));
            }
            parts[i] = expandDims(x, axis);
        }
        return concatenate(Arrays.asList(parts), axis);
    }

    // ------------------------------------------------------------------ helpers shared with Indexing

    static Object alloc(DType dt, int n) {
        switch (dt) {
            case FLOAT64:
                return new double[n];
            case FLOAT32:
                return new float[n];
            case INT64:
                return new long[n];
            default:
                return new boolean[n];
        }
    }

    /** The data of {@code a} converted to {@code to} (NumPy astype semantics); {@code a.data} itself if equal. */
    static Object castData(NdArray a, DType to) {
        if (a.dtype == to) {
            return a.data;
        }
        int n = a.size;
        switch (to) {
            case FLOAT64: {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = a.getFlat(i);
                }
                return d;
            }
            case FLOAT32: {
                float[] d = new float[n];
                if (a.dtype == DType.INT64) {
                    long[] s = (long[]) a.data;
                    for (int i = 0; i < n; i++) {
                        d[i] = (float) s[i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        d[i] = (float) a.getFlat(i);
                    }
                }
                return d;
            }
            case INT64: {
                long[] d = new long[n];
                for (int i = 0; i < n; i++) {
                    d[i] = (long) a.getFlat(i);
                }
                return d;
            }
            default: {
                boolean[] d = new boolean[n];
                for (int i = 0; i < n; i++) {
                    double v = a.getFlat(i);
                    d[i] = v != 0; // NaN -> true, as NumPy
                }
                return d;
            }
        }
    }

    /**
     * Fills {@code dst} (contiguous, row-major over {@code shape}) from {@code src} read at
     * {@code base + sum(i_k * strides[k])}. Strides may be 0 (broadcast) or negative.
     */
    static void stridedCopy(Object src, int base, int[] shape, int[] strides, Object dst) {
        int n = shape.length;
        int total = Shapes.size(shape);
        if (total == 0) {
            return;
        }
        if (n == 0) {
            System.arraycopy(src, base, dst, 0, 1);
            return;
        }
        int inner = shape[n - 1];
        int istr = strides[n - 1];
        int outer = total / inner;
        int[] ctr = new int[n];
        int off = base;
        int d = 0;
        for (int r = 0; r < outer; r++) {
            copyRun(src, off, istr, dst, d, inner);
            d += inner;
            for (int k = n - 2; k >= 0; k--) {
                ctr[k]++;
                off += strides[k];
                if (ctr[k] < shape[k]) {
                    break;
                }
                off -= strides[k] * shape[k];
                ctr[k] = 0;
            }
        }
    }

    /** dst[d + k] = src[s + k * stride] for k in [0, len). */
    static void copyRun(Object src, int s, int stride, Object dst, int d, int len) {
        if (stride == 1) {
            System.arraycopy(src, s, dst, d, len);
            return;
        }
        if (src instanceof double[]) {
            double[] a = (double[]) src;
            double[] b = (double[]) dst;
            for (int k = 0; k < len; k++, s += stride) {
                b[d + k] = a[s];
            }
        } else if (src instanceof float[]) {
            float[] a = (float[]) src;
            float[] b = (float[]) dst;
            for (int k = 0; k < len; k++, s += stride) {
                b[d + k] = a[s];
            }
        } else if (src instanceof long[]) {
            long[] a = (long[]) src;
            long[] b = (long[]) dst;
            for (int k = 0; k < len; k++, s += stride) {
                b[d + k] = a[s];
            }
        } else {
            boolean[] a = (boolean[]) src;
            boolean[] b = (boolean[]) dst;
            for (int k = 0; k < len; k++, s += stride) {
                b[d + k] = a[s];
            }
        }
    }
}
