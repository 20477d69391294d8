package dezero.models;

import dezero.Variable;
import dezero.functions.F;
import dezero.layers.BatchNorm;
import dezero.layers.Conv2d;
import dezero.layers.Layer;

/**
 * A ResNet bottleneck that changes the channels and, with a stride, reduces the size (DeZero's
 * {@code BottleneckA}): the residual branch is 1x1 ({@code mid}), 3x3 pad 1 ({@code mid}) and 1x1
 * ({@code out}) convolutions, each with batch normalisation, the shortcut a 1x1 convolution
 * ({@code out}, with the stride) and batch normalisation; the output is {@code relu(branch + shortcut)}.
 * No convolution has a bias. The stride sits on the first 1x1 convolution (the original MSRA
 * ResNet, the reference's default) or, with {@code downsampleFb}, on the 3x3 one (Facebook's ResNet).
 * Weight keys {@code conv1/W}, {@code bn1/avg_mean}, ..., {@code conv4/W}, {@code bn4/beta}.
 *
 * <pre>{@code
 * jshell> new BottleneckA(64, 32, 128, 2, false).apply(NdArray.ones(DType.FLOAT32, 1, 64, 8, 8)).shape()
 * $1 ==> int[4] { 1, 128, 4, 4 }
 * }</pre>
 */
public class BottleneckA extends Layer {
    // Field names are the reference's attribute names, so they are the weight keys.
    private final Conv2d conv1;
    private final BatchNorm bn1 = new BatchNorm();
    private final Conv2d conv2;
    private final BatchNorm bn2 = new BatchNorm();
    private final Conv2d conv3;
    private final BatchNorm bn3 = new BatchNorm();
    private final Conv2d conv4;
    private final BatchNorm bn4 = new BatchNorm();

    /**
     * @param inChannels   channels of the input (the convolutions take them from the first input,
     *                     as in the reference, which does not use this argument either)
     * @param midChannels  channels of the two inner convolutions
     * @param outChannels  channels of the output
     * @param stride       stride of the block (2 halves the size)
     * @param downsampleFb the stride on the 3x3 convolution (Facebook) instead of the first 1x1 (MSRA)
     */
    public BottleneckA(int inChannels, int midChannels, int outChannels, int stride, boolean downsampleFb) {
        int stride1x1 = downsampleFb ? 1 : stride;
        int stride3x3 = downsampleFb ? stride : 1;
        this.conv1 = new Conv2d(midChannels, 1, stride1x1, 0, true);
        this.conv2 = new Conv2d(midChannels, 3, stride3x3, 1, true);
        this.conv3 = new Conv2d(outChannels, 1, 1, 0, true);
        this.conv4 = new Conv2d(outChannels, 1, stride, 0, true);
    }

    @Override
    protected Variable forward(Variable... inputs) {
        Variable x = ResNet.oneImageBatch("BottleneckA", inputs);
        Variable h1 = F.relu(bn1.apply(conv1.apply(x)));
        h1 = F.relu(bn2.apply(conv2.apply(h1)));
        h1 = bn3.apply(conv3.apply(h1));
        Variable h2 = bn4.apply(conv4.apply(x));
        return F.relu(h1.add(h2));
    }
}
