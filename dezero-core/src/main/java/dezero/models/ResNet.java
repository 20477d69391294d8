package dezero.models;

import dezero.Variable;
import dezero.functions.F;
import dezero.layers.BatchNorm;
import dezero.layers.Conv2d;
import dezero.layers.Linear;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * ResNet (He et al., 2015) with 50, 101 or 152 layers, as DeZero's {@code dezero.models.ResNet}:
 * {@code conv1} (64 filters 7x7, stride 2, pad 3, with bias), {@code bn1}, ReLU, 3x3 max pooling
 * with stride 2, four stages {@code res2}..{@code res5} of bottlenecks ({@link BuildingBlock};
 * 256, 512, 1024 and 2048 channels, {3, 4, 6, 3} blocks for 50 layers, {3, 4, 23, 3} for 101,
 * {3, 8, 36, 3} for 152), global average pooling and {@code fc6} (1000 ImageNet classes, no softmax).
 * The weight keys are the reference's: {@code conv1/W}, {@code conv1/b}, {@code bn1/avg_mean}, ...,
 * {@code res2/a/conv1/W}, {@code res2/b1/bn1/gamma}, ..., {@code fc6/W}, {@code fc6/b}.
 *
 * <p>Layers are sized lazily at the first call. The features shrink about 32-fold (to at least
 * 1x1) and are then averaged, so inputs of any size from 5x5 run; the pretrained models expect 224x224
 * prepared by {@link #preprocess(BufferedImage)}. The weights are not
 * downloaded here: fetch the reference's file from {@link #weightsUrl(int)} and pass its path. Use
 * {@code Config.testMode()} for inference, so batch normalisation uses the stored averages.
 *
 * <pre>{@code
 * jshell> var model = new ResNet50(Path.of("resnet50.npz"));    // from ResNet.weightsUrl(50)
 * jshell> Variable y; try (var s = Config.testMode(); var g = Config.noGrad()) { y = model.apply(x); }
 * jshell> y.shape()                                              // x (1, 3, 224, 224)
 * $3 ==> int[2] { 1, 1000 }
 * }</pre>
 */
public class ResNet extends Model {
    /** The mean pixel of the ResNet training images in BGR order (Chainer's ResNet {@code prepare}). */
    static final double[] BGR_MEAN = {103.063, 115.903, 123.152};

    // Field names are the reference's attribute names, so they are the weight keys.
    private final Conv2d conv1 = new Conv2d(64, 7, 2, 3);
    private final BatchNorm bn1 = new BatchNorm();
    private final BuildingBlock res2;
    private final BuildingBlock res3;
    private final BuildingBlock res4;
    private final BuildingBlock res5;
    private final Linear fc6 = new Linear(1000);
    private final int nLayers;

    /** Randomly initialised (lazily, at the first call); {@code nLayers} is 50, 101 or 152. */
    public ResNet(int nLayers) {
        int[] blocks = blocks(nLayers);
        this.nLayers = nLayers;
        this.res2 = new BuildingBlock(blocks[0], 64, 64, 256, 1, false);
        this.res3 = new BuildingBlock(blocks[1], 256, 128, 512, 2, false);
        this.res4 = new BuildingBlock(blocks[2], 512, 256, 1024, 2, false);
        this.res5 = new BuildingBlock(blocks[3], 1024, 512, 2048, 2, false);
    }

    /**
     * With the weights of {@code pretrained} (an {@code .npz} with the reference's keys, such as the
     * file at {@link #weightsUrl(int)}), or randomly initialised when it is null.
     *
     * @throws IOException when the file cannot be read or does not fit (see {@link #loadWeights})
     */
    public ResNet(int nLayers, Path pretrained) throws IOException {
        this(nLayers);
        if (pretrained != null) {
            loadWeights(pretrained);
        }
    }

    /** Where the reference DeZero downloads the pretrained weights of ResNet-{@code nLayers} from. */
    public static String weightsUrl(int nLayers) {
        blocks(nLayers);
        return "https://github.com/koki0702/dezero-models/releases/download/v0.1/resnet" + nLayers + ".npz";
    }

    private static int[] blocks(int nLayers) {
        switch (nLayers) {
            case 50:
                return new int[] {3, 4, 6, 3};
            case 101:
                return new int[] {3, 4, 23, 3};
            case 152:
                return new int[] {3, 8, 36, 3};
            default:
                throw new IllegalArgumentException("ResNet: nLayers must be 50, 101 or 152, got " + nLayers);
        }
    }

    /** 50, 101 or 152. */
    public int depth() {
        return nLayers;
    }

    @Override
    protected Variable forward(Variable... inputs) {
        Variable x = oneImageBatch("ResNet", inputs);
        x = F.relu(bn1.apply(conv1.apply(x)));
        x = F.pooling(x, 3, 2, 0);
        x = res2.apply(x);
        x = res3.apply(x);
        x = res4.apply(x);
        x = res5.apply(x);
        return fc6.apply(globalAveragePooling(x));
    }

    /** (N, C, H, W) to (N, C): the mean of each channel (DeZero's {@code _global_average_pooling_2d}). */
    static Variable globalAveragePooling(Variable x) {
        int[] s = x.shape();
        Variable h = F.averagePooling(x, new int[] {s[2], s[3]}, new int[] {1, 1}, new int[] {0, 0});
        return F.reshape(h, s[0], s[1]);
    }

    /** The single input of a layer that takes a batch of images, checked. */
    static Variable oneImageBatch(String op, Variable... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException(op + ": expected one input, got " + inputs.length);
        }
        if (inputs[0].ndim() != 4) {
            throw new IllegalArgumentException(op + ": input must be 4-D (N, C, H, W), got shape "
                    + Shapes.str(inputs[0].shape()));
        }
        return inputs[0];
    }

    /**
     * The input the pretrained ResNets expect (the {@code prepare} of Chainer's ResNet models, whose
     * structure the reference copies; the reference itself has no ResNet preprocessing): the picture
     * resized to 224x224, as float32 {@code (3, 224, 224)} BGR minus the mean pixel
     * {@code (103.063, 115.903, 123.152)}.
     */
    public static NdArray preprocess(BufferedImage image) {
        return preprocess(image, VGG16.IMAGE_SIZE, VGG16.IMAGE_SIZE);
    }

    /** {@link #preprocess(BufferedImage)} to another size. */
    public static NdArray preprocess(BufferedImage image, int width, int height) {
        return Images.preprocess(image, width, height, BGR_MEAN, "ResNet.preprocess");
    }

    /** The same for an {@code (H, W, 3)} RGB array (0..255) already at its size. */
    public static NdArray preprocess(NdArray rgbImage) {
        return Images.bgrMinusMean(rgbImage, BGR_MEAN, "ResNet.preprocess");
    }
}
