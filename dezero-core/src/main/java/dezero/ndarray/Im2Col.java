package dezero.ndarray;

/**
 * The inner loops of im2col and col2im for one image, on primitive arrays (float64 and float32
 * copies of the same code). The column matrix of one image has a row per kernel tap
 * {@code r = (c*KH + i)*KW + j} and a column per output position {@code p = oh*OW + ow}; element
 * (r, p) lives at {@code colOff + r*rowStride + p*posStride}. DeZero's {@code (N, C, KH, KW, OH, OW)}
 * layout is {@code rowStride = OH*OW, posStride = 1}; its {@code to_matrix} layout
 * {@code (N*OH*OW, C*KH*KW)} is {@code rowStride = 1, posStride = C*KH*KW}.
 *
 * <p>For each tap and output row the valid output columns (those reading inside the image) are a
 * contiguous range computed once, so the copy loop has no bounds tests; padding taps are written
 * as zeros.
 */
final class Im2Col {
    private Im2Col() {
    }

    /** First output column whose input column {@code ow*sw - pw + j} is {@code >= 0}. */
    static int firstValid(int j, ConvWindow g) {
        int d = g.pw - j;
        return d <= 0 ? 0 : (d + g.sw - 1) / g.sw;
    }

    /** One past the last output column whose input column is {@code < w}, at most {@code ow}. */
    static int endValid(int j, int w, int ow, ConvWindow g) {
        return Math.min(ow, Math.floorDiv(w - 1 + g.pw - j, g.sw) + 1);
    }

    static void im2col(double[] x, int xOff, int c, int h, int w, ConvWindow g, int oh, int ow,
                       double[] col, int colOff, int rowStride, int posStride) {
        for (int ch = 0; ch < c; ch++) {
            int plane = xOff + ch * h * w;
            for (int i = 0; i < g.kh; i++) {
                for (int j = 0; j < g.kw; j++) {
                    int row = colOff + ((ch * g.kh + i) * g.kw + j) * rowStride;
                    int lo = firstValid(j, g);
                    int hi = Math.max(lo, endValid(j, w, ow, g));
                    for (int y = 0; y < oh; y++) {
                        int iy = y * g.sh - g.ph + i;
                        int dst = row + y * ow * posStride;
                        if (iy < 0 || iy >= h) {
                            for (int p = 0; p < ow; p++) {
                                col[dst + p * posStride] = 0;
                            }
                            continue;
                        }
                        int src = plane + iy * w - g.pw + j;
                        for (int p = 0; p < lo; p++) {
                            col[dst + p * posStride] = 0;
                        }
                        if (posStride == 1 && g.sw == 1) {
                            System.arraycopy(x, src + lo, col, dst + lo, hi - lo);
                        } else {
                            for (int p = lo; p < hi; p++) {
                                col[dst + p * posStride] = x[src + p * g.sw];
                            }
                        }
                        for (int p = hi; p < ow; p++) {
                            col[dst + p * posStride] = 0;
                        }
                    }
                }
            }
        }
    }

    static void im2col(float[] x, int xOff, int c, int h, int w, ConvWindow g, int oh, int ow,
                       float[] col, int colOff, int rowStride, int posStride) {
        for (int ch = 0; ch < c; ch++) {
            int plane = xOff + ch * h * w;
            for (int i = 0; i < g.kh; i++) {
                for (int j = 0; j < g.kw; j++) {
                    int row = colOff + ((ch * g.kh + i) * g.kw + j) * rowStride;
                    int lo = firstValid(j, g);
                    int hi = Math.max(lo, endValid(j, w, ow, g));
                    for (int y = 0; y < oh; y++) {
                        int iy = y * g.sh - g.ph + i;
                        int dst = row + y * ow * posStride;
                        if (iy < 0 || iy >= h) {
                            for (int p = 0; p < ow; p++) {
                                col[dst + p * posStride] = 0;
                            }
                            continue;
                        }
                        int src = plane + iy * w - g.pw + j;
                        for (int p = 0; p < lo; p++) {
                            col[dst + p * posStride] = 0;
                        }
                        if (posStride == 1 && g.sw == 1) {
                            System.arraycopy(x, src + lo, col, dst + lo, hi - lo);
                        } else {
                            for (int p = lo; p < hi; p++) {
                                col[dst + p * posStride] = x[src + p * g.sw];
                            }
                        }
                        for (int p = hi; p < ow; p++) {
                            col[dst + p * posStride] = 0;
                        }
                    }
                }
            }
        }
    }

    /** Adds every column entry back onto the image position it was read from (padding taps are dropped). */
    static void col2im(double[] col, int colOff, int rowStride, int posStride, int c, int h, int w, ConvWindow g,
                       int oh, int ow, double[] img, int imgOff) {
        for (int ch = 0; ch < c; ch++) {
            int plane = imgOff + ch * h * w;
            for (int i = 0; i < g.kh; i++) {
                for (int j = 0; j < g.kw; j++) {
                    int row = colOff + ((ch * g.kh + i) * g.kw + j) * rowStride;
                    int lo = firstValid(j, g);
                    int hi = endValid(j, w, ow, g);
                    for (int y = 0; y < oh; y++) {
                        int iy = y * g.sh - g.ph + i;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int src = row + y * ow * posStride;
                        int dst = plane + iy * w - g.pw + j;
                        for (int p = lo; p < hi; p++) {
                            img[dst + p * g.sw] += col[src + p * posStride];
                        }
                    }
                }
            }
        }
    }

    static void col2im(float[] col, int colOff, int rowStride, int posStride, int c, int h, int w, ConvWindow g,
                       int oh, int ow, float[] img, int imgOff) {
        for (int ch = 0; ch < c; ch++) {
            int plane = imgOff + ch * h * w;
            for (int i = 0; i < g.kh; i++) {
                for (int j = 0; j < g.kw; j++) {
                    int row = colOff + ((ch * g.kh + i) * g.kw + j) * rowStride;
                    int lo = firstValid(j, g);
                    int hi = endValid(j, w, ow, g);
                    for (int y = 0; y < oh; y++) {
                        int iy = y * g.sh - g.ph + i;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        int src = row + y * ow * posStride;
                        int dst = plane + iy * w - g.pw + j;
                        for (int p = lo; p < hi; p++) {
                            img[dst + p * g.sw] += col[src + p * posStride];
                        }
                    }
                }
            }
        }
    }
}
