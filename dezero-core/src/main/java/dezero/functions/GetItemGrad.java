package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;

/**
 * The gradient of {@link GetItem}: {@code np.add.at(zeros(inShape), index, gy)}. Its own
 * gradient is indexing again, so higher-order derivatives through indexing work.
 */
public final class GetItemGrad extends Function {
    private final Index[] index;
    private final int[] inShape;

    public GetItemGrad(Index[] index, int[] inShape) {
        this.index = index.clone();
        this.inShape = inShape.clone();
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return NdArray.scatterAdd(inShape, index, xs[0]);
    }

    @Override
    protected Variable[] backward(Variable ggx) {
        return grads(F.getItem(ggx, index));
    }
}
