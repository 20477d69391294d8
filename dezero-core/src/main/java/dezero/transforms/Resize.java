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
 * height (see {@link Resampler}). Float32 images are computed as PIL computes mode-F images (float64 sums, float32
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
        Resampler cx = new Resampler(Resampler.Filter.BILINEAR, inW, width);
        Resampler cy = new Resampler(Resampler.Filter.BILINEAR, inH, height);
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
    private long[] resize8Bit(NdArray x, int planes, int inH, int inW, Resampler cx, Resampler cy) {
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
                            : cx.apply8(in, base + r * inW, 1, c, kx[c]);
                }
            }
            int outBase = p * height * width;
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    out[outBase + r * width + c] = height == inH ? tmp[r * width + c]
                            : cy.apply8(tmp, c, width, r, ky[r]);
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

    @Override
    public String toString() {
        return "Resize(" + width + ", " + height + ")";
    }
}
