package dezero.ndarray;

/** NumPy basic and advanced indexing, and its scatter-add adjoint. */
final class Indexing {
    private Indexing() {
    }

    static NdArray getItem(NdArray a, Index[] index) { throw new UnsupportedOperationException("not implemented yet"); }

    static NdArray scatterAdd(int[] shape, Index[] index, NdArray values) { throw new UnsupportedOperationException("not implemented yet"); }

    static NdArray setItem(NdArray a, Index[] index, NdArray values) { throw new UnsupportedOperationException("not implemented yet"); }
}
