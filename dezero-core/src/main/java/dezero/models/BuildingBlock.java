package dezero.models;

import dezero.Variable;
import dezero.layers.Layer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One stage of a ResNet (DeZero's {@code BuildingBlock}): a {@link BottleneckA} named {@code a}
 * followed by {@code nLayers - 1} {@link BottleneckB}s named {@code b1}, {@code b2}, ... (the keys
 * {@code a/conv1/W}, {@code b1/bn3/gamma}, ... of the reference's weight files).
 *
 * <pre>{@code
 * jshell> var res2 = new BuildingBlock(3, 64, 64, 256, 1, false);
 * jshell> res2.apply(NdArray.ones(DType.FLOAT32, 1, 64, 8, 8)).shape()
 * $2 ==> int[4] { 1, 256, 8, 8 }
 * }</pre>
 */
public class BuildingBlock extends Layer {
    private final BottleneckA a;
    /**
     * Named {@code b} so that its elements are found as b1, b2, ... (see {@link Layer}: list
     * elements are named by position). Position 0 is deliberately empty (null): the reference
     * counts the B bottlenecks from 1 because {@code a} comes first.
     */
    private final List<BottleneckB> b;

    /**
     * @param nLayers      bottlenecks in the stage (at least 1)
     * @param inChannels   channels of the input
     * @param midChannels  channels inside each bottleneck
     * @param outChannels  channels of the output
     * @param stride       stride of the first bottleneck
     * @param downsampleFb see {@link BottleneckA}
     */
    public BuildingBlock(int nLayers, int inChannels, int midChannels, int outChannels, int stride,
            boolean downsampleFb) {
        if (nLayers < 1) {
            throw new IllegalArgumentException("BuildingBlock: nLayers must be at least 1, got " + nLayers);
        }
        this.a = new BottleneckA(inChannels, midChannels, outChannels, stride, downsampleFb);
        List<BottleneckB> bs = new ArrayList<>();
        bs.add(null);
        for (int i = 1; i < nLayers; i++) {
            bs.add(new BottleneckB(outChannels, midChannels));
        }
        this.b = Collections.unmodifiableList(bs);
    }

    @Override
    protected Variable forward(Variable... inputs) {
        Variable x = a.apply(ResNet.oneImageBatch("BuildingBlock", inputs));
        for (int i = 1; i < b.size(); i++) {
            x = b.get(i).apply(x);
        }
        return x;
    }

    /** Bottlenecks in the stage (the A one and the B ones). */
    public int size() {
        return b.size();
    }
}
