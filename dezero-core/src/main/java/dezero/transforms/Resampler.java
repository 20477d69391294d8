package dezero.transforms;

/**
 * Pillow's resampling along one axis ({@code Resample.c}), for the filter given: the weights of
 * every output position ({@code precompute_coeffs}: a filter whose support widens by the scale
 * when shrinking, so downscaling averages without aliasing), applied in floating point or, for
 * 8-bit images, in Pillow's fixed point (22 fraction bits, rounded and clipped to 0..255 after
 * each pass). An image is resized by one pass along its width and one along its height, each
 * skipped when that size does not change, as Pillow does. {@link Resize} uses the bilinear
 * filter (DeZero's transform); the pretrained models' preprocessing uses the bicubic one
 * (Pillow's default).
 *
 * <pre>{@code
 * jshell> new Resampler(Resampler.Filter.BILINEAR, 4, 2).apply(new double[] {0, 1, 2, 3}, 0, 1, 0)
 * $1 ==> 0.7142857142857143
 * }</pre>
 */
public final class Resampler {
    /** The filters, with Pillow's supports: bilinear (a triangle) and bicubic ({@code a = -0.5}). */
    public enum Filter {
        BILINEAR(1.0),
        BICUBIC(2.0);

        final double support;

        Filter(double support) {
            this.support = support;
        }

        double weight(double x) {
            x = Math.abs(x);
            if (this == BILINEAR) {
                return x < 1.0 ? 1.0 - x : 0.0;
            }
            final double a = -0.5;
            if (x < 1.0) {
                return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
            }
            if (x < 2.0) {
                return (((x - 5) * x + 8) * x - 4) * a;
            }
            return 0.0;
        }
    }

    private static final int PRECISION_BITS = 32 - 8 - 2;

    /** The first input index each output position reads. */
    final int[] start;
    /** The normalized weights of each output position. */
    final double[][] weights;

    /** The coefficients of resampling {@code inSize} positions to {@code outSize} with {@code filter}. */
    public Resampler(Filter filter, int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = filter.support * filterScale;
        double invScale = 1.0 / filterScale; // Pillow multiplies by the reciprocal; so do we, for equal rounding
        start = new int[outSize];
        weights = new double[outSize][];
        for (int o = 0; o < outSize; o++) {
            double center = (o + 0.5) * scale;
            int min = Math.max((int) (center - support + 0.5), 0);
            int max = Math.min((int) (center + support + 0.5), inSize) - min;
            double[] k = new double[Math.max(max, 0)];
            double sum = 0;
            for (int i = 0; i < k.length; i++) {
                k[i] = filter.weight((i + min - center + 0.5) * invScale);
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

    /** The number of output positions. */
    public int outSize() {
        return start.length;
    }

    /** The first input position that output {@code o} reads. */
    public int first(int o) {
        return start[o];
    }

    /** One past the last input position that output {@code o} reads. */
    public int end(int o) {
        return start[o] + weights[o].length;
    }

    /** Pillow's {@code normalize_coeffs_8bpc}: the weights in fixed point, rounded half away from zero. */
    public long[][] fixedPoint() {
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

    /**
     * One 8-bit output value from the line starting at {@code base} (input position p at
     * {@code base + p * stride}): the fixed-point sum over output {@code o}'s positions with the
     * weights {@code k} of {@link #fixedPoint()}, rounded, then clipped to 0..255 as Pillow's
     * {@code clip8}.
     */
    public long apply8(long[] line, int base, int stride, int o, long[] k) {
        int from = base + start[o] * stride;
        long s = 1L << (PRECISION_BITS - 1);
        for (int i = 0; i < k.length; i++) {
            s += line[from + i * stride] * k[i];
        }
        return Math.max(0, Math.min(255, s >> PRECISION_BITS));
    }

    /** The filtered value at output position {@code o} of the line starting at {@code base} with stride {@code stride}. */
    public double apply(double[] line, int base, int stride, int o) {
        double[] k = weights[o];
        int from = base + start[o] * stride;
        double s = 0;
        for (int i = 0; i < k.length; i++) {
            s += line[from + i * stride] * k[i];
        }
        return s;
    }
}
