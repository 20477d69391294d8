package dezero.datasets;

import dezero.transforms.Transform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CIFAR-100 (DeZero's {@code datasets.CIFAR100}): 32 x 32 colour images of 100 fine classes in
 * 20 coarse ones, 50,000 for training and 10,000 for testing, with the labels of the chosen
 * {@link LabelType}. Read from the binary distribution {@code cifar-100-binary.tar.gz}; otherwise
 * as {@link CIFAR10} (int64 (3, 32, 32) images, the reference's default transform).
 *
 * <pre>{@code
 * jshell> var test = CIFAR100.fromDirectory(Path.of("data"), false, CIFAR100.LabelType.COARSE);
 * jshell> CIFAR100.labels(CIFAR100.LabelType.COARSE).get(0)
 * $2 ==> "aquatic mammals"
 * }</pre>
 */
public final class CIFAR100 extends CifarDataset {
    /** Which of the two labels of every image is the target. */
    public enum LabelType { FINE, COARSE }

    public static final URI URL = URI.create("https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz");
    public static final String ARCHIVE = "cifar-100-binary.tar.gz";

    // Each record: coarse label, fine label, pixels.
    private static final int[] CLASSES = {20, 100};
    private static final CifarFiles.Layout TRAIN = new CifarFiles.Layout(ARCHIVE, "cifar-100-binary",
            List.of("train.bin"), 2, CLASSES);
    private static final CifarFiles.Layout TEST = new CifarFiles.Layout(ARCHIVE, "cifar-100-binary",
            List.of("test.bin"), 2, CLASSES);

    private final LabelType labelType;

    /** The split with fine labels from the default cache, downloading once if needed, with the default transform. */
    public CIFAR100(boolean train) throws IOException {
        this(train, CIFAR10.defaultTransform(), null, LabelType.FINE);
    }

    public CIFAR100(boolean train, Transform transform, Transform targetTransform, LabelType labelType) throws IOException {
        this(fetch(FileCache.defaultCache(), URL, train), train, transform, targetTransform, labelType);
    }

    private CIFAR100(CifarFiles.Decoded d, boolean train, Transform transform, Transform targetTransform, LabelType type) {
        super(d, type == LabelType.COARSE ? 0 : 1, train, transform, targetTransform);
        this.labelType = type;
    }

    public LabelType labelType() {
        return labelType;
    }

    /** The split from {@code dir} (archive, extracted folder or .bin files), default transform; never downloads. */
    public static CIFAR100 fromDirectory(Path dir, boolean train, LabelType labelType) throws IOException {
        return fromDirectory(dir, train, CIFAR10.defaultTransform(), null, labelType);
    }

    public static CIFAR100 fromDirectory(Path dir, boolean train, Transform transform, Transform targetTransform,
                                         LabelType labelType) throws IOException {
        return new CIFAR100(CifarFiles.fromDirectory(dir, train ? TRAIN : TEST), train, transform, targetTransform, labelType);
    }

    /** The split from {@code cache}, downloading the archive from {@code url} first if it is not there. */
    public static CIFAR100 download(FileCache cache, URI url, boolean train, Transform transform,
                                    Transform targetTransform, LabelType labelType) throws IOException {
        return new CIFAR100(fetch(cache, url, train), train, transform, targetTransform, labelType);
    }

    private static CifarFiles.Decoded fetch(FileCache cache, URI url, boolean train) throws IOException {
        return CifarFiles.fetch(cache, url, train ? TRAIN : TEST, TRAIN, TEST);
    }

    /**
     * Class index to name. The coarse names are the reference's; the fine ones, which the reference
     * leaves empty, are the distribution's {@code fine_label_names.txt}.
     */
    public static Map<Integer, String> labels(LabelType type) {
        String[] names = type == LabelType.COARSE ? COARSE_NAMES : FINE_NAMES;
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(i, names[i]);
        }
        return m;
    }

    private static final String[] COARSE_NAMES = {
        "aquatic mammals", "fish", "flowers", "food containers", "fruit and vegetables", "household electrical device",
        "household furniture", "insects", "large carnivores", "large man-made outdoor things",
        "large natural outdoor scenes", "large omnivores and herbivores", "medium-sized mammals",
        "non-insect invertebrates", "people", "reptiles", "small mammals", "trees", "vehicles 1", "vehicles 2"};

    private static final String[] FINE_NAMES = {
        "apple", "aquarium_fish", "baby", "bear", "beaver", "bed", "bee", "beetle", "bicycle", "bottle",
        "bowl", "boy", "bridge", "bus", "butterfly", "camel", "can", "castle", "caterpillar", "cattle",
        "chair", "chimpanzee", "clock", "cloud", "cockroach", "couch", "crab", "crocodile", "cup", "dinosaur",
        "dolphin", "elephant", "flatfish", "forest", "fox", "girl", "hamster", "house", "kangaroo", "keyboard",
        "lamp", "lawn_mower", "leopard", "lion", "lizard", "lobster", "man", "maple_tree", "motorcycle", "mountain",
        "mouse", "mushroom", "oak_tree", "orange", "orchid", "otter", "palm_tree", "pear", "pickup_truck", "pine_tree",
        "plain", "plate", "poppy", "porcupine", "possum", "rabbit", "raccoon", "ray", "road", "rocket",
        "rose", "sea", "seal", "shark", "shrew", "skunk", "skyscraper", "snail", "snake", "spider",
        "squirrel", "streetcar", "sunflower", "sweet_pepper", "table", "tank", "telephone", "television", "tiger", "tractor",
        "train", "trout", "tulip", "turtle", "wardrobe", "whale", "willow_tree", "wolf", "woman", "worm"};
}
