package dezero.models;

import dezero.transforms.Resampler;

/**
 * Pillow's {@code Image.resize(size)} for 8-bit RGB pictures with its default filter, bicubic,
 * so that the pretrained models see the pixels the reference's preprocessing gives them:
 * {@link Resampler}'s 8-bit passes over interleaved RGB values, the horizontal pass first (and
 * only over the rows the vertical pass reads, as Pillow).
 */
final class PillowResize {
    private PillowResize() {
    }

    /**
     * Resizes interleaved RGB values {@code rgb[(y * width + x) * 3 + c]} (0..255) to
     * {@code outWidth x outHeight}; the same size gives a copy, as in Pillow.
     */
    static int[] resize(int[] rgb, int width, int height, int outWidth, int outHeight) {
        long[] img = new long[rgb.length];
        for (int i = 0; i < img.length; i++) {
            img[i] = rgb[i];
        }
        int w = width;
        Resampler vertical = new Resampler(Resampler.Filter.BICUBIC, height, outHeight);
        int firstRow = 0;
        if (outWidth != width) {
            Resampler horizontal = new Resampler(Resampler.Filter.BICUBIC, width, outWidth);
            long[][] k = horizontal.fixedPoint();
            // only the rows the vertical pass reads
            firstRow = vertical.first(0);
            int rows = vertical.end(outHeight - 1) - firstRow;
            long[] tmp = new long[rows * outWidth * 3];
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < outWidth; x++) {
                    for (int c = 0; c < 3; c++) {
                        tmp[(y * outWidth + x) * 3 + c] = horizontal.apply8(img, (y + firstRow) * w * 3 + c, 3, x, k[x]);
                    }
                }
            }
            img = tmp;
            w = outWidth;
        }
        if (outHeight != height) {
            long[][] k = vertical.fixedPoint();
            long[] out = new long[outHeight * w * 3];
            for (int y = 0; y < outHeight; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        // the rows before firstRow were not computed by the horizontal pass
                        out[(y * w + x) * 3 + c] = vertical.apply8(img, (x - firstRow * w) * 3 + c, w * 3, y, k[y]);
                    }
                }
            }
            img = out;
        }
        int[] result = new int[img.length]; // without a vertical pass the horizontal one read every row
        for (int i = 0; i < result.length; i++) {
            result[i] = (int) img[i];
        }
        return result;
    }
}
