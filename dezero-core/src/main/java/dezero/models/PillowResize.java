package dezero.models;

/**
 * Pillow's {@code Image.resize(size)} for 8-bit RGB pictures with its default filter, bicubic
 * ({@code a = -0.5}), so that the pretrained models see the pixels the reference's preprocessing
 * gives them: a separable convolution whose support widens by the scale when shrinking
 * (antialiasing), horizontal pass first, fixed-point weights of 22 bits, each pass rounded and
 * clipped to 0..255 (Pillow's {@code Resample.c}).
 */
final class PillowResize {
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double SUPPORT = 2.0;

    private PillowResize() {
    }

    private static double bicubic(double x) {
        final double a = -0.5;
        x = Math.abs(x);
        if (x < 1.0) {
            return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0.0;
    }

    /** For each output position: the first input index, the count, and fixed-point weights. */
    private static final class Coefficients {
        final int[] first;
        final int[] count;
        final int[][] weights;

        Coefficients(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = SUPPORT * filterScale;
            first = new int[outSize];
            count = new int[outSize];
            weights = new int[outSize][];
            for (int o = 0; o < outSize; o++) {
                double center = (o + 0.5) * scale;
                int min = Math.max((int) (center - support + 0.5), 0);
                int max = Math.min((int) (center + support + 0.5), inSize) - min;
                double[] k = new double[max];
                double sum = 0;
                for (int i = 0; i < max; i++) {
                    k[i] = bicubic((i + min - center + 0.5) / filterScale);
                    sum += k[i];
                }
                int[] fixed = new int[max];
                for (int i = 0; i < max; i++) {
                    double w = sum != 0.0 ? k[i] / sum : k[i];
                    fixed[i] = (int) (w < 0 ? -0.5 + w * (1 << PRECISION_BITS) : 0.5 + w * (1 << PRECISION_BITS));
                }
                first[o] = min;
                count[o] = max;
                weights[o] = fixed;
            }
        }
    }

    private static int clip8(int v) {
        int shifted = v >> PRECISION_BITS;
        return shifted < 0 ? 0 : Math.min(shifted, 255);
    }

    /**
     * Resizes interleaved RGB values {@code rgb[(y * width + x) * 3 + c]} (0..255) to
     * {@code outWidth x outHeight}; the same size gives a copy, as in Pillow.
     */
    static int[] resize(int[] rgb, int width, int height, int outWidth, int outHeight) {
        int[] img = rgb.clone();
        int w = width;
        Coefficients vertical = new Coefficients(height, outHeight);
        if (outWidth != width) {
            Coefficients horizontal = new Coefficients(width, outWidth);
            // only the rows the vertical pass reads
            int firstRow = vertical.first[0];
            int lastRow = vertical.first[outHeight - 1] + vertical.count[outHeight - 1];
            int rows = lastRow - firstRow;
            int[] tmp = new int[rows * outWidth * 3];
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < outWidth; x++) {
                    int[] k = horizontal.weights[x];
                    for (int c = 0; c < 3; c++) {
                        int ss = 1 << (PRECISION_BITS - 1);
                        for (int i = 0; i < k.length; i++) {
                            ss += img[((y + firstRow) * w + horizontal.first[x] + i) * 3 + c] * k[i];
                        }
                        tmp[(y * outWidth + x) * 3 + c] = clip8(ss);
                    }
                }
            }
            for (int o = 0; o < outHeight; o++) {
                vertical.first[o] -= firstRow;
            }
            img = tmp;
            w = outWidth;
        }
        if (outHeight != height) {
            int[] out = new int[outHeight * w * 3];
            for (int y = 0; y < outHeight; y++) {
                int[] k = vertical.weights[y];
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        int ss = 1 << (PRECISION_BITS - 1);
                        for (int i = 0; i < k.length; i++) {
                            ss += img[((vertical.first[y] + i) * w + x) * 3 + c] * k[i];
                        }
                        out[(y * w + x) * 3 + c] = clip8(ss);
                    }
                }
            }
            img = out;
        }
        return img; // without a vertical pass the horizontal one read every row
    }
}
