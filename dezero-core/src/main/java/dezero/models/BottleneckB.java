package dezero.models;

import dezero.Variable;
import dezero.functions.F;
import dezero.layers.BatchNorm;
import dezero.layers.Conv2d;
import dezero.layers.Layer;

/**
 * A ResNet bottleneck that keeps the size of its input (DeZero's {@code BottleneckB}):
 * {@code relu(bn3(conv3(relu(bn2(conv2(relu(bn1(conv1(x)))))))) + x)} with 1x1, 3x3 (pad 1) and 1x1
 * convolutions without bias, {@code mid -> mid -> in} channels. Weight keys {@code conv1/W},
 * {@code bn1/avg_mean}, {@code bn1/avg_var}, {@code bn1/gamma}, {@code bn1/beta}, ... {@code bn3/beta}.
 *
 * <pre>{@code
 * jshell> new BottleneckB(256, 64).apply(NdArray.ones(DType.FLOAT32, 1, 256, 8, 8)).shape()
 * $1 ==> int[4] { 1, 256, 8, 8 }
 * }</pre>
 */
public class BottleneckB extends Layer {
    // Field names are the reference's attribute names, so they are the weight keys.
    private final Conv2d conv1;
    private final BatchNorm bn1 = new BatchNorm();
    private final Conv2d conv2;
    private final BatchNorm bn2 = new BatchNorm();
    private final Conv2d conv3;
    private final BatchNorm bn3 = new BatchNorm();
    private final int inChannels;

    /**
     * @param inChannels  channels of the input and of the output
     * @param midChannels channels of the two inner convolutions
     */
    public BottleneckB(int inChannels, int midChannels) {
        this.inChannels = inChannels;
        this.conv1 = new Conv2d(midChannels, 1, 1, 0, true);
        this.conv2 = new Conv2d(midChannels, 3, 1, 1, true);
        this.conv3 = new Conv2d(inChannels, 1, 1, 0, true);
    }

    @Override
    protected Variable forward(Variable... inputs) {
        Variable x = ResNet.oneImageBatch("BottleneckB", inputs);
        if (x.shape()[1] != inChannels) {
            throw new IllegalArgumentException("BottleneckB: input must have " + inChannels
                    + " channels (it is added to the output), got shape " + dezero.ndarray.Shapes.str(x.shape()));
        }
        Variable h = F.relu(bn1.apply(conv1.apply(x)));
        h = F.relu(bn2.apply(conv2.apply(h)));
        h = bn3.apply(conv3.apply(h));
        return F.relu(h.add(x));
    }
}
