package dezero.transforms;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

/**
 * Resizes an image array of shape (C, H, W) or (H, W) with bilinear interpolation (DeZero's
 * {@code transforms.Resize}, which calls PIL's {@code resize(size, BILINEAR)}).
 *
 * <p>The size is PIL's {@code (width, height)}, as in the reference; {@code new Resize(224)}
 * makes 224 x 224. The filter is PIL's: a triangle filter widened by the scale factor when
 * shrinking (so downscaling averages, without aliasing), applied along the width and then the
 * height. Float32 images are computed as PIL computes mode-F images (float64 sums, float32
 * results after each pass) and agree with it; float64 ones stay float64 throughout; integer
 * images must hold 8-bit values 0..255 and are resized with PIL's 8-bit fixed-point arithmetic
 * (the same bytes as PIL's mode L).
 *
 * <pre>{@code
 * jshell> new Resize(2, 1).apply(NdArray.array(new float[][] {{0, 1, 2, 3}}))
 * $1 ==> [[0.71428573 2.2857144 ]]
 * }</pre>
 */
public final class Resize implements Transform {
    private final int width;
    private final int height;

    /** A square size x size output. */
    public Resize(int size) {
        this(size, size);
    }

    /** An output {@code width} wide and {@code height} high (PIL's order). */
    public Resize(int width, int height) {
        ImageShapes.requirePositive(width, height, "Resize");
        this.width = width;
        this.height = height;
    }

    @Override
    public NdArray apply(NdArray x) {
        ImageShapes.requireImage(x, "Resize");
        int inH = ImageShapes.height(x);
        int inW = ImageShapes.width(x);
        if (inH == 0 || inW == 0) {
            throw new IllegalArgumentException("Resize: cannot resize an empty image of shape " + java.util.Arrays.toString(x.shape()));
        }
        int planes = ImageShapes.planes(x);
        Coefficients cx = new Coefficients(inW, width);
        Coefficients cy = new Coefficients(inH, height);
        int[] shape = ImageShapes.withHw(x, height, width);
        if (!x.dtype().isFloating()) {
            return NdArray.wrap(resize8Bit(x, planes, inH, inW, cx, cy), shape).astype(x.dtype());
        }
        boolean f32 = x.dtype() == DType.FLOAT32;
        double[] in = x.toDoubleArray();
        double[] out = new double[planes * height * width];
        // As PIL, a pass whose axis keeps its size is skipped (not run as an identity filter).
        double[] tmp = new double[inH * width];
        for (int p = 0; p < planes; p++) {
            int base = p * inH * inW;
            for (int r = 0; r < inH; r++) {
                for (int c = 0; c < width; c++) {
                    double v = width == inW ? in[base + r * inW + c] : cx.apply(in, base + r * inW, 1, c);
                    tmp[r * width + c] = f32 ? (float) v : v;
                }
            }
            int outBase = p * height * width;
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    out[outBase + r * width + c] = height == inH ? tmp[r * width + c] : cy.apply(tmp, c, width, r);
                }
            }
        }
        NdArray result = NdArray.wrap(out, shape);
        return f32 ? result.astype(DType.FLOAT32) : result;
    }

    /** PIL's 8-bit path: fixed-point weights with 22 fraction bits, rounding to a byte after each pass. */
    private long[] resize8Bit(NdArray x, int planes, int inH, int inW, Coefficients cx, Coefficients cy) {
        long[] in = x.toLongArray();
        for (long v : in) {
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("Resize: an integer image must hold 8-bit values 0..255 (as PIL's), found "
                        + v + " in an image of shape " + java.util.Arrays.toString(x.shape()) + "; convert it to float first");
            }
        }
        long[][] kx = cx.fixedPoint();
        long[][] ky = cy.fixedPoint();
        long[] out = new long[planes * height * width];
        long[] tmp = new long[inH * width];
        for (int p = 0; p < planes; p++) {
            int base = p * inH * inW;
            for (int r = 0; r < inH; r++) {
                for (int c = 0; c < width; c++) {
                    tmp[r * width + c] = width == inW ? in[base + r * inW + c]
                            : Coefficients.apply8(in, base + r * inW + cx.start[c], 1, kx[c]);
                }
            }
            int outBase = p * height * width;
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    out[outBase + r * width + c] = height == inH ? tmp[r * width + c]
                            : Coefficients.apply8(tmp, c + cy.start[r] * width, width, ky[r]);
                }
            }
        }
        return out;
    }

    /** Resizes the last two axes, so a batch is resized as a whole. */
    @Override
    public NdArray applyBatch(NdArray batch) {
        return apply(batch);
    }

    /** PIL's {@code precompute_coeffs} for the bilinear filter, support 1, along one axis. */
    private static final class Coefficients {
        final int[] start;
        final double[][] weights;

        Coefficients(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = filterScale;
            start = new int[outSize];
            weights = new double[outSize][];
            for (int o = 0; o < outSize; o++) {
                double center = (o + 0.5) * scale;
                int min = Math.max((int) (center - support + 0.5), 0);
                int max = Math.min((int) (center + support + 0.5), inSize) - min;
                double[] k = new double[Math.max(max, 0)];
                double sum = 0;
                double invScale = 1.0 / filterScale;   // PIL multiplies by the reciprocal; so do we, for equal rounding
                for (int i = 0; i < k.length; i++) {
                    double t = Math.abs((i + min - center + 0.5) * invScale);
                    k[i] = t < 1.0 ? 1.0 - t : 0.0;
                    sum += k[i];
                }
                if (sum != 0) {
                    for (int i = 0; i < k.length; i++) {
                        k[i] /= sum;
                    }
                }
                start[o] = min;
                weights[o] = k;
            }
        }

        private static final int PRECISION_BITS = 32 - 8 - 2;

        /** PIL's {@code normalize_coeffs_8bpc}: the weights in fixed point, rounded half away from zero. */
        long[][] fixedPoint() {
            long[][] out = new long[weights.length][];
            for (int o = 0; o < weights.length; o++) {
                out[o] = new long[weights[o].length];
                for (int i = 0; i < weights[o].length; i++) {
                    double w = weights[o][i] * (1 << PRECISION_BITS);
                    out[o][i] = (long) (w < 0 ? w - 0.5 : w + 0.5);
                }
            }
            return out;
        }

        /** One fixed-point output byte: rounded, then clipped to 0..255 as PIL's {@code clip8}. */
        static long apply8(long[] line, int from, int stride, long[] k) {
            long s = 1L << (PRECISION_BITS - 1);
            for (int i = 0; i < k.length; i++) {
                s += line[from + i * stride] * k[i];
            }
            return Math.max(0, Math.min(255, s >> PRECISION_BITS));
        }

        /** The filtered value at output position {@code o} of the line starting at {@code base} with stride {@code stride}. */
        double apply(double[] line, int base, int stride, int o) {
            double[] k = weights[o];
            int from = base + start[o] * stride;
            double s = 0;
            for (int i = 0; i < k.length; i++) {
                s += line[from + i * stride] * k[i];
            }
            return s;
        }
    }

    @Override
    public String toString() {
        return "Resize(" + width + ", " + height + ")";
    }
}
