package dezero.ndarray;

/**
 * The loops of max and average pooling over image planes {@code [lo, hi)} (a plane is one
 * (n, c) pair), float64 and float32. Window taps that fall in the zero padding read as 0 and
 * receive no gradient.
 */
final class Pool {
    private Pool() {
    }

    /** Sizes of a pooling over an (N, C, H, W) input. */
    static final class Geometry {
        final int n, c, h, w, oh, ow, planes;
        final ConvWindow g;

        Geometry(int n, int c, int h, int w, ConvWindow g) {
            this.n = n;
            this.c = c;
            this.h = h;
            this.w = w;
            this.g = g;
            this.oh = g.outHeight(h);
            this.ow = g.outWidth(w);
            this.planes = n * c;
        }

        int outSize() {
            return Math.multiplyExact(planes, oh * ow);
        }

        int[] outShape() {
            return new int[] {n, c, oh, ow};
        }
    }

    static Geometry geometry(String op, int[] shape, ConvWindow g) {
        if (shape == null || shape.length != 4) {
            throw new IllegalArgumentException(op + ": the input must be 4-d (N, C, H, W), got shape "
                    + (shape == null ? "null" : Shapes.str(shape)));
        }
        g.requireFits(op, shape[2], shape[3], "input " + Shapes.str(shape));
        return new Geometry(shape[0], shape[1], shape[2], shape[3], g);
    }

    static void requireOut(String op, String name, NdArray a, Geometry p) {
        int[] want = p.outShape();
        if (!java.util.Arrays.equals(a.shape, want)) {
            throw new IllegalArgumentException(op + ": " + name + " has shape " + Shapes.str(a.shape) + ", expected "
                    + Shapes.str(want) + " for an input of (" + p.n + ", " + p.c + ", " + p.h + ", " + p.w + ") with "
                    + p.g);
        }
        if (name.equals("argmax") && a.dtype != DType.INT64) {
            throw new IllegalArgumentException(op + ": argmax must be int64, got " + a.dtype);
        }
    }

    /**
     * When every window lies inside the image (no padding reached), the offset of each tap
     * {@code t = i*KW + j} from its window's corner, {@code i*W + j}; else null. Saves
     * {@link #tapOffset}'s division per output in the backward pass.
     */
    private static int[] insideTapOffsets(Geometry p) {
        ConvWindow g = p.g;
        if (g.ph != 0 || g.pw != 0 || (p.oh - 1) * g.sh + g.kh > p.h || (p.ow - 1) * g.sw + g.kw > p.w) {
            return null;
        }
        int[] taps = new int[g.kh * g.kw];
        for (int i = 0, t = 0; i < g.kh; i++) {
            for (int j = 0; j < g.kw; j++, t++) {
                taps[t] = i * p.w + j;
            }
        }
        return taps;
    }

    /** Flat offset (within its plane) of tap {@code t = i*KW + j} of the window at (oy, ox), or -1 in the padding. */
    private static int tapOffset(Geometry p, int oy, int ox, int t) {
        ConvWindow g = p.g;
        int i = t / g.kw;
        int iy = oy * g.sh - g.ph + i;
        int ix = ox * g.sw - g.pw + t - i * g.kw;
        return iy < 0 || iy >= p.h || ix < 0 || ix >= p.w ? -1 : iy * p.w + ix;
    }

    static void max(double[] x, Geometry p, int lo, int hi, double[] y, long[] idx) {
        final int kh = p.g.kh, kw = p.g.kw, sh = p.g.sh, sw = p.g.sw, ph = p.g.ph, pw = p.g.pw;
        final int h = p.h, w = p.w, oh = p.oh, ow = p.ow;
        // output columns whose windows lie inside the image horizontally
        final int inLo = Math.min(ow, (pw + sw - 1) / sw);
        final int inHi = Math.max(inLo, Math.min(ow, Math.floorDiv(w - kw + pw, sw) + 1));
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * h * w;
            for (int oy = 0; oy < oh; oy++) {
                int iy0 = oy * sh - ph;
                int o = (pl * oh + oy) * ow;
                if (iy0 < 0 || iy0 + kh > h) {
                    maxWithPadding(x, p, xo, oy, 0, ow, y, idx, o);
                    continue;
                }
                maxWithPadding(x, p, xo, oy, 0, inLo, y, idx, o);
                maxWithPadding(x, p, xo, oy, inHi, ow, y, idx, o);
                // windows inside the image: one pass over the output row per tap (long, simple loops)
                int first = xo + iy0 * w + inLo * sw - pw;
                for (int ox = inLo, s = first; ox < inHi; ox++, s += sw) {
                    y[o + ox] = x[s];
                    idx[o + ox] = 0;
                }
                for (int i = 0, t = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++, t++) {
                        if (t == 0) {
                            continue;
                        }
                        for (int ox = inLo, s = first + i * w + j; ox < inHi; ox++, s += sw) {
                            double v = x[s];
                            double best = y[o + ox];
                            // a larger value, or the first NaN (np.max / np.argmax semantics)
                            if (v > best || (v != v && best == best)) {
                                y[o + ox] = v;
                                idx[o + ox] = t;
                            }
                        }
                    }
                }
            }
        }
    }

    /** Max pooling of output columns [ox0, ox1) of output row oy, with padding taps read as 0. */
    private static void maxWithPadding(double[] x, Geometry p, int xo, int oy, int ox0, int ox1, double[] y,
                                       long[] idx, int o) {
        ConvWindow g = p.g;
        int iy0 = oy * g.sh - g.ph;
        for (int ox = ox0; ox < ox1; ox++) {
            int ix0 = ox * g.sw - g.pw;
            double best = 0;
            int at = 0;
            for (int i = 0, t = 0; i < g.kh; i++) {
                int iy = iy0 + i;
                boolean rowInside = iy >= 0 && iy < p.h;
                for (int j = 0; j < g.kw; j++, t++) {
                    int ix = ix0 + j;
                    double v = rowInside && ix >= 0 && ix < p.w ? x[xo + iy * p.w + ix] : 0;
                    if (t == 0 || v > best || (v != v && best == best)) {
                        best = v;
                        at = t;
                    }
                }
            }
            y[o + ox] = best;
            idx[o + ox] = at;
        }
    }

    static void scatter(double[] gy, long[] idx, Geometry p, int lo, int hi, double[] gx) {
        int[] taps = insideTapOffsets(p);
        if (taps != null) {
            int sh = p.g.sh, sw = p.g.sw, w = p.w;
            for (int pl = lo; pl < hi; pl++) {
                int xo = pl * p.h * w;
                int o = pl * p.oh * p.ow;
                for (int oy = 0; oy < p.oh; oy++) {
                    int row = xo + oy * sh * w;
                    for (int ox = 0; ox < p.ow; ox++, o++) {
                        gx[row + ox * sw + taps[(int) idx[o]]] += gy[o];
                    }
                }
            }
            return;
        }
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * p.h * p.w;
            int o = pl * p.oh * p.ow;
            for (int oy = 0; oy < p.oh; oy++) {
                for (int ox = 0; ox < p.ow; ox++, o++) {
                    int off = tapOffset(p, oy, ox, (int) idx[o]);
                    if (off >= 0) {
                        gx[xo + off] += gy[o];
                    }
                }
            }
        }
    }

    static void gather(double[] x, long[] idx, Geometry p, int lo, int hi, double[] y) {
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * p.h * p.w;
            int o = pl * p.oh * p.ow;
            for (int oy = 0; oy < p.oh; oy++) {
                for (int ox = 0; ox < p.ow; ox++, o++) {
                    int off = tapOffset(p, oy, ox, (int) idx[o]);
                    y[o] = off < 0 ? 0 : x[xo + off];
                }
            }
        }
    }

    /** Window sums over KH*KW (float32 sums accumulate in double and round once). */
    static void average(double[] x, Geometry p, int lo, int hi, double[] y) {
        ConvWindow g = p.g;
        int taps = g.kh * g.kw;
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * p.h * p.w;
            int o = pl * p.oh * p.ow;
            for (int oy = 0; oy < p.oh; oy++) {
                int iyLo = Math.max(0, oy * g.sh - g.ph), iyHi = Math.min(p.h, oy * g.sh - g.ph + g.kh);
                for (int ox = 0; ox < p.ow; ox++, o++) {
                    int ixLo = Math.max(0, ox * g.sw - g.pw), ixHi = Math.min(p.w, ox * g.sw - g.pw + g.kw);
                    double s = 0;
                    for (int iy = iyLo; iy < iyHi; iy++) {
                        for (int ix = ixLo, r = xo + iy * p.w; ix < ixHi; ix++) {
                            s += x[r + ix];
                        }
                    }
                    y[o] = s / taps;
                }
            }
        }
    }

    static void spread(double[] gy, Geometry p, int lo, int hi, double[] gx) {
        ConvWindow g = p.g;
        int taps = g.kh * g.kw;
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * p.h * p.w;
            int o = pl * p.oh * p.ow;
            for (int oy = 0; oy < p.oh; oy++) {
                int iyLo = Math.max(0, oy * g.sh - g.ph), iyHi = Math.min(p.h, oy * g.sh - g.ph + g.kh);
                for (int ox = 0; ox < p.ow; ox++, o++) {
                    int ixLo = Math.max(0, ox * g.sw - g.pw), ixHi = Math.min(p.w, ox * g.sw - g.pw + g.kw);
                    double v = gy[o] / taps;
                    for (int iy = iyLo; iy < iyHi; iy++) {
                        for (int ix = ixLo, r = xo + iy * p.w; ix < ixHi; ix++) {
                            gx[r + ix] += v;
                        }
                    }
                }
            }
        }
    }

    static void max(float[] x, Geometry p, int lo, int hi, float[] y, long[] idx) {
        final int kh = p.g.kh, kw = p.g.kw, sh = p.g.sh, sw = p.g.sw, ph = p.g.ph, pw = p.g.pw;
        final int h = p.h, w = p.w, oh = p.oh, ow = p.ow;
        // output columns whose windows lie inside the image horizontally
        final int inLo = Math.min(ow, (pw + sw - 1) / sw);
        final int inHi = Math.max(inLo, Math.min(ow, Math.floorDiv(w - kw + pw, sw) + 1));
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * h * w;
            for (int oy = 0; oy < oh; oy++) {
                int iy0 = oy * sh - ph;
                int o = (pl * oh + oy) * ow;
                if (iy0 < 0 || iy0 + kh > h) {
                    maxWithPadding(x, p, xo, oy, 0, ow, y, idx, o);
                    continue;
                }
                maxWithPadding(x, p, xo, oy, 0, inLo, y, idx, o);
                maxWithPadding(x, p, xo, oy, inHi, ow, y, idx, o);
                int first = xo + iy0 * w + inLo * sw - pw;
                if (!maxInsideNoNaN(x, first, w, sw, kh, kw, inLo, inHi, y, idx, o)) {
                    maxInside(x, first, w, sw, kh, kw, inLo, inHi, y, idx, o);
                }
            }
        }
    }

    /**
     * The windows of output columns [inLo, inHi) of one output row, all inside the image, without a
     * branch per tap: "is this tap larger" on random data mispredicts about every other time, which
     * made max pooling the largest cost of a small CNN's step. Floats are compared as order-preserving
     * ints ({@link #orderKey}, with -0 equal to +0, so ties keep the first tap as {@code >} does).
     * Returns false, leaving the row to {@link #maxInside}, when the row holds a NaN.
     */
    private static boolean maxInsideNoNaN(float[] x, int first, int w, int sw, int kh, int kw, int inLo, int inHi,
                                          float[] y, long[] idx, int o) {
        if (kh == 2 && kw == 2) {
            return max2x2NoNaN(x, first, w, sw, inLo, inHi, y, idx, o);
        }
        int nan = 0;
        for (int ox = inLo, s = first; ox < inHi; ox++, s += sw) {
            int bestBits = Float.floatToRawIntBits(x[s]);
            int bestKey = orderKey(bestBits);
            int at = 0;
            nan |= isNaNBits(bestBits);
            for (int i = 0, t = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++, t++) {
                    int bits = Float.floatToRawIntBits(x[s + i * w + j]);
                    int key = orderKey(bits);
                    nan |= isNaNBits(bits);
                    // all ones when key > bestKey (the difference of two keys needs 33 bits)
                    int larger = (int) (((long) bestKey - key) >> 63);
                    bestKey ^= (bestKey ^ key) & larger;
                    bestBits ^= (bestBits ^ bits) & larger;
                    at ^= (at ^ t) & larger;
                }
            }
            y[o + ox] = Float.intBitsToFloat(bestBits);
            idx[o + ox] = at;
        }
        return nan == 0;
    }

    /** {@link #maxInsideNoNaN} for the common 2 x 2 window, unrolled (a loop of two taps costs more than the taps). */
    private static boolean max2x2NoNaN(float[] x, int first, int w, int sw, int inLo, int inHi, float[] y, long[] idx,
                                       int o) {
        int nan = 0;
        for (int ox = inLo, s = first; ox < inHi; ox++, s += sw) {
            int b0 = Float.floatToRawIntBits(x[s]);
            int b1 = Float.floatToRawIntBits(x[s + 1]);
            int b2 = Float.floatToRawIntBits(x[s + w]);
            int b3 = Float.floatToRawIntBits(x[s + w + 1]);
            nan |= isNaNBits(b0) | isNaNBits(b1) | isNaNBits(b2) | isNaNBits(b3);
            int bestBits = b0;
            int bestKey = orderKey(b0);
            int at = 0;
            int key = orderKey(b1);
            int larger = (int) (((long) bestKey - key) >> 63);
            bestKey ^= (bestKey ^ key) & larger;
            bestBits ^= (bestBits ^ b1) & larger;
            at ^= (at ^ 1) & larger;
            key = orderKey(b2);
            larger = (int) (((long) bestKey - key) >> 63);
            bestKey ^= (bestKey ^ key) & larger;
            bestBits ^= (bestBits ^ b2) & larger;
            at ^= (at ^ 2) & larger;
            key = orderKey(b3);
            larger = (int) (((long) bestKey - key) >> 63);
            bestBits ^= (bestBits ^ b3) & larger;
            at ^= (at ^ 3) & larger;
            y[o + ox] = Float.intBitsToFloat(bestBits);
            idx[o + ox] = at;
        }
        return nan == 0;
    }

    /** An int ordered as the (non-NaN) float with these bits, with -0 and +0 equal. */
    private static int orderKey(int bits) {
        int k = bits ^ ((bits >> 31) & 0x7fffffff);
        return k + (k >>> 31);
    }

    /** 1 when the bits are a NaN's, else 0. */
    private static int isNaNBits(int bits) {
        return (0x7f800000 - (bits & 0x7fffffff)) >>> 31;
    }

    /** {@link #maxInsideNoNaN} with NaN semantics: one pass over the output row per tap. */
    private static void maxInside(float[] x, int first, int w, int sw, int kh, int kw, int inLo, int inHi,
                                  float[] y, long[] idx, int o) {
        for (int ox = inLo, s = first; ox < inHi; ox++, s += sw) {
            y[o + ox] = x[s];
            idx[o + ox] = 0;
        }
        for (int i = 0, t = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++, t++) {
                if (t == 0) {
                    continue;
                }
                for (int ox = inLo, s = first + i * w + j; ox < inHi; ox++, s += sw) {
                    float v = x[s];
                    float best = y[o + ox];
                    // a larger value, or the first NaN (np.max / np.argmax semantics)
                    if (v > best || (v != v && best == best)) {
                        y[o + ox] = v;
                        idx[o + ox] = t;
                    }
                }
            }
        }
    }

    /** Max pooling of output columns [ox0, ox1) of output row oy, with padding taps read as 0. */
    private static void maxWithPadding(float[] x, Geometry p, int xo, int oy, int ox0, int ox1, float[] y,
                                       long[] idx, int o) {
        ConvWindow g = p.g;
        int iy0 = oy * g.sh - g.ph;
        for (int ox = ox0; ox < ox1; ox++) {
            int ix0 = ox * g.sw - g.pw;
            float best = 0;
            int at = 0;
            for (int i = 0, t = 0; i < g.kh; i++) {
                int iy = iy0 + i;
                boolean rowInside = iy >= 0 && iy < p.h;
                for (int j = 0; j < g.kw; j++, t++) {
                    int ix = ix0 + j;
                    float v = rowInside && ix >= 0 && ix < p.w ? x[xo + iy * p.w + ix] : 0;
                    if (t == 0 || v > best || (v != v && best == best)) {
                        best = v;
                        at = t;
                    }
                }
            }
            y[o + ox] = best;
            idx[o + ox] = at;
        }
    }

    static void scatter(float[] gy, long[] idx, Geometry p, int lo, int hi, float[] gx) {
        int[] taps = insideTapOffsets(p);
        if (taps != null) {
            int sh = p.g.sh, sw = p.g.sw, w = p.w;
            for (int pl = lo; pl < hi; pl++) {
                int xo = pl * p.h * w;
                int o = pl * p.oh * p.ow;
                for (int oy = 0; oy < p.oh; oy++) {
                    int row = xo + oy * sh * w;
                    for (int ox = 0; ox < p.ow; ox++, o++) {
                        gx[row + ox * sw + taps[(int) idx[o]]] += gy[o];
                    }
                }
            }
            return;
        }
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * p.h * p.w;
            int o = pl * p.oh * p.ow;
            for (int oy = 0; oy < p.oh; oy++) {
                for (int ox = 0; ox < p.ow; ox++, o++) {
                    int off = tapOffset(p, oy, ox, (int) idx[o]);
                    if (off >= 0) {
                        gx[xo + off] += gy[o];
                    }
                }
            }
        }
    }

    static void gather(float[] x, long[] idx, Geometry p, int lo, int hi, float[] y) {
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * p.h * p.w;
            int o = pl * p.oh * p.ow;
            for (int oy = 0; oy < p.oh; oy++) {
                for (int ox = 0; ox < p.ow; ox++, o++) {
                    int off = tapOffset(p, oy, ox, (int) idx[o]);
                    y[o] = off < 0 ? 0 : x[xo + off];
                }
            }
        }
    }

    static void average(float[] x, Geometry p, int lo, int hi, float[] y) {
        ConvWindow g = p.g;
        int taps = g.kh * g.kw;
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * p.h * p.w;
            int o = pl * p.oh * p.ow;
            for (int oy = 0; oy < p.oh; oy++) {
                int iyLo = Math.max(0, oy * g.sh - g.ph), iyHi = Math.min(p.h, oy * g.sh - g.ph + g.kh);
                for (int ox = 0; ox < p.ow; ox++, o++) {
                    int ixLo = Math.max(0, ox * g.sw - g.pw), ixHi = Math.min(p.w, ox * g.sw - g.pw + g.kw);
                    double s = 0;
                    for (int iy = iyLo; iy < iyHi; iy++) {
                        for (int ix = ixLo, r = xo + iy * p.w; ix < ixHi; ix++) {
                            s += x[r + ix];
                        }
                    }
                    y[o] = (float) (s / taps);
                }
            }
        }
    }

    static void spread(float[] gy, Geometry p, int lo, int hi, float[] gx) {
        ConvWindow g = p.g;
        int taps = g.kh * g.kw;
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * p.h * p.w;
            int o = pl * p.oh * p.ow;
            for (int oy = 0; oy < p.oh; oy++) {
                int iyLo = Math.max(0, oy * g.sh - g.ph), iyHi = Math.min(p.h, oy * g.sh - g.ph + g.kh);
                for (int ox = 0; ox < p.ow; ox++, o++) {
                    int ixLo = Math.max(0, ox * g.sw - g.pw), ixHi = Math.min(p.w, ox * g.sw - g.pw + g.kw);
                    float v = gy[o] / taps;
                    for (int iy = iyLo; iy < iyHi; iy++) {
                        for (int ix = ixLo, r = xo + iy * p.w; ix < ixHi; ix++) {
                            gx[r + ix] += v;
                        }
                    }
                }
            }
        }
    }
}
