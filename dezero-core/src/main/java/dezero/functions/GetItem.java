package dezero.functions;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;

/** NumPy indexing {@code x[index]}; the gradient scatters {@code gy} back, accumulating repeated indices. */
public final class GetItem extends Function {
    private final Index[] index;

    public GetItem(Index... index) {
        this.index = index.clone();
    }

    @Override
    protected NdArray forward(NdArray... xs) {
        return xs[0].getItem(index);
    }

    @Override
    protected Variable[] backward(Variable gy) {
        return grads(new GetItemGrad(index, input(0).shape()).apply(gy));
    }
}
