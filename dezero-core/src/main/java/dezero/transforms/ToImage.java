package dezero.transforms;

import dezero.ndarray.NdArray;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Turns an image array of shape (1, H, W), (3, H, W) or (H, W) with values 0..255 into a
 * picture (DeZero's {@code transforms.ToPIL}); values are rounded and clipped to 0..255. Write it
 * with {@code ImageIO.write(image, "png", file)}.
 *
 * <pre>{@code
 * jshell> var img = ToImage.of(NdArray.full(255, DType.FLOAT32, 3, 8, 8));
 * jshell> ImageIO.write(img, "png", new File("white.png"));
 * }</pre>
 */
public final class ToImage {
    private ToImage() {
    }

    public static BufferedImage of(NdArray x) {
        int[] s = x.shape();
        int channels = s.length == 2 ? 1 : s.length == 3 ? s[0] : -1;
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("ToImage: expected shape (1, H, W), (3, H, W) or (H, W), got " + Arrays.toString(s));
        }
        int h = s[s.length - 2];
        int w = s[s.length - 1];
        if (h == 0 || w == 0) {
            throw new IllegalArgumentException("ToImage: empty image of shape " + Arrays.toString(s));
        }
        BufferedImage image = new BufferedImage(w, h, channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        int plane = h * w;
        for (int y = 0; y < h; y++) {
            for (int xx = 0; xx < w; xx++) {
                int i = y * w + xx;
                if (channels == 1) {
                    image.getRaster().setSample(xx, y, 0, toByte(x.getFlat(i)));
                } else {
                    int rgb = (toByte(x.getFlat(i)) << 16) | (toByte(x.getFlat(plane + i)) << 8) | toByte(x.getFlat(2 * plane + i));
                    image.setRGB(xx, y, rgb);
                }
            }
        }
        return image;
    }

    private static int toByte(double v) {
        if (Double.isNaN(v)) {
            return 0;
        }
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
