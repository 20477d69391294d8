package dezero.models;

import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * The Caffe-style input of the pretrained image models: an RGB picture becomes a float32
 * {@code (3, H, W)} array in BGR order with a per-channel mean subtracted (pixel values 0..255).
 */
final class Images {
    private Images() {
    }

    /**
     * The reference's {@code preprocess(image, size)}: {@code image.convert('RGB')}, Pillow's
     * default (bicubic) resize to width x height, then {@link #bgrMinusMean}.
     */
    static NdArray preprocess(BufferedImage image, int width, int height, double[] bgrMean, String op) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(op + ": size must be positive, got (" + width + ", " + height + ")");
        }
        int[] rgb = rgbValues(image);
        int[] resized = PillowResize.resize(rgb, image.getWidth(), image.getHeight(), width, height);
        float[] values = new float[resized.length];
        for (int i = 0; i < resized.length; i++) {
            values[i] = resized[i];
        }
        return bgrMinusMean(NdArray.wrap(values, height, width, 3), bgrMean, op);
    }

    /**
     * The picture's RGB values (0..255), interleaved row by row, as {@code image.convert('RGB')}:
     * alpha is dropped, a grey picture gives three equal channels.
     */
    static int[] rgbValues(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        int[] out = new int[h * w * 3];
        boolean grey = image.getType() == BufferedImage.TYPE_BYTE_GRAY;
        // getRGB would convert a grey image's linear colour space to sRGB and change its values.
        Raster raster = grey ? image.getRaster() : null;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                if (grey) {
                    int v = raster.getSample(x, y, 0);
                    out[i] = v;
                    out[i + 1] = v;
                    out[i + 2] = v;
                } else {
                    int argb = image.getRGB(x, y);
                    out[i] = (argb >> 16) & 0xff;
                    out[i + 1] = (argb >> 8) & 0xff;
                    out[i + 2] = argb & 0xff;
                }
            }
        }
        return out;
    }

    /**
     * {@code (H, W, 3)} RGB values to a float32 {@code (3, H, W)} BGR array minus {@code bgrMean}:
     * {@code image[:, :, ::-1] - mean}, then {@code transpose(2, 0, 1)}.
     */
    static NdArray bgrMinusMean(NdArray rgb, double[] bgrMean, String op) {
        int[] s = rgb.shape();
        if (s.length != 3 || s[2] != 3) {
            throw new IllegalArgumentException(op + ": image must be (H, W, 3) RGB, got shape " + Shapes.str(s));
        }
        int h = s[0];
        int w = s[1];
        double[] in = rgb.toDoubleArray();
        float[] out = new float[3 * h * w];
        for (int c = 0; c < 3; c++) {
            int rgbChannel = 2 - c;
            float mean = (float) bgrMean[c];
            for (int p = 0; p < h * w; p++) {
                out[c * h * w + p] = (float) in[p * 3 + rgbChannel] - mean;
            }
        }
        return NdArray.wrap(out, 3, h, w);
    }
}
