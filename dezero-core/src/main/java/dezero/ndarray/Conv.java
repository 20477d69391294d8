package dezero.ndarray;

import dezero.ndarray.kernel.BinaryOp;
import dezero.ndarray.kernel.Kernel;
import dezero.ndarray.kernel.Kernels;
import dezero.ndarray.kernel.Window;


/**
 * Convolution on arrays (no autograd): DeZero's {@code im2col_array}/{@code col2im_array} and the
 * forward computations of conv2d, deconv2d (transposed convolution), the weight gradient of a
 * convolution, max pooling (with the argmax of every window) and average pooling. Images are NCHW;
 * the padding is zeros. Float32 and float64 arrays are computed in their own precision (a
 * float32/float64 mix in float64, as NumPy promotes); other dtypes are rejected.
 *
 * <p>A convolution is one matrix product per image, laid out so the result is already NCHW:
 * {@code y[n] (OC, OH*OW) = W (OC, C*KH*KW) @ col[n] (C*KH*KW, OH*OW)}, where {@code col[n]} is
 * the image's im2col block in DeZero's {@code (C, KH, KW, OH, OW)} order. Large batches are split
 * among the available cores.
 *
 * <pre>{@code
 * jshell> var x = NdArray.arange(0, 16, 1).reshape(1, 1, 4, 4);
 * jshell> var w = NdArray.ones(1, 1, 3, 3);
 * jshell> Conv.conv2d(x, w, null, 1, 1, 0, 0)      // sums of the four 3x3 windows
 * $3 ==> [[[[45. 54.]
 *    [81. 90.]]]]
 * }</pre>
 */
public final class Conv {
    private Conv() {
    }

    /** Below this many multiply-adds (or element visits) a batch is processed on the calling thread. */
    static final long PARALLEL_WORK = 1L << 20;
    private static final int THREADS = dezero.ndarray.kernel.Kernels.threads();

    /** A half-open range {@code [lo, hi)} of batch items (images or planes) to process. */
    @FunctionalInterface
    interface Range {
        void run(int lo, int hi);
    }

    /** How many chunks to split {@code n} items into: one per core when the total work is large, else 1. */
    static int chunks(int n, long workPerItem) {
        if (n < 2 || THREADS == 1 || (double) n * workPerItem < PARALLEL_WORK) {
            return 1;
        }
        return Math.min(n, THREADS);
    }

    /**
     * Runs {@code body} over {@code [0, n)} split into {@code chunks} contiguous ranges, in parallel when more than
     * one, on the kernels' threads ({@link dezero.ndarray.kernel.Kernels#parallel}): the products and loops a chunk
     * calls then run on its own thread.
     */
    static void forChunks(int n, int chunks, Range body) {
        if (chunks <= 1) {
            body.run(0, n);
            return;
        }
        dezero.ndarray.kernel.Kernels.parallel(chunks, t -> body.run((int) ((long) t * n / chunks),
                (int) ((long) (t + 1) * n / chunks)));
    }

    // ------------------------------------------------------------------ checks

    static int[] requireImage(String op, String name, NdArray a) {
        if (a.ndim() != 4) {
            throw new IllegalArgumentException(op + ": " + name + " must be 4-d (N, C, H, W), got shape "
                    + Shapes.str(a.shape));
        }
        return a.shape;
    }

    /** The common floating dtype of the operands (nulls ignored), or an error naming the op. */
    static DType floatType(String op, NdArray... arrays) {
        DType t = null;
        for (NdArray a : arrays) {
            if (a == null) {
                continue;
            }
            if (!a.dtype.isFloating()) {
                throw new IllegalArgumentException(op + ": needs float32 or float64 arrays, got " + a.dtype
                        + " of shape " + Shapes.str(a.shape));
            }
            t = t == null ? a.dtype : DType.promote(t, a.dtype);
        }
        return t;
    }

    private static NdArray as(NdArray a, DType t) {
        return a == null ? null : a.astype(t);
    }

    // ------------------------------------------------------------------ im2col / col2im

    /**
     * DeZero's {@code im2col_array}: the patches of {@code x} (N, C, H, W) under window {@code g}, as
     * (N, C, KH, KW, OH, OW), or with {@code toMatrix} as (N*OH*OW, C*KH*KW) (rows ordered
     * (n, oh, ow), columns (c, kh, kw)).
     */
    public static NdArray im2col(NdArray x, ConvWindow g, boolean toMatrix) {
        String op = "im2col";
        int[] s = requireImage(op, "x", x);
        DType t = floatType(op, x);
        int n = s[0], c = s[1], h = s[2], w = s[3];
        g.requireFits(op, h, w, "x " + Shapes.str(s));
        int oh = g.outHeight(h), ow = g.outWidth(w);
        int taps = c * g.kh * g.kw, pos = oh * ow;
        int per = Math.multiplyExact(taps, pos);
        Storage col = Elementwise.alloc(t, Math.multiplyExact(n, per));
        int rowStride = toMatrix ? 1 : pos;
        int posStride = toMatrix ? taps : 1;
        Kernel k = Kernels.get();
        Window win = g.on(h, w);
        forChunks(n, chunks(n, per), (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                if (t == DType.FLOAT64) {
                    k.im2col(x.data.doubles(), i * c * h * w, c, h, w, win, oh, ow, col.doubles(), i * per,
                            rowStride, posStride);
                } else {
                    k.im2col(x.data.floats(), i * c * h * w, c, h, w, win, oh, ow, col.floats(), i * per,
                            rowStride, posStride);
                }
            }
        });
        int[] shape = toMatrix ? new int[] {n * pos, taps} : new int[] {n, c, g.kh, g.kw, oh, ow};
        return new NdArray(t, shape, col);
    }

    /**
     * DeZero's {@code col2im_array}, the adjoint of {@link #im2col}: sums every patch entry back
     * onto the pixel of an image of {@code imageShape} (N, C, H, W) it came from; entries read from
     * the padding are dropped. {@code col} has the shape {@link #im2col} gives for that image.
     */
    public static NdArray col2im(NdArray col, int[] imageShape, ConvWindow g, boolean toMatrix) {
        String op = "col2im";
        if (imageShape == null || imageShape.length != 4) {
            throw new IllegalArgumentException(op + ": the image shape must be (N, C, H, W), got "
                    + (imageShape == null ? "null" : Shapes.str(imageShape)));
        }
        DType t = floatType(op, col);
        int n = imageShape[0], c = imageShape[1], h = imageShape[2], w = imageShape[3];
        g.requireFits(op, h, w, "image " + Shapes.str(imageShape));
        int oh = g.outHeight(h), ow = g.outWidth(w);
        int taps = c * g.kh * g.kw, pos = oh * ow;
        int[] want = toMatrix ? new int[] {n * pos, taps} : new int[] {n, c, g.kh, g.kw, oh, ow};
        if (!java.util.Arrays.equals(col.shape, want)) {
            throw new IllegalArgumentException(op + ": col has shape " + Shapes.str(col.shape)
                    + " but an image of shape " + Shapes.str(imageShape) + " with " + g + " needs " + Shapes.str(want));
        }
        int per = Math.multiplyExact(taps, pos);
        int rowStride = toMatrix ? 1 : pos;
        int posStride = toMatrix ? taps : 1;
        int plane = c * h * w;
        Storage img = Elementwise.alloc(t, Math.multiplyExact(n, plane));
        Kernel k = Kernels.get();
        Window win = g.on(h, w);
        forChunks(n, chunks(n, per), (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                if (t == DType.FLOAT64) {
                    k.col2im(col.data.doubles(), i * per, rowStride, posStride, c, h, w, win, oh, ow,
                            img.doubles(), i * plane);
                } else {
                    k.col2im(col.data.floats(), i * per, rowStride, posStride, c, h, w, win, oh, ow,
                            img.floats(), i * plane);
                }
            }
        });
        return new NdArray(t, imageShape.clone(), img);
    }

    // ------------------------------------------------------------------ convolution

    /**
     * 2-d convolution (cross-correlation, as DeZero): {@code x} (N, C, H, W), {@code w}
     * (OC, C, KH, KW), optional bias {@code b} (OC,) or null; the result is (N, OC, OH, OW).
     */
    public static NdArray conv2d(NdArray x, NdArray w, NdArray b, int sh, int sw, int ph, int pw) {
        String op = "conv2d";
        int[] xs = requireImage(op, "x", x);
        int[] ws = requireImage(op, "W", w);
        String shapes = "x " + Shapes.str(xs) + ", W " + Shapes.str(ws);
        if (xs[1] != ws[1]) {
            throw new IllegalArgumentException(op + ": x has " + xs[1] + " channels but W expects " + ws[1] + " ("
                    + shapes + "; W is (OC, C, KH, KW))");
        }
        requireBias(op, b, ws[0], shapes);
        ConvWindow g = ConvWindow.of(op, shapes, ws[2], ws[3], sh, sw, ph, pw);
        g.requireFits(op, xs[2], xs[3], shapes);
        DType t = floatType(op, x, w, b);
        NdArray xt = as(x, t), wt = as(w, t), bt = as(b, t);
        int n = xs[0], c = xs[1], h = xs[2], wd = xs[3], oc = ws[0];
        int oh = g.outHeight(h), ow = g.outWidth(wd);
        int taps = c * g.kh * g.kw, pos = oh * ow;
        Storage y = Elementwise.alloc(t, Math.multiplyExact(n, Math.multiplyExact(oc, pos)));
        Kernel k = Kernels.get();
        Window win = g.on(h, wd);
        forChunks(n, chunks(n, (long) oc * taps * pos), (lo, hi) -> {
            Storage col = Elementwise.alloc(t, Math.multiplyExact(taps, pos));
            for (int i = lo; i < hi; i++) {
                int yOff = i * oc * pos;
                if (t == DType.FLOAT64) {
                    k.im2col(xt.data.doubles(), i * c * h * wd, c, h, wd, win, oh, ow, col.doubles(), 0, pos, 1);
                    k.gemm(false, false, oc, pos, taps, wt.data.doubles(), 0, taps, col.doubles(), 0, pos,
                            y.doubles(), yOff, pos);
                } else {
                    k.im2col(xt.data.floats(), i * c * h * wd, c, h, wd, win, oh, ow, col.floats(), 0, pos, 1);
                    k.gemm(false, false, oc, pos, taps, wt.data.floats(), 0, taps, col.floats(), 0, pos,
                            y.floats(), yOff, pos);
                }
                addBias(k, bt, y, yOff, oc, pos);
            }
        });
        return new NdArray(t, new int[] {n, oc, oh, ow}, y);
    }

    /**
     * Transposed convolution (DeZero's deconv2d, the adjoint of {@link #conv2d} with respect to x):
     * {@code x} (N, C, H, W), {@code w} (C, OC, KH, KW) (note the order), optional bias (OC,); the
     * result is (N, OC, outH, outW), by default {@code S*(H-1) + K - 2P} per axis. A given output size
     * must be one that a convolution with this window maps back to H x W.
     *
     * @param outSize (outH, outW), or null for the default size
     */
    public static NdArray deconv2d(NdArray x, NdArray w, NdArray b, int sh, int sw, int ph, int pw, int[] outSize) {
        String op = "deconv2d";
        int[] xs = requireImage(op, "x", x);
        int[] ws = requireImage(op, "W", w);
        String shapes = "x " + Shapes.str(xs) + ", W " + Shapes.str(ws);
        if (xs[1] != ws[0]) {
            throw new IllegalArgumentException(op + ": x has " + xs[1] + " channels but W expects " + ws[0] + " ("
                    + shapes + "; W is (C, OC, KH, KW))");
        }
        requireBias(op, b, ws[1], shapes);
        ConvWindow g = ConvWindow.of(op, shapes, ws[2], ws[3], sh, sw, ph, pw);
        int n = xs[0], c = xs[1], h = xs[2], wd = xs[3], oc = ws[1];
        int outH, outW;
        if (outSize == null) {
            outH = ConvWindow.deconvOutSize(h, g.kh, sh, ph);
            outW = ConvWindow.deconvOutSize(wd, g.kw, sw, pw);
        } else {
            int[] o = ConvWindow.pair(op, "outsize", outSize);
            outH = o[0];
            outW = o[1];
        }
        if (outH < 1 || outW < 1 || outH + 2 * ph < g.kh || outW + 2 * pw < g.kw
                || g.outHeight(outH) != h || g.outWidth(outW) != wd) {
            throw new IllegalArgumentException(op + ": output size (" + outH + ", " + outW + ") does not fit: a "
                    + "convolution with " + g + " maps it to (" + g.outHeight(outH) + ", " + g.outWidth(outW)
                    + "), not to the input's (" + h + ", " + wd + ") (" + shapes + ")");
        }
        DType t = floatType(op, x, w, b);
        NdArray xt = as(x, t), wt = as(w, t), bt = as(b, t);
        int taps = oc * g.kh * g.kw, pos = h * wd, plane = oc * outH * outW;
        Storage y = Elementwise.alloc(t, Math.multiplyExact(n, plane));
        Kernel k = Kernels.get();
        Window win = g.on(outH, outW);
        forChunks(n, chunks(n, (long) c * taps * pos), (lo, hi) -> {
            Storage col = Elementwise.alloc(t, Math.multiplyExact(taps, pos));
            for (int i = lo; i < hi; i++) {
                int yOff = i * plane;
                if (t == DType.FLOAT64) {
                    k.gemm(true, false, taps, pos, c, wt.data.doubles(), 0, taps, xt.data.doubles(), i * c * pos, pos,
                            col.doubles(), 0, pos);
                    k.col2im(col.doubles(), 0, pos, 1, oc, outH, outW, win, h, wd, y.doubles(), yOff);
                } else {
                    k.gemm(true, false, taps, pos, c, wt.data.floats(), 0, taps, xt.data.floats(), i * c * pos, pos,
                            col.floats(), 0, pos);
                    k.col2im(col.floats(), 0, pos, 1, oc, outH, outW, win, h, wd, y.floats(), yOff);
                }
                addBias(k, bt, y, yOff, oc, outH * outW);
            }
        });
        return new NdArray(t, new int[] {n, oc, outH, outW}, y);
    }

    /**
     * The gradient of a convolution's weight (DeZero's {@code Conv2DGradW} forward):
     * {@code gW[o, c, i, j] = sum over n, p, q of gy[n, o, p, q] * xpad[n, c, p*SH + i, q*SW + j]},
     * for {@code x} (N, C, H, W) and {@code gy} (N, OC, OH, OW) with OH, OW the convolution's output
     * size; the result is (OC, C, KH, KW).
     */
    public static NdArray conv2dGradW(NdArray x, NdArray gy, ConvWindow g) {
        String op = "conv2dGradW";
        int[] xs = requireImage(op, "x", x);
        int[] gs = requireImage(op, "gy", gy);
        String shapes = "x " + Shapes.str(xs) + ", gy " + Shapes.str(gs);
        g.requireFits(op, xs[2], xs[3], shapes);
        int n = xs[0], c = xs[1], h = xs[2], wd = xs[3], oc = gs[1];
        int oh = g.outHeight(h), ow = g.outWidth(wd);
        if (gs[0] != n || gs[2] != oh || gs[3] != ow) {
            throw new IllegalArgumentException(op + ": gy must be (" + n + ", OC, " + oh + ", " + ow + ") for x with "
                    + g + " (" + shapes + ")");
        }
        DType t = floatType(op, x, gy);
        NdArray xt = as(x, t), gt = as(gy, t);
        int taps = c * g.kh * g.kw, pos = oh * ow, size = oc * taps;
        int parts = chunks(n, (long) oc * taps * pos);
        Storage[] partial = new Storage[parts];
        Kernel k = Kernels.get();
        Window win = g.on(h, wd);
        forChunks(parts, parts, (p0, p1) -> {
            for (int part = p0; part < p1; part++) {
                int lo = (int) ((long) part * n / parts), hi = (int) ((long) (part + 1) * n / parts);
                Storage col = Elementwise.alloc(t, Math.multiplyExact(taps, pos));
                Storage tmp = Elementwise.alloc(t, size);
                Storage acc = Elementwise.alloc(t, size);
                for (int i = lo; i < hi; i++) {
                    if (t == DType.FLOAT64) {
                        k.im2col(xt.data.doubles(), i * c * h * wd, c, h, wd, win, oh, ow, col.doubles(), 0, pos, 1);
                        k.gemm(false, true, oc, taps, pos, gt.data.doubles(), i * oc * pos, pos, col.doubles(), 0, pos,
                                tmp.doubles(), 0, taps);
                    } else {
                        k.im2col(xt.data.floats(), i * c * h * wd, c, h, wd, win, oh, ow, col.floats(), 0, pos, 1);
                        k.gemm(false, true, oc, taps, pos, gt.data.floats(), i * oc * pos, pos, col.floats(), 0, pos,
                                tmp.floats(), 0, taps);
                    }
                    accumulate(k, acc, tmp);
                }
                partial[part] = acc;
            }
        });
        for (int part = 1; part < parts; part++) {
            accumulate(k, partial[0], partial[part]);
        }
        return new NdArray(t, new int[] {oc, c, g.kh, g.kw}, partial[0]);
    }

    private static void requireBias(String op, NdArray b, int oc, String shapes) {
        if (b != null && (b.ndim() != 1 || b.shape[0] != oc)) {
            throw new IllegalArgumentException(op + ": bias must have shape (" + oc + ",), got " + Shapes.str(b.shape)
                    + " (" + shapes + ")");
        }
    }

    /** {@code y[off + o*plane + p] += b[o]}: the kernel's add with the bias element as a broadcast scalar. */
    private static void addBias(Kernel k, NdArray b, Storage y, int off, int channels, int plane) {
        if (b == null) {
            return;
        }
        for (int o = 0; o < channels; o++) {
            int p = off + o * plane;
            if (y.dtype() == DType.FLOAT64) {
                k.binary(BinaryOp.ADD, y.doubles(), p, 1, b.data.doubles(), o, 0, y.doubles(), p, plane);
            } else {
                k.binary(BinaryOp.ADD, y.floats(), p, 1, b.data.floats(), o, 0, y.floats(), p, plane);
            }
        }
    }

    /** {@code acc += add}, element-wise, in place. */
    private static void accumulate(Kernel k, Storage acc, Storage add) {
        int n = acc.length();
        if (acc.dtype() == DType.FLOAT64) {
            k.binary(BinaryOp.ADD, acc.doubles(), 0, 1, add.doubles(), 0, 1, acc.doubles(), 0, n);
        } else {
            k.binary(BinaryOp.ADD, acc.floats(), 0, 1, add.floats(), 0, 1, acc.floats(), 0, n);
        }
    }

    // ------------------------------------------------------------------ pooling

    /** The output of {@link #maxPool}: the maxima and, per output, the argmax inside its window. */
    public static final class MaxPooled {
        /** (N, C, OH, OW) maxima. */
        public final NdArray output;
        /** (N, C, OH, OW) int64: the position {@code i*KW + j} of the (first) maximum in each window. */
        public final NdArray argmax;

        MaxPooled(NdArray output, NdArray argmax) {
            this.output = output;
            this.argmax = argmax;
        }
    }

    /**
     * Max pooling of {@code x} (N, C, H, W): each output is the maximum of its window, where padding
     * counts as 0 (as DeZero pads with zeros); ties and NaN go to the first position in row-major
     * window order, as {@code np.argmax}.
     */
    public static MaxPooled maxPool(NdArray x, ConvWindow g) {
        Pool.Geometry p = Pool.geometry("pooling", x.shape, g);
        Kernel k = Kernels.get();
        Window win = p.window();
        DType t = floatType("pooling", x);
        Storage y = Elementwise.alloc(t, p.outSize());
        long[] idx = new long[p.outSize()];
        forChunks(p.planes, chunks(p.planes, (long) p.oh * p.ow * g.kh * g.kw), (lo, hi) -> {
            if (t == DType.FLOAT64) {
                k.maxPool(x.data.doubles(), win, lo, hi, y.doubles(), idx);
            } else {
                k.maxPool(x.data.floats(), win, lo, hi, y.floats(), idx);
            }
        });
        int[] shape = p.outShape();
        return new MaxPooled(new NdArray(t, shape, y), new NdArray(DType.INT64, shape.clone(), idx));
    }

    /**
     * The gradient of max pooling: each {@code gy} (N, C, OH, OW) value is added to the input pixel
     * that {@code argmax} (from {@link #maxPool}) names; values whose argmax is in the padding are
     * dropped. The result has {@code inputShape}.
     */
    public static NdArray maxPoolGrad(NdArray gy, NdArray argmax, int[] inputShape, ConvWindow g) {
        Pool.Geometry p = Pool.geometry("pooling scatter", inputShape, g);
        Kernel k = Kernels.get();
        Window win = p.window();
        Pool.requireOut("pooling scatter", "gy", gy, p);
        Pool.requireOut("pooling scatter", "argmax", argmax, p);
        DType t = floatType("pooling scatter", gy);
        Storage gx = Elementwise.alloc(t, Shapes.size(inputShape));
        long[] idx = argmax.data.longs();
        // work per plane: the input plane the gradient fills, not only the outputs scattered
        forChunks(p.planes, chunks(p.planes, (long) p.h * p.w), (lo, hi) -> {
            if (t == DType.FLOAT64) {
                k.maxPoolScatter(gy.data.doubles(), idx, win, lo, hi, gx.doubles());
            } else {
                k.maxPoolScatter(gy.data.floats(), idx, win, lo, hi, gx.floats());
            }
        });
        return new NdArray(t, inputShape.clone(), gx);
    }

    /**
     * The values of {@code x} (N, C, H, W) at the window positions {@code argmax} names (0 where that
     * is padding): max pooling with the argmax held fixed, the adjoint of {@link #maxPoolGrad}.
     */
    public static NdArray maxPoolGather(NdArray x, NdArray argmax, ConvWindow g) {
        Pool.Geometry p = Pool.geometry("pooling with indexes", x.shape, g);
        Kernel k = Kernels.get();
        Window win = p.window();
        Pool.requireOut("pooling with indexes", "argmax", argmax, p);
        DType t = floatType("pooling with indexes", x);
        Storage y = Elementwise.alloc(t, p.outSize());
        long[] idx = argmax.data.longs();
        forChunks(p.planes, chunks(p.planes, (long) p.oh * p.ow), (lo, hi) -> {
            if (t == DType.FLOAT64) {
                k.maxPoolGather(x.data.doubles(), idx, win, lo, hi, y.doubles());
            } else {
                k.maxPoolGather(x.data.floats(), idx, win, lo, hi, y.floats());
            }
        });
        return new NdArray(t, p.outShape(), y);
    }

    /** Average pooling of {@code x} (N, C, H, W): window sums divided by KH*KW, padding counted as 0. */
    public static NdArray averagePool(NdArray x, ConvWindow g) {
        Pool.Geometry p = Pool.geometry("average_pooling", x.shape, g);
        Kernel k = Kernels.get();
        Window win = p.window();
        DType t = floatType("average_pooling", x);
        Storage y = Elementwise.alloc(t, p.outSize());
        forChunks(p.planes, chunks(p.planes, (long) p.oh * p.ow * g.kh * g.kw), (lo, hi) -> {
            if (t == DType.FLOAT64) {
                k.averagePool(x.data.doubles(), win, lo, hi, y.doubles());
            } else {
                k.averagePool(x.data.floats(), win, lo, hi, y.floats());
            }
        });
        return new NdArray(t, p.outShape(), y);
    }

    /**
     * The gradient of average pooling (its adjoint): each {@code gy} value divided by KH*KW is added
     * to every input pixel of its window. The result has {@code inputShape} (N, C, H, W).
     */
    public static NdArray averagePoolGrad(NdArray gy, int[] inputShape, ConvWindow g) {
        Pool.Geometry p = Pool.geometry("average_pooling spread", inputShape, g);
        Kernel k = Kernels.get();
        Window win = p.window();
        Pool.requireOut("average_pooling spread", "gy", gy, p);
        DType t = floatType("average_pooling spread", gy);
        Storage gx = Elementwise.alloc(t, Shapes.size(inputShape));
        forChunks(p.planes, chunks(p.planes, (long) p.oh * p.ow * g.kh * g.kw), (lo, hi) -> {
            if (t == DType.FLOAT64) {
                k.averagePoolSpread(gy.data.doubles(), win, lo, hi, gx.doubles());
            } else {
                k.averagePoolSpread(gy.data.floats(), win, lo, hi, gx.floats());
            }
        });
        return new NdArray(t, inputShape.clone(), gx);
    }
}
