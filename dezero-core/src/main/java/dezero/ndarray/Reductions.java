package dezero.ndarray;

import dezero.ndarray.kernel.BinaryOp;
import dezero.ndarray.kernel.Kernel;
import dezero.ndarray.kernel.Kernels;
import dezero.ndarray.kernel.ReduceOp;

/**
 * sum/mean/max/min/argmax over none, one or several axes.
 *
 * <p>The reduced axes are grouped into runs of adjacent axes; each run is one
 * {@code (outer, len, inner)} block handed to {@link Kernel#reduce}, highest run first, so a
 * reduction over all axes (or over any set of adjacent axes) is a single kernel pass.
 *
 * <p>Result types follow NumPy: sum of bool/int64 is int64, of float32 is float32 (accumulated in
 * double by the kernel), of float64 is float64; max/min keep the dtype (bool is reduced as int64
 * and converted back); mean of bool/int64 is float64.
 */
final class Reductions {
    private Reductions() {
    }

    private static String opName(ReduceOp op) {
        switch (op) {
            case SUM:
                return "sum";
            case MAX:
                return "max";
            default:
                return "min";
        }
    }

    /** axes == null means all axes. */
    static NdArray reduce(ReduceOp op, NdArray a, int[] axes, boolean keepdims) {
        int nd = a.shape.length;
        int[] ax;
        if (axes == null) {
            ax = new int[nd];
            for (int i = 0; i < nd; i++) {
                ax[i] = i;
            }
        } else {
            ax = Shapes.normalizeAxes(axes, a.shape, opName(op));
        }
        DType work = a.dtype == DType.BOOL ? DType.INT64 : a.dtype;
        DType resultType = op == ReduceOp.SUM ? work : a.dtype;

        boolean[] reduced = new boolean[nd];
        long count = 1;
        for (int x : ax) {
            reduced[x] = true;
            count *= a.shape[x];
        }
        int[] outShape = resultShape(a.shape, reduced, keepdims);
        if (count == 0 && op != ReduceOp.SUM) {
            throw new IllegalArgumentException("zero-size array to reduction operation "
                    + (op == ReduceOp.MAX ? "maximum" : "minimum") + " which has no identity (" + opName(op)
                    + " over shape " + Shapes.str(a.shape) + ")");
        }
        if (ax.length == 0) {
            Storage d = a.dtype == resultType ? a.data.copy() : Elementwise.dataAs(a, resultType);
            return new NdArray(resultType, outShape, d);
        }

        Storage cur = Elementwise.dataAs(a, work);
        boolean owned = cur != a.data; // a converted copy may be reduced in place
        int[] curShape = a.shape;
        Kernel k = Kernels.get();
        // process groups of adjacent reduced axes from the highest down
        int hi = nd - 1;
        while (hi >= 0) {
            if (!reduced[hi]) {
                hi--;
                continue;
            }
            int lo = hi;
            while (lo - 1 >= 0 && reduced[lo - 1]) {
                lo--;
            }
            int outer = 1;
            for (int i = 0; i < lo; i++) {
                outer *= curShape[i];
            }
            int len = 1;
            for (int i = lo; i <= hi; i++) {
                len *= curShape[i];
            }
            int inner = 1;
            for (int i = hi + 1; i < curShape.length; i++) {
                inner *= curShape[i];
            }
            int n = outer * inner;
            Storage next;
            if (owned) {
                next = cur; // reduce in place, then trim
            } else {
                next = Elementwise.alloc(work, n);
            }
            reduceRun(k, op, work, cur, outer, len, inner, next);
            if (owned) {
                next = next.truncate(n);
            }
            cur = next;
            owned = true;
            int[] s = new int[curShape.length - (hi - lo + 1)];
            System.arraycopy(curShape, 0, s, 0, lo);
            System.arraycopy(curShape, hi + 1, s, lo, curShape.length - hi - 1);
            curShape = s;
            hi = lo - 1;
        }
        if (resultType != work) {
            cur = cur.convert(resultType, Shapes.size(outShape));
        }
        return new NdArray(resultType, outShape, cur);
    }

    private static int[] resultShape(int[] shape, boolean[] reduced, boolean keepdims) {
        if (keepdims) {
            int[] s = shape.clone();
            for (int i = 0; i < s.length; i++) {
                if (reduced[i]) {
                    s[i] = 1;
                }
            }
            return s;
        }
        int m = 0;
        for (boolean r : reduced) {
            if (!r) {
                m++;
            }
        }
        int[] s = new int[m];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (!reduced[i]) {
                s[j++] = shape[i];
            }
        }
        return s;
    }

    private static void reduceRun(Kernel k, ReduceOp op, DType t, Storage a, int outer, int len, int inner,
                                  Storage out) {
        switch (t) {
            case FLOAT64:
                k.reduce(op, a.doubles(), 0, outer, len, inner, out.doubles(), 0);
                break;
            case FLOAT32:
                k.reduce(op, a.floats(), 0, outer, len, inner, out.floats(), 0);
                break;
            default:
                k.reduce(op, a.longs(), 0, outer, len, inner, out.longs(), 0);
        }
    }

    static NdArray mean(NdArray a, int[] axes, boolean keepdims) {
        NdArray x = a.dtype.isFloating() ? a : Elementwise.astype(a, DType.FLOAT64);
        NdArray s = reduce(ReduceOp.SUM, x, axes, keepdims);
        long count = a.size;
        if (axes != null) {
            count = 1;
            for (int i : Shapes.normalizeAxes(axes, a.shape, "mean")) {
                count *= a.shape[i];
            }
        }
        return Elementwise.inPlace(BinaryOp.DIV, s, NdArray.full((double) count, s.dtype), "mean");
    }

    /** axis == null means the flattened array. */
    static NdArray argExtreme(NdArray a, Integer axis, boolean max) {
        String name = max ? "argmax" : "argmin";
        int outer;
        int len;
        int inner;
        int[] outShape;
        if (axis == null) {
            outer = 1;
            len = a.size;
            inner = 1;
            outShape = new int[0];
        } else {
            int ax = Shapes.normalizeAxis(axis, a.shape, name);
            outer = 1;
            for (int i = 0; i < ax; i++) {
                outer *= a.shape[i];
            }
            len = a.shape[ax];
            inner = 1;
            for (int i = ax + 1; i < a.shape.length; i++) {
                inner *= a.shape[i];
            }
            outShape = new int[a.shape.length - 1];
            System.arraycopy(a.shape, 0, outShape, 0, ax);
            System.arraycopy(a.shape, ax + 1, outShape, ax, a.shape.length - ax - 1);
        }
        long[] out = new long[outer * inner];
        if (out.length == 0) {
            if (len == 0 && axis == null) {
                throw new IllegalArgumentException("attempt to get " + name + " of an empty sequence");
            }
            return new NdArray(DType.INT64, outShape, out);
        }
        if (len == 0) {
            throw new IllegalArgumentException("attempt to get " + name + " of an empty sequence (shape "
                    + Shapes.str(a.shape) + ", axis " + axis + ")");
        }
        Kernel k = Kernels.get();
        switch (a.dtype) {
            case FLOAT64:
                k.argExtreme(max, a.data.doubles(), outer, len, inner, out);
                break;
            case FLOAT32:
                k.argExtreme(max, a.data.floats(), outer, len, inner, out);
                break;
            default:
                k.argExtreme(max, Elementwise.dataAs(a, DType.INT64).longs(), outer, len, inner, out);
        }
        return new NdArray(DType.INT64, outShape, out);
    }
}
