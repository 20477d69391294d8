package dezero.transforms;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Turns a picture into an image array of shape (C, H, W) (DeZero's {@code transforms.ToArray},
 * which converts a PIL image): grey-level pictures give one channel, colour ones three (R, G, B),
 * those with transparency four (R, G, B, A); values 0..255 in the given dtype (float32 by
 * default). An {@link NdArray} passes through unchanged, as in the reference.
 *
 * <pre>{@code
 * jshell> var img = ToArray.read(Path.of("cat.png"));          // float32 (3, H, W)
 * jshell> var x = new Compose(new Resize(224), new Normalize(new double[] {123.7, 116.8, 103.9}, new double[] {1})).apply(img);
 * }</pre>
 */
public final class ToArray implements Transform {
    private final DType dtype;

    public ToArray() {
        this(DType.FLOAT32);
    }

    public ToArray(DType dtype) {
        this.dtype = Objects.requireNonNull(dtype, "ToArray: dtype is null");
    }

    /** Arrays are returned as they are, as the reference does. */
    @Override
    public NdArray apply(NdArray x) {
        return x;
    }

    @Override
    public NdArray applyBatch(NdArray batch) {
        return batch;
    }

    /** The picture as a (C, H, W) array of this transform's dtype. */
    public NdArray apply(BufferedImage image) {
        Objects.requireNonNull(image, "ToArray: image is null");
        int h = image.getHeight();
        int w = image.getWidth();
        boolean grey = image.getColorModel().getNumColorComponents() == 1 && !image.getColorModel().hasAlpha();
        boolean alpha = image.getColorModel().hasAlpha();
        int channels = grey ? 1 : alpha ? 4 : 3;
        double[] out = new double[channels * h * w];
        if (grey) {
            Raster raster = image.getRaster();
            int bits = image.getColorModel().getComponentSize(0);
            double toByte = bits == 8 ? 1.0 : 255.0 / ((1 << bits) - 1);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = Math.round(raster.getSample(x, y, 0) * toByte);
                }
            }
        } else {
            int plane = h * w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int argb = image.getRGB(x, y);
                    int i = y * w + x;
                    out[i] = (argb >> 16) & 0xff;
                    out[plane + i] = (argb >> 8) & 0xff;
                    out[2 * plane + i] = argb & 0xff;
                    if (alpha) {
                        out[3 * plane + i] = (argb >>> 24) & 0xff;
                    }
                }
            }
        }
        return NdArray.wrap(out, channels, h, w).astype(dtype);
    }

    /** Reads a PNG, JPEG, GIF or BMP file as a float32 (C, H, W) array. */
    public static NdArray read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + ": not an image in a format ImageIO can read (PNG, JPEG, GIF, BMP)");
        }
        return new ToArray().apply(image);
    }

    @Override
    public String toString() {
        return "ToArray(" + dtype + ")";
    }
}
