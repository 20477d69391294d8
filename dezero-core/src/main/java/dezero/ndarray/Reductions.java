package dezero.ndarray;

import dezero.ndarray.kernel.ReduceOp;

/** sum/mean/max/min/argmax over none, one or several axes. */
final class Reductions {
    private Reductions() {
    }

    /** axes == null means all axes. */
    static NdArray reduce(ReduceOp op, NdArray a, int[] axes, boolean keepdims) { throw new UnsupportedOperationException("not implemented yet"); }

    static NdArray mean(NdArray a, int[] axes, boolean keepdims) { throw new UnsupportedOperationException("not implemented yet"); }

    /** axis == null means the flattened array. */
    static NdArray argExtreme(NdArray a, Integer axis, boolean max) { throw new UnsupportedOperationException("not implemented yet"); }
}
