package dezero.steps;

import dezero.Config;
import dezero.Variable;
import dezero.datasets.ImageNet;
import dezero.models.VGG16;
import dezero.ndarray.NdArray;
import dezero.utils.DotGraph;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Step 58: a famous CNN, VGG16, with the weights the reference publishes. The picture is
 * resized to 224x224 and turned into a (1, 3, 224, 224) array ({@code VGG16.preprocess}: BGR,
 * minus the mean pixel), the model classifies it in test mode, and the most likely of the 1,000
 * ImageNet classes is printed (the zebra of the book is a zebra). The model's graph is written to
 * {@code out/vgg.dot} (and drawn as {@code out/vgg.pdf} when Graphviz is installed).
 *
 * <p>The book downloads the 528 MiB of weights and the picture by itself; this program takes them
 * as files: {@code --weights vgg16.npz --image zebra.jpg}. Without {@code --weights} it says
 * where to get them and ends normally. The class names are downloaded once, as in the reference.
 */
public final class Step58 {
    private Step58() {
    }

    static final String IMAGE_URL =
            "https://github.com/oreilly-japan/deep-learning-from-scratch-3/raw/images/zebra.jpg";

    @SuppressWarnings("try") // the testMode scope is not used inside its block
    public static void main(String[] args) throws IOException {
        Path weights = null;
        Path image = null;
        Path out = Path.of("out");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--weights" -> weights = Path.of(args[i + 1]);
                case "--image" -> image = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (weights == null || image == null) {
            System.out.println("Step 58 needs the pretrained VGG16 weights of the reference DeZero (528 MiB) and a"
                    + " picture, which are not bundled. Download them once:");
            System.out.println("  curl -L -o vgg16.npz " + VGG16.WEIGHTS_URL);
            System.out.println("  curl -L -o zebra.jpg " + IMAGE_URL);
            System.out.println("then run it with them (the model needs 2 to 3 GB of Java heap):");
            System.out.println("  java -Xmx3g -jar dezero-steps/target/dezero-steps.jar 58 --weights vgg16.npz"
                    + " --image zebra.jpg");
            return;
        }

        BufferedImage img = ImageIO.read(image.toFile());
        if (img == null) {
            throw new IOException(image + " is not a picture javax.imageio can read (PNG, JPEG, GIF, BMP)");
        }
        NdArray x = VGG16.preprocess(img);
        x = x.reshape(1, 3, VGG16.IMAGE_SIZE, VGG16.IMAGE_SIZE); // x[np.newaxis]

        VGG16 model = new VGG16(weights);
        Variable y;
        try (Config.Scope testMode = Config.testMode()) {
            y = model.apply(x);
        }
        int predictId = (int) y.data().argmax().item();

        Files.createDirectories(out);
        // the DOT text, and the picture when Graphviz's dot is installed (the book needs dot)
        String file = DotGraph.graphvizAvailable() ? "vgg.pdf" : "vgg.dot";
        System.err.println("wrote " + model.plot(out.resolve(file), new Variable(x)));
        Map<Integer, String> labels = ImageNet.labels();
        System.out.println(labels.get(predictId));
    }
}
