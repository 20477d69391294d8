package dezero.transforms;

import dezero.ndarray.NdArray;

import java.util.Arrays;

/** Shape checks shared by the image transforms, which work on the last two axes (H, W) of CHW or HW arrays. */
final class ImageShapes {
    private ImageShapes() {
    }

    static void requireImage(NdArray x, String op) {
        if (x.ndim() < 2) {
            throw new IllegalArgumentException(op + ": expected an image of shape (C, H, W) or (H, W), got shape "
                    + Arrays.toString(x.shape()));
        }
    }

    static int height(NdArray x) {
        return x.shape(-2);
    }

    static int width(NdArray x) {
        return x.shape(-1);
    }

    /** The number of (H, W) planes: the product of all leading axes. */
    static int planes(NdArray x) {
        int h = height(x);
        int w = width(x);
        return h * w == 0 ? 0 : x.size() / (h * w);
    }

    /** {@code x}'s shape with the last two axes replaced. */
    static int[] withHw(NdArray x, int h, int w) {
        int[] s = x.shape();
        s[s.length - 2] = h;
        s[s.length - 1] = w;
        return s;
    }

    static void requirePositive(int width, int height, String op) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(op + ": size must be positive, got (width " + width + ", height " + height + ")");
        }
    }
}
