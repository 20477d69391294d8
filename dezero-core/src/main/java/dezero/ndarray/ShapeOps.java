package dezero.ndarray;

import dezero.ndarray.kernel.Kernel;
import dezero.ndarray.kernel.Kernels;

import java.util.Arrays;
import java.util.List;

/** reshape, transpose, broadcastTo, sumTo, expandDims, squeeze, concatenate, stack. */
final class ShapeOps {
    private ShapeOps() {
    }

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
        Storage dst = alloc(a.dtype, a.size);
        if (nd == 2 && perm[0] == 1) {
            a.data.transpose2d(dst, a.shape[0], a.shape[1]);
        } else {
            stridedCopy(a.data, 0, outShape, strides, dst);
        }
        return new NdArray(a.dtype, outShape, dst);
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
        Storage dst = alloc(a.dtype, Shapes.size(out));
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
        NdArray columns = leadingAxesSummed(a, out);
        if (columns != null) {
            return columns;
        }
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
            Kernel kernel = Kernels.get();
            for (int r = 0; r < outer; r++) {
                switch (a.dtype) {
                    case FLOAT64:
                        kernel.addInto(a.data.doubles(), s, inner, accD, dOff, istr == 0);
                        break;
                    case FLOAT32:
                        kernel.addInto(a.data.floats(), s, inner, accD, dOff, istr == 0);
                        break;
                    case INT64:
                        kernel.addInto(a.data.longs(), s, inner, accL, dOff, istr);
                        break;
                    default:
                        kernel.addInto(a.data.booleans(), s, inner, accL, dOff, istr);
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
                return new NdArray(DType.FLOAT64, out, new Storage.D(accD));
            case FLOAT32:
                return new NdArray(DType.FLOAT32, out, new Storage.D(accD).convert(DType.FLOAT32, outSize));
            default:
                return new NdArray(DType.INT64, out, new Storage.L(accL));
        }
    }

    /**
     * sumTo's common case, a bias gradient ((batch, features) to (features,) or (1, features)): when
     * the axes summed away are the leading ones and the kept ones are whole, the result is the column
     * sums of a (rows, cols) view, which the kernel's reduction computes (vectorized, split across the
     * cores) in place of the general accumulation. Floating dtypes only; null when the case does not apply.
     */
    private static NdArray leadingAxesSummed(NdArray a, int[] out) {
        int nd = a.shape.length;
        int lead = nd - out.length;
        if (!a.dtype.isFloating() || a.size == 0) {
            return null;
        }
        int j0 = nd;
        while (j0 > lead && out[j0 - 1 - lead] == a.shape[j0 - 1]) {
            j0--;
        }
        for (int i = lead; i < j0; i++) {
            if (out[i - lead] != 1) {
                return null;
            }
        }
        int cols = 1;
        for (int i = j0; i < nd; i++) {
            cols *= a.shape[i];
        }
        int rows = a.size / cols;
        if (rows < 2) {
            return null;
        }
        return a.reshape(rows, cols).sum(0, false).reshape(out);
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
        Storage dst = alloc(dt, Shapes.size(out));
        int rowLen = total * inner;
        int colOff = 0;
        for (NdArray x : arrays) {
            Storage src = castData(x, dt);
            int chunk = x.shape[ax] * inner;
            if (chunk > 0) {
                for (int o = 0; o < outer; o++) {
                    src.copyTo(o * chunk, dst, o * rowLen + colOff, chunk);
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

    static Storage alloc(DType dt, int n) {
        return Storage.alloc(dt, n);
    }

    /**
     * The data of {@code a} converted to {@code to}; {@code a.data} itself if equal. Unlike
     * {@code astype}, floats become int64 by Java's cast (NaN gives 0, out of range saturates).
     */
    static Storage castData(NdArray a, DType to) {
        if (a.dtype == to) {
            return a.data;
        }
        if (to != DType.INT64) {
            return a.data.convert(to, a.size);
        }
        Storage d = Storage.alloc(to, a.size);
        for (int i = 0; i < a.size; i++) {
            d.set(i, a.data.get(i));
        }
        return d;
    }

    /**
     * Fills {@code dst} (contiguous, row-major over {@code shape}) from {@code src} read at
     * {@code base + sum(i_k * strides[k])}. Strides may be 0 (broadcast) or negative.
     */
    static void stridedCopy(Storage src, int base, int[] shape, int[] strides, Storage dst) {
        int n = shape.length;
        int total = Shapes.size(shape);
        if (total == 0) {
            return;
        }
        if (n == 0) {
            src.copyTo(base, dst, 0, 1);
            return;
        }
        int inner = shape[n - 1];
        int istr = strides[n - 1];
        int outer = total / inner;
        int[] ctr = new int[n];
        int off = base;
        int d = 0;
        for (int r = 0; r < outer; r++) {
            src.copyStrided(off, istr, dst, d, inner);
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
}
