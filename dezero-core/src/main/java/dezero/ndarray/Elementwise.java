package dezero.ndarray;

import dezero.ndarray.kernel.BinaryOp;
import dezero.ndarray.kernel.CompareOp;
import dezero.ndarray.kernel.Kernel;
import dezero.ndarray.kernel.Kernels;
import dezero.ndarray.kernel.UnaryOp;

import java.util.Arrays;

/**
 * Broadcasting, type promotion and dispatch of element-wise work to the kernel.
 *
 * <p>Dispatch: identical shapes make one kernel call over the whole array; an operand of one
 * element makes one call with stride 0; anything else goes through {@link Bcast}, which collapses
 * adjacent dimensions that are contiguous in every operand and walks the remaining outer indices
 * with an odometer, calling the kernel once per innermost run (stride 1 or 0).
 *
 * <p>Deviations from NumPy, on purpose: bool operands of arithmetic are promoted to int64
 * ({@code True + True == 2}; NumPy's logical-or for bool+bool and its refusal of bool subtraction
 * are not reproduced).
 */
final class Elementwise {
    private Elementwise() {
    }

    // ------------------------------------------------------------------ types

    /** The dtype of {@code a op b} under NumPy's rules (bool promoted to int64; true division). */
    static DType resultType(BinaryOp op, DType a, DType b) {
        DType t = DType.promote(a, b);
        if (t == DType.BOOL) {
            t = DType.INT64;
        }
        if (op == BinaryOp.DIV && t == DType.INT64) {
            t = DType.FLOAT64;
        }
        return t;
    }

    static String ufuncName(BinaryOp op) {
        switch (op) {
            case ADD:
                return "add";
            case SUB:
                return "subtract";
            case MUL:
                return "multiply";
            case DIV:
                return "divide";
            case POW:
                return "power";
            case MAXIMUM:
                return "maximum";
            default:
                return "minimum";
        }
    }

    static Storage alloc(DType t, int n) {
        return Storage.alloc(t, n);
    }

    /**
     * The data of {@code a} as dtype {@code to}: the array's own storage if it already has it, else a converted copy.
     */
    static Storage dataAs(NdArray a, DType to) {
        return a.dtype == to ? a.data : a.data.convert(to, a.size);
    }

    /**
     * Converts n elements. Floats to int64 truncate toward zero; NaN, infinities and values out
     * of int64's range give {@code Long.MIN_VALUE}, which is what NumPy produces on x86-64 (it
     * warns "invalid value encountered in cast"). Anything to bool is {@code != 0} (NaN is true).
     */
    static Storage convert(Storage data, DType to, int n) {
        return data.convert(to, n);
    }

    static NdArray astype(NdArray a, DType to) {
        return new NdArray(to, a.shape, a.data.convert(to, a.size));
    }

    // ------------------------------------------------------------------ binary

    static NdArray binary(BinaryOp op, NdArray a, NdArray b, String name) {
        DType t = resultType(op, a.dtype, b.dtype);
        int[] shape = Shapes.broadcast(a.shape, b.shape, name);
        Storage ad = dataAs(a, t);
        Storage bd = dataAs(b, t);
        int n = shape == a.shape ? a.size : Shapes.size(shape);
        Storage out = alloc(t, n);
        compute(Kernels.get(), op, t, ad, a.shape, a.size, bd, b.shape, b.size, out, shape, n);
        return new NdArray(t, shape, out);
    }

    /** out (of shape {@code shape}, n elements) = a op b, all three already of dtype t. out may alias a exactly. */
    private static void compute(Kernel k, BinaryOp op, DType t, Storage ad, int[] as, int an, Storage bd, int[] bs,
                                int bn, Storage out, int[] shape, int n) {
        if (n == 0) {
            return;
        }
        if (an == n && bn == n) {
            // both operands broadcast to the output without repetition: equal shapes up to leading 1s
            run(k, op, t, ad, 0, 1, bd, 0, 1, out, 0, n);
            return;
        }
        if (bn == 1 && an == n) {
            run(k, op, t, ad, 0, 1, bd, 0, 0, out, 0, n);
            return;
        }
        if (an == 1 && bn == n) {
            run(k, op, t, ad, 0, 0, bd, 0, 1, out, 0, n);
            return;
        }
        Bcast it = new Bcast(shape, as, bs, null);
        int len = it.len;
        int sa = it.innerStride[0];
        int sb = it.innerStride[1];
        int chunks = Conv.chunks(it.runs, len);
        if (chunks > 1) {
            // a large broadcast (a bias row added to a batch): the runs split across the cores, as the
            // kernels split one long run; the operands' offsets of each run are taken in order first
            int[] offA = new int[it.runs];
            int[] offB = new int[it.runs];
            for (int r = 0; r < it.runs; r++) {
                offA[r] = it.off[0];
                offB[r] = it.off[1];
                it.next();
            }
            Conv.forChunks(it.runs, chunks, (lo, hi) -> {
                for (int r = lo; r < hi; r++) {
                    run(k, op, t, ad, offA[r], sa, bd, offB[r], sb, out, r * len, len);
                }
            });
            return;
        }
        for (int r = 0, oo = 0; r < it.runs; r++, oo += len) {
            run(k, op, t, ad, it.off[0], sa, bd, it.off[1], sb, out, oo, len);
            it.next();
        }
    }

    private static void run(Kernel k, BinaryOp op, DType t, Storage a, int ao, int as, Storage b, int bo, int bs,
                            Storage out, int oo, int n) {
        switch (t) {
            case FLOAT64:
                k.binary(op, a.doubles(), ao, as, b.doubles(), bo, bs, out.doubles(), oo, n);
                break;
            case FLOAT32:
                k.binary(op, a.floats(), ao, as, b.floats(), bo, bs, out.floats(), oo, n);
                break;
            case INT64:
                k.binary(op, a.longs(), ao, as, b.longs(), bo, bs, out.longs(), oo, n);
                break;
            default:
                throw new IllegalStateException("no bool arithmetic kernel");
        }
    }

    // ------------------------------------------------------------------ unary

    static NdArray unary(UnaryOp op, NdArray a) {
        Kernel k = Kernels.get();
        int n = a.size;
        switch (a.dtype) {
            case FLOAT64: {
                double[] out = new double[n];
                k.unary(op, a.data.doubles(), 0, out, 0, n);
                return new NdArray(DType.FLOAT64, a.shape, new Storage.D(out));
            }
            case FLOAT32: {
                float[] out = new float[n];
                k.unary(op, a.data.floats(), 0, out, 0, n);
                return new NdArray(DType.FLOAT32, a.shape, new Storage.F(out));
            }
            default:
                break;
        }
        // int64 and bool
        switch (op) {
            case NEG:
            case ABS:
            case SQUARE:
            case SIGN: {
                long[] src = dataAs(a, DType.INT64).longs();
                long[] out = new long[n];
                if (n > 0) {
                    switch (op) {
                        case NEG:
                            k.binary(BinaryOp.SUB, new long[] {0L}, 0, 0, src, 0, 1, out, 0, n);
                            break;
                        case SQUARE:
                            k.binary(BinaryOp.MUL, src, 0, 1, src, 0, 1, out, 0, n);
                            break;
                        case ABS:
                            // max(x, -x), wrapping as NumPy's int64 absolute does (|MIN| is MIN)
                            k.binary(BinaryOp.SUB, new long[] {0L}, 0, 0, src, 0, 1, out, 0, n);
                            k.binary(BinaryOp.MAXIMUM, src, 0, 1, out, 0, 1, out, 0, n);
                            break;
                        default:
                            // the sign: x clamped to [-1, 1]
                            k.binary(BinaryOp.MAXIMUM, src, 0, 1, new long[] {-1L}, 0, 0, out, 0, n);
                            k.binary(BinaryOp.MINIMUM, out, 0, 1, new long[] {1L}, 0, 0, out, 0, n);
                    }
                }
                return new NdArray(DType.INT64, a.shape, new Storage.L(out));
            }
            default: {
                // NumPy computes the transcendental functions of integers in float64
                Storage src = a.data.convert(DType.FLOAT64, n);
                k.unary(op, src.doubles(), 0, src.doubles(), 0, n);
                return new NdArray(DType.FLOAT64, a.shape, src);
            }
        }
    }

    // ------------------------------------------------------------------ in place

    static NdArray inPlace(BinaryOp op, NdArray target, NdArray o, String name) {
        checkOutputShape(target, o, name);
        DType t = resultType(op, target.dtype, o.dtype);
        if (t == target.dtype) {
            Storage od = dataAs(o, t);
            compute(Kernels.get(), op, t, target.data, target.shape, target.size, od, o.shape, o.size,
                    target.data, target.shape, target.size);
            return target;
        }
        if (!target.dtype.isFloating() || !t.isFloating()) {
            throw new IllegalArgumentException(name + ": Cannot cast ufunc '" + ufuncName(op) + "' output from "
                    + t + " to " + target.dtype + " with casting rule 'same_kind'");
        }
        // float64 result into a float32 target: compute in float64, then round into the target
        NdArray r = binary(op, target, o, name);
        r.data.convert(target.dtype, r.size).copyTo(0, target.data, 0, target.size);
        return target;
    }

    private static void checkOutputShape(NdArray target, NdArray o, String name) {
        if (target.shape == o.shape || Arrays.equals(target.shape, o.shape)) {
            return;
        }
        int[] b = Shapes.broadcast(target.shape, o.shape, name);
        if (!Arrays.equals(b, target.shape)) {
            throw new IllegalArgumentException(name + ": non-broadcastable output operand with shape "
                    + Shapes.str(target.shape) + " doesn't match the broadcast shape " + Shapes.str(b));
        }
    }

    static NdArray assign(NdArray target, NdArray o) {
        checkOutputShape(target, o, "assign");
        if (o.data == target.data) {
            return target; // same storage, same size: nothing to copy
        }
        Storage src = dataAs(o, target.dtype);
        int n = target.size;
        if (n == 0) {
            return target;
        }
        if (o.size == n) {
            src.copyTo(0, target.data, 0, n);
        } else if (o.size == 1) {
            src.fillTo(0, target.data, 0, n);
        } else {
            Bcast it = new Bcast(target.shape, o.shape, null, null);
            int len = it.len;
            boolean contiguous = it.innerStride[0] == 1;
            for (int r = 0, oo = 0; r < it.runs; r++, oo += len) {
                if (contiguous) {
                    src.copyTo(it.off[0], target.data, oo, len);
                } else {
                    src.fillTo(it.off[0], target.data, oo, len);
                }
                it.next();
            }
        }
        return target;
    }

    // ------------------------------------------------------------------ compare and where

    static NdArray compare(CompareOp op, NdArray a, NdArray b) {
        DType t = DType.promote(a.dtype, b.dtype);
        if (t == DType.BOOL) {
            t = DType.INT64;
        }
        int[] shape = Shapes.broadcast(a.shape, b.shape, compareName(op));
        Storage ad = dataAs(a, t);
        Storage bd = dataAs(b, t);
        int n = Shapes.size(shape);
        boolean[] out = new boolean[n];
        if (n == 0) {
            return new NdArray(DType.BOOL, shape, new Storage.Z(out));
        }
        if (a.size == n && b.size == n) {
            cmpRun(op, t, ad, 0, 1, bd, 0, 1, out, 0, n);
        } else if (b.size == 1 && a.size == n) {
            cmpRun(op, t, ad, 0, 1, bd, 0, 0, out, 0, n);
        } else if (a.size == 1 && b.size == n) {
            cmpRun(op, t, ad, 0, 0, bd, 0, 1, out, 0, n);
        } else {
            Bcast it = new Bcast(shape, a.shape, b.shape, null);
            int len = it.len;
            for (int r = 0, oo = 0; r < it.runs; r++, oo += len) {
                cmpRun(op, t, ad, it.off[0], it.innerStride[0], bd, it.off[1], it.innerStride[1], out, oo, len);
                it.next();
            }
        }
        return new NdArray(DType.BOOL, shape, new Storage.Z(out));
    }

    private static String compareName(CompareOp op) {
        switch (op) {
            case EQ:
                return "equal";
            case NE:
                return "not_equal";
            case LT:
                return "less";
            case LE:
                return "less_equal";
            case GT:
                return "greater";
            default:
                return "greater_equal";
        }
    }

    private static void cmpRun(CompareOp op, DType t, Storage a, int ai, int as, Storage b, int bi, int bs,
                               boolean[] o, int oo, int n) {
        Kernel k = Kernels.get();
        switch (t) {
            case FLOAT64:
                k.compare(op, a.doubles(), ai, as, b.doubles(), bi, bs, o, oo, n);
                break;
            case FLOAT32:
                k.compare(op, a.floats(), ai, as, b.floats(), bi, bs, o, oo, n);
                break;
            default:
                k.compare(op, a.longs(), ai, as, b.longs(), bi, bs, o, oo, n);
        }
    }

    static NdArray where(NdArray cond, NdArray a, NdArray b) {
        DType t = DType.promote(a.dtype, b.dtype);
        int[] shape = Shapes.broadcast(Shapes.broadcast(cond.shape, a.shape, "where"), b.shape, "where");
        boolean[] c = dataAs(cond, DType.BOOL).booleans();
        Storage ad = dataAs(a, t);
        Storage bd = dataAs(b, t);
        int n = Shapes.size(shape);
        Storage out = alloc(t, n);
        if (n > 0) {
            Bcast it = new Bcast(shape, cond.shape, a.shape, b.shape);
            int len = it.len;
            int cs = it.innerStride[0];
            int as = it.innerStride[1];
            int bs = it.innerStride[2];
            Kernel k = Kernels.get();
            for (int r = 0, oo = 0; r < it.runs; r++, oo += len) {
                int ci = it.off[0];
                int ai = it.off[1];
                int bi = it.off[2];
                switch (t) {
                    case FLOAT64:
                        k.where(c, ci, cs, ad.doubles(), ai, as, bd.doubles(), bi, bs, out.doubles(), oo, len);
                        break;
                    case FLOAT32:
                        k.where(c, ci, cs, ad.floats(), ai, as, bd.floats(), bi, bs, out.floats(), oo, len);
                        break;
                    case INT64:
                        k.where(c, ci, cs, ad.longs(), ai, as, bd.longs(), bi, bs, out.longs(), oo, len);
                        break;
                    default:
                        k.where(c, ci, cs, ad.booleans(), ai, as, bd.booleans(), bi, bs, out.booleans(), oo, len);
                }
                it.next();
            }
        }
        return new NdArray(t, shape, out);
    }

    // ------------------------------------------------------------------ broadcast iteration

    /**
     * Walks up to three operands broadcast to an output shape, in runs along the (collapsed)
     * innermost dimension. After construction {@code off[k]} is operand k's offset for the first
     * run; {@link #next()} advances to the following run. The output offset of run r is
     * {@code r * len}. Requires a non-empty output.
     */
    static final class Bcast {
        final int runs;
        final int len;
        final int[] innerStride;
        final int[] off;
        private final int nOuter;
        private final int[] dims;
        private final int[][] strides;
        private final int[] idx;

        Bcast(int[] outShape, int[] s0, int[] s1, int[] s2) {
            int k = s2 != null ? 3 : s1 != null ? 2 : 1;
            int[][] ops = {s0, s1, s2};
            int nd = outShape.length;
            // per-operand strides aligned to the output's axes (0 where broadcast)
            int[][] full = new int[k][nd];
            for (int j = 0; j < k; j++) {
                int[] s = ops[j];
                int off = nd - s.length;
                int acc = 1;
                for (int d = s.length - 1; d >= 0; d--) {
                    full[j][d + off] = s[d] == 1 ? 0 : acc;
                    acc *= s[d];
                }
            }
            // collapse, innermost first; size-1 output axes are dropped
            int[] cd = new int[nd];
            int[][] cs = new int[k][nd];
            int m = 0;
            for (int d = nd - 1; d >= 0; d--) {
                int len = outShape[d];
                if (len == 1) {
                    continue;
                }
                boolean merge = m > 0;
                for (int j = 0; j < k && merge; j++) {
                    merge = full[j][d] == cs[j][m - 1] * cd[m - 1];
                }
                if (merge) {
                    cd[m - 1] *= len;
                } else {
                    cd[m] = len;
                    for (int j = 0; j < k; j++) {
                        cs[j][m] = full[j][d];
                    }
                    m++;
                }
            }
            innerStride = new int[k];
            off = new int[k];
            if (m == 0) {
                len = 1;
                runs = 1;
                nOuter = 0;
                dims = new int[0];
                strides = new int[k][0];
                idx = new int[0];
                return;
            }
            len = cd[0];
            for (int j = 0; j < k; j++) {
                innerStride[j] = cs[j][0];
            }
            // outer dims in row-major order (outermost first)
            nOuter = m - 1;
            dims = new int[nOuter];
            strides = new int[k][nOuter];
            int r = 1;
            for (int q = 0; q < nOuter; q++) {
                int src = m - 1 - q;
                dims[q] = cd[src];
                r *= cd[src];
                for (int j = 0; j < k; j++) {
                    strides[j][q] = cs[j][src];
                }
            }
            runs = r;
            idx = new int[nOuter];
        }

        void next() {
            int k = off.length;
            for (int d = nOuter - 1; d >= 0; d--) {
                if (++idx[d] < dims[d]) {
                    for (int j = 0; j < k; j++) {
                        off[j] += strides[j][d];
                    }
                    return;
                }
                idx[d] = 0;
                int back = dims[d] - 1;
                for (int j = 0; j < k; j++) {
                    off[j] -= strides[j][d] * back;
                }
            }
        }
    }
}
