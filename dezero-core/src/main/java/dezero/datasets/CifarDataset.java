package dezero.datasets;

import dezero.ndarray.NdArray;
import dezero.transforms.Transform;

/** The images and one label kind of a decoded CIFAR split, served as int64 (3, 32, 32) images and 0-d int64 labels. */
abstract class CifarDataset extends Dataset {
    private final byte[] pixels;
    private final byte[] labels;
    private final int count;

    CifarDataset(CifarFiles.Decoded decoded, int labelIndex, boolean train, Transform transform, Transform targetTransform) {
        super(train, transform, targetTransform);
        this.pixels = decoded.pixels();
        this.labels = decoded.labels()[labelIndex];
        this.count = decoded.count();
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    protected NdArray data(int index) {
        return data(new int[] {index}).reshape(3, 32, 32);
    }

    @Override
    protected NdArray label(int index) {
        return NdArray.scalar((long) (labels[index] & 0xff));
    }

    @Override
    protected NdArray data(int[] indices) {
        int px = CifarFiles.PIXELS;
        long[] out = new long[indices.length * px];
        for (int k = 0; k < indices.length; k++) {
            int src = indices[k] * px;
            for (int p = 0; p < px; p++) {
                out[k * px + p] = pixels[src + p] & 0xff;
            }
        }
        return NdArray.wrap(out, indices.length, 3, 32, 32);
    }

    @Override
    protected NdArray label(int[] indices) {
        long[] out = new long[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = labels[indices[k]] & 0xff;
        }
        return NdArray.wrap(out, indices.length);
    }
}
