package dezero.examples;

import dezero.datasets.ArrayDataset;
import dezero.datasets.Batch;
import dezero.datasets.MNIST;
import dezero.ndarray.NdArray;
import dezero.transforms.Compose;
import dezero.transforms.Normalize;
import dezero.transforms.ToFloat;
import dezero.transforms.Transform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * MNIST for the image examples (mnist-cnn, gan, vae): images as float32 (N, 1, 28, 28) in [0, 1]
 * (the reference's {@code x / 255.0}, not flattened) and int64 labels, from a directory of IDX files
 * ({@code --data DIR}) or, without one, from the cache with a one-time download.
 */
final class MnistData {
    private MnistData() {
    }

    /** The option line the examples share. */
    static final String DATA_OPTION = "--data DIR    MNIST IDX files (*-idx3-ubyte[.gz]); default: download once to ~/.dezero";

    /** Grey levels 0..255 to float32 in [0, 1], keeping the (1, 28, 28) image shape. */
    static Transform imageTransform() {
        return new Compose(new ToFloat(), new Normalize(0.0, 255.0));
    }

    /**
     * The split in memory, at most {@code limit} examples (the first ones; {@code <= 0} for all).
     *
     * @param dir the IDX files, or {@code null} to use the download cache
     */
    static ArrayDataset load(Path dir, boolean train, int limit, PrintStream out) throws IOException {
        MNIST mnist = dir == null ? new MNIST(train, imageTransform(), null)
                : MNIST.fromDirectory(dir, train, imageTransform(), null);
        int n = limit <= 0 ? mnist.size() : Math.min(limit, mnist.size());
        int[] first = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = i;
        }
        Batch all = mnist.getBatch(first);
        out.printf("MNIST %s: %d of %d images from %s%n", train ? "train" : "test", n, mnist.size(),
                dir == null ? "the download cache" : dir);
        return new ArrayDataset(all.x(), all.t(), train, null, null);
    }

    /** The {@code --data} option as a path, or {@code null}. */
    static Path dataDir(Options options) {
        String d = options.get("data", null);
        return d == null ? null : Path.of(d);
    }

    /** Images (N, 1, 28, 28) to N rows of 784 values, for {@link dezero.examples.ui.Plots#imageGrid}. */
    static double[][] rows(NdArray images) {
        int n = images.shape(0);
        int pixels = images.size() / n;
        double[] all = images.toDoubleArray();
        double[][] out = new double[n][pixels];
        for (int i = 0; i < n; i++) {
            System.arraycopy(all, i * pixels, out[i], 0, pixels);
        }
        return out;
    }
}
