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

    /** Flat input offset (within its plane) of tap {@code t} of the window at (oy, ox), or -1 in the padding. */
    private static int tapOffset(Geometry p, int oy, int ox, int t) {
        ConvWindow g = p.g;
        int iy = oy * g.sh - g.ph + t / g.kw;
        int ix = ox * g.sw - g.pw + t % g.kw;
        return iy < 0 || iy >= p.h || ix < 0 || ix >= p.w ? -1 : iy * p.w + ix;
    }

    static void max(double[] x, Geometry p, int lo, int hi, double[] y, long[] idx) {
        ConvWindow g = p.g;
        int taps = g.kh * g.kw;
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * p.h * p.w;
            int o = pl * p.oh * p.ow;
            for (int oy = 0; oy < p.oh; oy++) {
                for (int ox = 0; ox < p.ow; ox++, o++) {
                    double best = 0;
                    int at = 0;
                    for (int t = 0; t < taps; t++) {
                        int off = tapOffset(p, oy, ox, t);
                        double v = off < 0 ? 0 : x[xo + off];
                        if (t == 0 || v > best || (v != v && best == best)) {
                            best = v;
                            at = t;
                        }
                    }
                    y[o] = best;
                    idx[o] = at;
                }
            }
        }
    }

    static void max(float[] x, Geometry p, int lo, int hi, float[] y, long[] idx) {
        ConvWindow g = p.g;
        int taps = g.kh * g.kw;
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * p.h * p.w;
            int o = pl * p.oh * p.ow;
            for (int oy = 0; oy < p.oh; oy++) {
                for (int ox = 0; ox < p.ow; ox++, o++) {
                    float best = 0;
                    int at = 0;
                    for (int t = 0; t < taps; t++) {
                        int off = tapOffset(p, oy, ox, t);
                        float v = off < 0 ? 0 : x[xo + off];
                        if (t == 0 || v > best || (v != v && best == best)) {
                            best = v;
                            at = t;
                        }
                    }
                    y[o] = best;
                    idx[o] = at;
                }
            }
        }
    }

    static void scatter(double[] gy, long[] idx, Geometry p, int lo, int hi, double[] gx) {
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

    static void scatter(float[] gy, long[] idx, Geometry p, int lo, int hi, float[] gx) {
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

    static void average(double[] x, Geometry p, int lo, int hi, double[] y) {
        int taps = p.g.kh * p.g.kw;
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * p.h * p.w;
            int o = pl * p.oh * p.ow;
            for (int oy = 0; oy < p.oh; oy++) {
                for (int ox = 0; ox < p.ow; ox++, o++) {
                    double s = 0;
                    for (int t = 0; t < taps; t++) {
                        int off = tapOffset(p, oy, ox, t);
                        if (off >= 0) {
                            s += x[xo + off];
                        }
                    }
                    y[o] = s / taps;
                }
            }
        }
    }

    /** float32 window sums accumulate in double and round once. */
    static void average(float[] x, Geometry p, int lo, int hi, float[] y) {
        int taps = p.g.kh * p.g.kw;
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * p.h * p.w;
            int o = pl * p.oh * p.ow;
            for (int oy = 0; oy < p.oh; oy++) {
                for (int ox = 0; ox < p.ow; ox++, o++) {
                    double s = 0;
                    for (int t = 0; t < taps; t++) {
                        int off = tapOffset(p, oy, ox, t);
                        if (off >= 0) {
                            s += x[xo + off];
                        }
                    }
                    y[o] = (float) (s / taps);
                }
            }
        }
    }

    static void spread(double[] gy, Geometry p, int lo, int hi, double[] gx) {
        int taps = p.g.kh * p.g.kw;
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * p.h * p.w;
            int o = pl * p.oh * p.ow;
            for (int oy = 0; oy < p.oh; oy++) {
                for (int ox = 0; ox < p.ow; ox++, o++) {
                    double v = gy[o] / taps;
                    for (int t = 0; t < taps; t++) {
                        int off = tapOffset(p, oy, ox, t);
                        if (off >= 0) {
                            gx[xo + off] += v;
                        }
                    }
                }
            }
        }
    }

    static void spread(float[] gy, Geometry p, int lo, int hi, float[] gx) {
        int taps = p.g.kh * p.g.kw;
        for (int pl = lo; pl < hi; pl++) {
            int xo = pl * p.h * p.w;
            int o = pl * p.oh * p.ow;
            for (int oy = 0; oy < p.oh; oy++) {
                for (int ox = 0; ox < p.ow; ox++, o++) {
                    float v = gy[o] / taps;
                    for (int t = 0; t < taps; t++) {
                        int off = tapOffset(p, oy, ox, t);
                        if (off >= 0) {
                            gx[xo + off] += v;
                        }
                    }
                }
            }
        }
    }
}
