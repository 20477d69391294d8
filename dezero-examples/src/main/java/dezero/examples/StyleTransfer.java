package dezero.examples;

import dezero.Config;
import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.layers.Conv2d;
import dezero.models.Model;
import dezero.models.VGG16;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;
import dezero.optimizers.AdaGrad;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Neural style transfer (Gatys et al., 2015) on the pretrained VGG16, as the reference's
 * {@code examples/style_transfer.py}: starting from the content picture, the image itself is
 * optimised (AdaGrad, lr 5) so that its conv5_2 features stay close to the content picture's and
 * the Gram matrices of its conv1_1, conv2_1, ..., conv5_1 features approach the style picture's,
 * plus a small total-variation penalty. Features are taken with VGG16's convolutions and 2x2
 * average pooling (the reference's {@code extract}). Every {@code every} iterations and at the end
 * the image is written as {@code style-transfer-<iteration>.png}, at the content picture's size.
 *
 * <p>One deliberate difference: the reference sums its content and style terms over all the
 * layers {@code extract} returns (its loops run over the feature dictionaries, not over
 * {@code content_layers} and {@code style_layers}); here they run over the layers it names, as its
 * weights (divided by the number of named layers) intend.
 */
public final class StyleTransfer implements Example {
    static final List<String> CONTENT_LAYERS = List.of("conv5_2");
    static final List<String> STYLE_LAYERS = List.of("conv1_1", "conv2_1", "conv3_1", "conv4_1", "conv5_1");
    static final double STYLE_WEIGHT = 1.0;
    static final double CONTENT_WEIGHT = 1e-4;
    static final double TOTAL_VARIATION_WEIGHT = 1e-6;
    static final double[] BGR_MEAN = {103.939, 116.779, 123.68};

    /** The loss at each iteration and the PNGs written. */
    public record Result(double[] losses, List<Path> images) {
    }

    /** Holds the image being optimised, so an optimizer can be set up on it. */
    static final class Canvas extends Model {
        private final Parameter image;

        Canvas(NdArray start) {
            image = new Parameter(start.copy(), "image");
        }

        Parameter image() {
            return image;
        }

        @Override
        protected Variable forward(Variable... inputs) {
            return image;
        }
    }

    @Override
    public String name() {
        return "style-transfer";
    }

    @Override
    public String summary() {
        return "neural style transfer on the pretrained VGG16 (examples/style_transfer.py): style-transfer-*.png";
    }

    @Override
    public String options() {
        return Vgg16Files.WEIGHTS_OPTION + "\n"
                + "--content FILE  the picture to repaint, e.g. the reference's " + Vgg16Files.ZEBRA_URL + "\n"
                + "--style FILE    the picture whose style is copied, e.g. " + Vgg16Files.STARRY_NIGHT_URL + "\n"
                + "--iters N       iterations (default 300, about 10 s each at 224 x 224 on 2 cores; the reference: 2001)\n"
                + "--every K       write the image every K iterations (default 100)\n"
                + "--size N        the network's input size, N x N (default 224)\n"
                + "--lr LR         AdaGrad's learning rate (default 5.0)\n"
                + "--out DIR       where style-transfer-*.png go (default out)";
    }

    @Override
    public void run(Options options, PrintStream out) throws IOException {
        String weights = options.get("weights", null);
        if (weights == null) {
            Vgg16Files.printWhereToGetWeights(name(), "--content zebra.jpg --style starry_night_google.jpg", out);
            out.println("(the reference's pictures: " + Vgg16Files.ZEBRA_URL + " and " + Vgg16Files.STARRY_NIGHT_URL + ")");
            return;
        }
        String content = options.get("content", null);
        String style = options.get("style", null);
        if (content == null || style == null) {
            throw new Options.UsageException("--content FILE and --style FILE are needed with --weights");
        }
        BufferedImage contentImage = Vgg16Files.readImage(Path.of(content), "--content");
        BufferedImage styleImage = Vgg16Files.readImage(Path.of(style), "--style");
        out.println("loading " + weights + " ...");
        VGG16 model = new VGG16(Path.of(weights));
        transfer(model, contentImage, styleImage, options.getInt("size", VGG16.IMAGE_SIZE, 32),
                options.getInt("iters", 300, 1), options.getInt("every", 100, 1), options.getDouble("lr", 5.0),
                Path.of(options.get("out", "out")), out);
    }

    static Result transfer(VGG16 model, BufferedImage contentPicture, BufferedImage stylePicture, int size, int iterations,
                           int every, double lr, Path outDir, PrintStream out) throws IOException {
        NdArray content = VGG16.preprocess(contentPicture, size, size).reshape(1, 3, size, size);
        NdArray style = VGG16.preprocess(stylePicture, size, size).reshape(1, 3, size, size);
        Map<String, Variable> contentFeatures;
        Map<String, Variable> styleFeatures;
        try (var noGrad = Config.noGrad()) {
            contentFeatures = extract(model, new Variable(content));
            styleFeatures = extract(model, new Variable(style));
        }
        Canvas canvas = new Canvas(content);
        AdaGrad optimizer = new AdaGrad(lr, 1e-8);
        optimizer.setup(canvas);
        out.printf("style-transfer: %dx%d input, %d iterations, AdaGrad(lr %s)%n", size, size, iterations, lr);
        double[] losses = new double[iterations];
        List<Path> images = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            model.cleargrads();
            canvas.cleargrads();
            Variable loss = loss(extract(model, canvas.image()), contentFeatures, styleFeatures, canvas.image());
            loss.backward();
            optimizer.update();
            losses[i] = loss.data().item();
            out.printf(Locale.ROOT, "%d loss: %.0f%n", i, losses[i]);
            if ((i + 1) % every == 0 || i + 1 == iterations) {
                Path file = outDir.resolve(String.format("style-transfer-%04d.png", i + 1));
                images.add(Vgg16Files.writePng(deprocess(canvas.image().data(), contentPicture.getWidth(),
                        contentPicture.getHeight()), file));
                out.println("wrote " + file);
            }
        }
        return new Result(losses, images);
    }

    /** The reference's {@code extract}: relu(conv) outputs by layer name, 2x2 average pooling between blocks. */
    static Map<String, Variable> extract(VGG16 model, Variable x) {
        List<Map.Entry<String, Conv2d>> convs = new ArrayList<>(model.convolutions().entrySet());
        Map<String, Variable> features = new LinkedHashMap<>();
        Variable h = x;
        for (int i = 0; i < convs.size(); i++) {
            String name = convs.get(i).getKey();
            h = F.relu(convs.get(i).getValue().apply(h));
            features.put(name, h);
            boolean lastOfBlock = i + 1 == convs.size() || convs.get(i + 1).getKey().charAt(4) != name.charAt(4);
            if (lastOfBlock && i + 1 < convs.size()) {
                h = F.averagePooling(h, 2, 2, 0);
            }
        }
        return features;
    }

    static Variable loss(Map<String, Variable> generated, Map<String, Variable> content, Map<String, Variable> style,
                         Variable image) {
        Variable loss = null;
        for (String layer : CONTENT_LAYERS) {
            loss = plus(loss, contentLoss(content.get(layer), generated.get(layer)).mul(CONTENT_WEIGHT / CONTENT_LAYERS.size()));
        }
        for (String layer : STYLE_LAYERS) {
            loss = plus(loss, styleLoss(style.get(layer), generated.get(layer)).mul(STYLE_WEIGHT / STYLE_LAYERS.size()));
        }
        return loss.add(totalVariationLoss(image).mul(TOTAL_VARIATION_WEIGHT));
    }

    private static Variable plus(Variable sum, Variable term) {
        return sum == null ? term : sum.add(term);
    }

    /** (1, C, H, W) features to their (1, C, C) Gram matrix. */
    static Variable gram(Variable x) {
        int c = x.shape()[1];
        Variable features = F.reshape(x, c, -1);
        return F.reshape(F.matmul(features, features.T()), 1, c, c);
    }

    /** DeZero's mean squared error of the Gram matrices (summed: the first axis has length 1) / (4 (C H W)^2). */
    static Variable styleLoss(Variable style, Variable generated) {
        int[] s = style.shape();
        double chw = (double) s[1] * s[2] * s[3];
        return F.meanSquaredError(gram(style), gram(generated)).div(4 * chw * chw);
    }

    static Variable contentLoss(Variable base, Variable generated) {
        return F.meanSquaredError(base, generated).div(2.0);
    }

    /** Squared differences of each pixel (but the last row and column) with its lower and its right neighbour. */
    static Variable totalVariationLoss(Variable x) {
        Index all = Index.all();
        Variable corner = F.getItem(x, all, all, Index.slice(null, -1), Index.slice(null, -1));
        Variable below = F.getItem(x, all, all, Index.slice(1, null), Index.slice(null, -1));
        Variable right = F.getItem(x, all, all, Index.slice(null, -1), Index.slice(1, null));
        return F.sum(F.square(corner.sub(below)).add(F.square(corner.sub(right))));
    }

    /** (1, 3, H, W) BGR minus the mean back to an RGB picture, clipped to 0..255, resized to width x height. */
    static BufferedImage deprocess(NdArray image, int width, int height) {
        int h = image.shape(2);
        int w = image.shape(3);
        double[] v = image.toDoubleArray();
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] bgr = new int[3];
                for (int c = 0; c < 3; c++) {
                    bgr[c] = (int) Math.max(0, Math.min(255, v[(c * h + y) * w + x] + BGR_MEAN[c]));
                }
                small.setRGB(x, y, (bgr[2] << 16) | (bgr[1] << 8) | bgr[0]);
            }
        }
        if (w == width && h == height) {
            return small;
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(small, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
