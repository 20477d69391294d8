package dezero.datasets;

import dezero.ndarray.NdArray;
import dezero.transforms.Compose;
import dezero.transforms.Flatten;
import dezero.transforms.Normalize;
import dezero.transforms.ToFloat;
import dezero.transforms.Transform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MNIST handwritten digits (DeZero's {@code datasets.MNIST}): grey-level images of
 * 1 x 28 x 28 and labels 0..9, 60,000 for training and 10,000 for testing, read from the
 * standard IDX files ({@code train-images-idx3-ubyte.gz}, {@code train-labels-idx1-ubyte.gz},
 * {@code t10k-images-idx3-ubyte.gz}, {@code t10k-labels-idx1-ubyte.gz}).
 *
 * <p>{@code new MNIST(train)} reads them from the {@link FileCache#defaultCache() cache}
 * ({@code ~/.dezero}, or {@code -Ddezero.cache=DIR}) and downloads the missing ones once from
 * the reference's mirror {@link #MIRROR}; {@link #fromDirectory} reads a directory of local files
 * (compressed or not) and never goes online.
 *
 * <p>Raw images are int64 arrays of shape (1, 28, 28) with values 0..255 (the reference keeps
 * uint8, which NdArray lacks), labels 0-d int64. The default transform is the reference's:
 * {@code Compose(Flatten, ToFloat, Normalize(0, 255))}, giving float32 vectors of 784 values in
 * [0, 1]. Files are checked as they are read: magic numbers, sizes of 28 x 28, data as long as the
 * header says, as many labels as images, labels 0..9; any problem is an {@link IOException}
 * naming the file.
 *
 * <pre>{@code
 * jshell> var train = new MNIST(true);                 // downloads to ~/.dezero the first time
 * jshell> var test = MNIST.fromDirectory(Path.of("data/mnist"), false);
 * jshell> train.get(0).x().shape()
 * $3 ==> int[1] { 784 }
 * jshell> var loader = new DataLoader(train, 100);
 * }</pre>
 */
public final class MNIST extends Dataset {
    /** The mirror the reference downloads from. */
    public static final URI MIRROR = URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/");
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    public static final int ROWS = 28;
    public static final int COLS = 28;
    private static final int CLASSES = 10;

    private final byte[] images;
    private final byte[] labels;
    private final int count;
    private final int pixels;

    /** The training or test set from the default cache, downloading it once if needed, with the default transform. */
    public MNIST(boolean train) throws IOException {
        this(train, defaultTransform(), null);
    }

    /** The training or test set from the default cache, downloading it once if needed. */
    public MNIST(boolean train, Transform transform, Transform targetTransform) throws IOException {
        this(fetch(FileCache.defaultCache(), MIRROR, train), train, transform, targetTransform);
    }

    private MNIST(Split split, boolean train, Transform transform, Transform targetTransform) throws IOException {
        super(train, transform, targetTransform);
        int[] d = split.images.dims();
        if (split.labels.dims()[0] != d[0]) {
            throw new IOException("MNIST: " + split.images.file() + " holds " + d[0] + " images but "
                    + split.labels.file() + " holds " + split.labels.dims()[0] + " labels");
        }
        this.images = split.images.data();
        this.labels = split.labels.data();
        this.count = d[0];
        this.pixels = ROWS * COLS;
    }

    /** The two files of one split, read and checked. */
    private record Split(IdxFile images, IdxFile labels) {
    }

    /** The reference's transform: flatten, float32, divide by 255. */
    public static Transform defaultTransform() {
        return new Compose(new Flatten(), new ToFloat(), new Normalize(0.0, 255.0));
    }

    /** The split from the IDX files in {@code dir} (never downloads), with the default transform. */
    public static MNIST fromDirectory(Path dir, boolean train) throws IOException {
        return fromDirectory(dir, train, defaultTransform(), null);
    }

    /**
     * The split from the IDX files in {@code dir}: the standard {@code .gz} names, or the same names
     * without {@code .gz} for uncompressed files. Never downloads.
     */
    public static MNIST fromDirectory(Path dir, boolean train, Transform transform, Transform targetTransform)
            throws IOException {
        Split split = new Split(readImages(local(dir, train ? TRAIN_IMAGES : TEST_IMAGES)),
                readLabels(local(dir, train ? TRAIN_LABELS : TEST_LABELS)));
        return new MNIST(split, train, transform, targetTransform);
    }

    /**
     * The split from {@code cache}, downloading missing files from {@code mirror} (a base URL ending
     * in {@code /} under which the four standard file names live). A cached file that is not valid
     * is downloaded again.
     */
    public static MNIST download(FileCache cache, URI mirror, boolean train, Transform transform,
                                 Transform targetTransform) throws IOException {
        return new MNIST(fetch(cache, mirror, train), train, transform, targetTransform);
    }

    private static Split fetch(FileCache cache, URI mirror, boolean train) throws IOException {
        String images = train ? TRAIN_IMAGES : TEST_IMAGES;
        String labels = train ? TRAIN_LABELS : TEST_LABELS;
        return new Split(cache.load(mirror.resolve(images), images, MNIST::readImages, MNIST::readImages),
                cache.load(mirror.resolve(labels), labels, MNIST::readLabels, MNIST::readLabels));
    }

    /** An IDX image file of 28 x 28 images. */
    private static IdxFile readImages(Path file) throws IOException {
        IdxFile f = IdxFile.read(file, 3);
        int[] d = f.dims();
        if (d[1] != ROWS || d[2] != COLS) {
            throw new IOException(f.file() + ": images are " + d[1] + " x " + d[2] + ", MNIST's are " + ROWS + " x " + COLS);
        }
        return f;
    }

    /** An IDX label file of digits 0..9. */
    private static IdxFile readLabels(Path file) throws IOException {
        IdxFile f = IdxFile.read(file, 1);
        byte[] l = f.data();
        for (int i = 0; i < l.length; i++) {
            if ((l[i] & 0xff) >= CLASSES) {
                throw new IOException(file + ": label " + (l[i] & 0xff) + " at index " + i + " is not a digit 0..9");
            }
        }
        return f;
    }

    private static Path local(Path dir, String gzName) throws IOException {
        Path gz = dir.resolve(gzName);
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = dir.resolve(gzName.substring(0, gzName.length() - ".gz".length()));
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new IOException("MNIST: neither " + gz + " nor " + plain.getFileName() + " exists in " + dir);
    }

    /** DeZero's {@code MNIST.labels()}: class index to name. */
    public static Map<Integer, String> labels() {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < CLASSES; i++) {
            m.put(i, Integer.toString(i));
        }
        return m;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    protected NdArray data(int index) {
        return data(new int[] {index}).reshape(1, ROWS, COLS);
    }

    @Override
    protected NdArray label(int index) {
        return NdArray.scalar((long) (labels[index] & 0xff));
    }

    @Override
    protected NdArray data(int[] indices) {
        long[] out = new long[indices.length * pixels];
        for (int k = 0; k < indices.length; k++) {
            int src = indices[k] * pixels;
            int dst = k * pixels;
            for (int p = 0; p < pixels; p++) {
                out[dst + p] = images[src + p] & 0xff;
            }
        }
        return NdArray.wrap(out, indices.length, 1, ROWS, COLS);
    }

    @Override
    protected NdArray label(int[] indices) {
        long[] out = new long[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = labels[indices[k]] & 0xff;
        }
        return NdArray.wrap(out, indices.length);
    }

    @Override
    public String toString() {
        return "MNIST(size=" + count + ", train=" + train() + ")";
    }
}
