package dezero.datasets;

import dezero.transforms.Compose;
import dezero.transforms.Normalize;
import dezero.transforms.ToFloat;
import dezero.transforms.Transform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CIFAR-10 (DeZero's {@code datasets.CIFAR10}): 32 x 32 colour images of ten classes, 50,000
 * for training and 10,000 for testing, as int64 arrays (3, 32, 32) holding 0..255 and 0-d
 * int64 labels. Read from the distribution's <em>binary</em> version,
 * {@code cifar-10-binary.tar.gz} (the reference reads the Python-pickle version, which Java
 * cannot read without a pickle decoder; the images and labels are the same).
 *
 * <p>{@code new CIFAR10(train)} downloads the archive once into the {@link FileCache#defaultCache()
 * cache}; {@link #fromDirectory} reads the archive, its extracted {@code cifar-10-batches-bin}
 * folder, or the {@code .bin} files from a directory. The default transform is the reference's,
 * {@code Compose(ToFloat, Normalize(0.5, 0.5))}, applied as there to values 0..255.
 *
 * <pre>{@code
 * jshell> var train = CIFAR10.fromDirectory(Path.of("data"), true);
 * jshell> train.get(0).x().shape()
 * $2 ==> int[3] { 3, 32, 32 }
 * jshell> CIFAR10.labels().get((int) train.get(0).t().item())
 * }</pre>
 */
public final class CIFAR10 extends CifarDataset {
    /** Where the binary distribution is downloaded from. */
    public static final URI URL = URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
    public static final String ARCHIVE = "cifar-10-binary.tar.gz";

    private static final CifarFiles.Layout TRAIN = new CifarFiles.Layout(ARCHIVE, "cifar-10-batches-bin",
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"),
            1, new int[] {10});
    private static final CifarFiles.Layout TEST = new CifarFiles.Layout(ARCHIVE, "cifar-10-batches-bin",
            List.of("test_batch.bin"), 1, new int[] {10});

    /** The split from the default cache, downloading the archive once if needed, with the default transform. */
    public CIFAR10(boolean train) throws IOException {
        this(train, defaultTransform(), null);
    }

    public CIFAR10(boolean train, Transform transform, Transform targetTransform) throws IOException {
        this(fetch(FileCache.defaultCache(), URL, train), train, transform, targetTransform);
    }

    private CIFAR10(CifarFiles.Decoded d, boolean train, Transform transform, Transform targetTransform) {
        super(d, 0, train, transform, targetTransform);
    }

    /** The reference's transform: float32, then {@code (x - 0.5) / 0.5}. */
    public static Transform defaultTransform() {
        return new Compose(new ToFloat(), new Normalize(0.5, 0.5));
    }

    /** The split from {@code dir} (archive, extracted folder or .bin files), with the default transform; never downloads. */
    public static CIFAR10 fromDirectory(Path dir, boolean train) throws IOException {
        return fromDirectory(dir, train, defaultTransform(), null);
    }

    public static CIFAR10 fromDirectory(Path dir, boolean train, Transform transform, Transform targetTransform)
            throws IOException {
        return new CIFAR10(CifarFiles.fromDirectory(dir, train ? TRAIN : TEST), train, transform, targetTransform);
    }

    /** The split from {@code cache}, downloading the archive from {@code url} first if it is not there. */
    public static CIFAR10 download(FileCache cache, URI url, boolean train, Transform transform, Transform targetTransform)
            throws IOException {
        return new CIFAR10(fetch(cache, url, train), train, transform, targetTransform);
    }

    private static CifarFiles.Decoded fetch(FileCache cache, URI url, boolean train) throws IOException {
        return CifarFiles.fetch(cache, url, train ? TRAIN : TEST, TRAIN, TEST);
    }

    /** Class index to name (the reference's list, with its 'ariplane' spelt 'airplane'). */
    public static Map<Integer, String> labels() {
        String[] names = {"airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"};
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(i, names[i]);
        }
        return m;
    }
}
