package dezero.transforms;

import dezero.ndarray.Index;
import dezero.ndarray.NdArray;

/**
 * Cuts the central {@code width x height} region out of an image array of shape (C, H, W) or
 * (H, W) (DeZero's {@code transforms.CenterCrop}, which calls PIL's {@code crop}). The size is
 * PIL's {@code (width, height)}; when the image is odd-sized the extra row or column is dropped
 * from the bottom or right, as the reference computes it, and a crop larger than the image is
 * padded with zeros, as PIL pads.
 *
 * <pre>{@code
 * jshell> new CenterCrop(2).apply(NdArray.arange(16).reshape(4, 4))
 * $1 ==> [[ 5  6]
 *         [ 9 10]]
 * }</pre>
 */
public final class CenterCrop implements Transform {
    private final int width;
    private final int height;

    public CenterCrop(int size) {
        this(size, size);
    }

    /** A crop {@code width} wide and {@code height} high (PIL's order). */
    public CenterCrop(int width, int height) {
        ImageShapes.requirePositive(width, height, "CenterCrop");
        this.width = width;
        this.height = height;
    }

    @Override
    public NdArray apply(NdArray x) {
        ImageShapes.requireImage(x, "CenterCrop");
        int inH = ImageShapes.height(x);
        int inW = ImageShapes.width(x);
        int left = Math.floorDiv(inW - width, 2);
        int up = Math.floorDiv(inH - height, 2);
        if (left >= 0 && up >= 0) {
            return x.getItem(Index.ellipsis(), Index.slice(up, up + height), Index.slice(left, left + width));
        }
        int planes = ImageShapes.planes(x);
        NdArray out = NdArray.zeros(x.dtype(), ImageShapes.withHw(x, height, width));
        for (int p = 0; p < planes; p++) {
            for (int r = 0; r < height; r++) {
                int sr = r + up;
                if (sr < 0 || sr >= inH) {
                    continue;
                }
                for (int c = 0; c < width; c++) {
                    int sc = c + left;
                    if (sc >= 0 && sc < inW) {
                        out.setFlat((p * height + r) * width + c, x.getFlat((p * inH + sr) * inW + sc));
                    }
                }
            }
        }
        return out;
    }

    /** Crops the last two axes, so a batch is cropped as a whole. */
    @Override
    public NdArray applyBatch(NdArray batch) {
        return apply(batch);
    }

    @Override
    public String toString() {
        return "CenterCrop(" + width + ", " + height + ")";
    }
}
