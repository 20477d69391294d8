package dezero.models;

import dezero.Variable;
import dezero.functions.F;
import dezero.layers.Conv2d;
import dezero.layers.Linear;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VGG-16 (Simonyan and Zisserman, 2014) as DeZero's {@code dezero.models.VGG16}: thirteen 3x3
 * convolutions (pad 1) with ReLU in five groups, each group followed by 2x2 max pooling, then
 * {@code fc6} (4096), {@code fc7} (4096) with ReLU and dropout, and {@code fc8} (1000 ImageNet
 * classes, no softmax). Layers and weight keys are the reference's: {@code conv1_1/W},
 * {@code conv1_1/b}, ..., {@code conv5_3/b}, {@code fc6/W}, ..., {@code fc8/b} (32 arrays,
 * 138,357,544 numbers for 224x224 inputs: conv W is (OC, C, 3, 3), fc W is (in, out)).
 *
 * <p>All layers are sized lazily at the first call, so any input of at least 32x32 runs; the
 * pretrained weights need {@code (N, 3, 224, 224)} inputs (fc6 takes the flattened 512x7x7
 * features, {@code fc6/W} is (25088, 4096)) prepared by {@link #preprocess(BufferedImage)}.
 * The weights are not downloaded here: fetch the reference's file from {@link #WEIGHTS_URL}
 * (528 MiB) and pass its path. Use {@code Config.testMode()} for inference (dropout off).
 *
 * <pre>{@code
 * jshell> var model = new VGG16(Path.of("vgg16.npz"));            // downloaded from VGG16.WEIGHTS_URL
 * jshell> var x = VGG16.preprocess(ImageIO.read(new File("zebra.jpg"))).reshape(1, 3, 224, 224);
 * jshell> Variable y; try (var s = Config.testMode(); var g = Config.noGrad()) { y = model.apply(x); }
 * jshell> y.data().argmax()                       // the most likely of the 1000 ImageNet classes
 * }</pre>
 */
public class VGG16 extends Model {
    /** Where the reference DeZero downloads its pretrained weights from (file {@code vgg16.npz}). */
    public static final String WEIGHTS_URL = "https://github.com/koki0702/dezero-models/releases/download/v0.1/vgg16.npz";

    /** The mean pixel of the VGG training images, in BGR order, subtracted by {@link #preprocess}. */
    static final double[] BGR_MEAN = {103.939, 116.779, 123.68};

    /** The default input size of {@link #preprocess(BufferedImage)}, (width, height). */
    public static final int IMAGE_SIZE = 224;

    // Field names are the reference's attribute names, so they are the weight keys (conv1_1/W, fc6/b).
    private final Conv2d conv1_1 = conv(64);
    private final Conv2d conv1_2 = conv(64);
    private final Conv2d conv2_1 = conv(128);
    private final Conv2d conv2_2 = conv(128);
    private final Conv2d conv3_1 = conv(256);
    private final Conv2d conv3_2 = conv(256);
    private final Conv2d conv3_3 = conv(256);
    private final Conv2d conv4_1 = conv(512);
    private final Conv2d conv4_2 = conv(512);
    private final Conv2d conv4_3 = conv(512);
    private final Conv2d conv5_1 = conv(512);
    private final Conv2d conv5_2 = conv(512);
    private final Conv2d conv5_3 = conv(512);
    private final Linear fc6 = new Linear(4096);
    private final Linear fc7 = new Linear(4096);
    private final Linear fc8 = new Linear(1000);

    /** The convolutions by group: block i is pooled after its last layer. */
    private final List<List<Conv2d>> blocks = List.of(List.of(conv1_1, conv1_2), List.of(conv2_1, conv2_2),
            List.of(conv3_1, conv3_2, conv3_3), List.of(conv4_1, conv4_2, conv4_3), List.of(conv5_1, conv5_2, conv5_3));

    /** Randomly initialised (lazily, at the first call), as {@code VGG16(pretrained=False)}. */
    public VGG16() {
    }

    /**
     * With the weights of {@code pretrained} (an {@code .npz} with the reference's keys, such as
     * the file at {@link #WEIGHTS_URL}), or randomly initialised when it is null.
     *
     * @throws IOException when the file cannot be read or does not fit (see {@link #loadWeights})
     */
    public VGG16(Path pretrained) throws IOException {
        if (pretrained != null) {
            loadWeights(pretrained);
        }
    }

    private static Conv2d conv(int outChannels) {
        return new Conv2d(outChannels, 3, 1, 1);
    }

    @Override
    protected Variable forward(Variable... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException("VGG16: expected one input, got " + inputs.length);
        }
        return run(inputs[0], null);
    }

    /**
     * The forward pass that also puts each layer's output under its name ({@code conv1_1} ...
     * {@code conv5_3} before their ReLU, {@code fc6} ... {@code fc8}) into {@code layerOutputs}:
     * what DeZero reads from {@code model.conv5_3.outputs[0]()} (Grad-CAM).
     *
     * <pre>{@code
     * jshell> Map<String, Variable> outputs = new HashMap<>();
     * jshell> var y = model.apply(x, outputs);
     * jshell> outputs.get("conv5_3").shape()        // x (1, 3, 224, 224)
     * $3 ==> int[4] { 1, 512, 14, 14 }
     * }</pre>
     */
    public Variable apply(Variable x, Map<String, Variable> layerOutputs) {
        if (layerOutputs == null) {
            throw new IllegalArgumentException("VGG16: layerOutputs is null");
        }
        return run(x, layerOutputs);
    }

    private Variable run(Variable x, Map<String, Variable> layerOutputs) {
        Variable h = features(x, layerOutputs);
        h = F.reshape(h, h.shape()[0], -1);
        h = F.dropout(F.relu(record(layerOutputs, "fc6", fc6.apply(h))));
        h = F.dropout(F.relu(record(layerOutputs, "fc7", fc7.apply(h))));
        return record(layerOutputs, "fc8", fc8.apply(h));
    }

    private static Variable record(Map<String, Variable> layerOutputs, String name, Variable y) {
        if (layerOutputs != null) {
            layerOutputs.put(name, y);
        }
        return y;
    }

    /**
     * The convolutional part: {@code (N, 3, H, W)} to the pool5 features {@code (N, 512, H/32, W/32)}
     * (each of the five poolings halves the size, rounding down).
     */
    public Variable features(Variable x) {
        return features(x, null);
    }

    private Variable features(Variable x, Map<String, Variable> layerOutputs) {
        if (x.ndim() != 4 || x.shape()[2] < 32 || x.shape()[3] < 32) {
            throw new IllegalArgumentException("VGG16: input must be (N, C, H, W) with H, W >= 32 (five 2x2 poolings), "
                    + "got shape " + Shapes.str(x.shape()));
        }
        for (int b = 0; b < blocks.size(); b++) {
            for (int i = 0; i < blocks.get(b).size(); i++) {
                x = F.relu(record(layerOutputs, "conv" + (b + 1) + "_" + (i + 1), blocks.get(b).get(i).apply(x)));
            }
            x = F.pooling(x, 2, 2, 0);
        }
        return x;
    }

    /** The convolutions by their reference names, {@code conv1_1} to {@code conv5_3}. */
    public Map<String, Conv2d> convolutions() {
        Map<String, Conv2d> out = new LinkedHashMap<>();
        for (int b = 0; b < blocks.size(); b++) {
            for (int i = 0; i < blocks.get(b).size(); i++) {
                out.put("conv" + (b + 1) + "_" + (i + 1), blocks.get(b).get(i));
            }
        }
        return out;
    }

    /** The fully connected layers by name: {@code fc6}, {@code fc7}, {@code fc8}. */
    public Map<String, Linear> fullyConnected() {
        Map<String, Linear> out = new LinkedHashMap<>();
        out.put("fc6", fc6);
        out.put("fc7", fc7);
        out.put("fc8", fc8);
        return out;
    }

    /**
     * The reference's {@code VGG16.preprocess(image)}: the picture resized to 224x224 (Pillow's
     * default bicubic resize, reimplemented; alpha dropped, grey to three channels), as float32
     * {@code (3, 224, 224)} BGR minus the VGG mean pixel {@code (103.939, 116.779, 123.68)}. Add
     * the batch axis with {@code reshape(1, 3, 224, 224)}.
     */
    public static NdArray preprocess(BufferedImage image) {
        return preprocess(image, IMAGE_SIZE, IMAGE_SIZE);
    }

    /** {@link #preprocess(BufferedImage)} to another size (the reference's {@code size=(width, height)}). */
    public static NdArray preprocess(BufferedImage image, int width, int height) {
        return Images.preprocess(image, width, height, BGR_MEAN, "VGG16.preprocess");
    }

    /**
     * The same for a picture already at its size, as an {@code (H, W, 3)} array of RGB values in
     * 0..255: {@code image[:, :, ::-1] - mean}, transposed to {@code (3, H, W)}, float32.
     *
     * <pre>{@code
     * jshell> VGG16.preprocess(NdArray.full(255, DType.FLOAT32, 2, 2, 3)).get(0, 0, 0)   // blue - 103.939
     * $1 ==> 151.06100463867188
     * }</pre>
     */
    public static NdArray preprocess(NdArray rgbImage) {
        return Images.bgrMinusMean(rgbImage, BGR_MEAN, "VGG16.preprocess");
    }
}
