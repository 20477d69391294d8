package dezero.ndarray;

import java.util.List;

/** reshape, transpose, broadcastTo, sumTo, expandDims, squeeze, concatenate, stack. */
final class ShapeOps {
    private ShapeOps() {
    }

    static NdArray reshape(NdArray a, int[] shape) { throw new UnsupportedOperationException("not implemented yet"); }

    /** axes == null reverses all axes. */
    static NdArray transpose(NdArray a, int[] axes) { throw new UnsupportedOperationException("not implemented yet"); }

    static NdArray broadcastTo(NdArray a, int[] shape) { throw new UnsupportedOperationException("not implemented yet"); }

    static NdArray sumTo(NdArray a, int[] shape) { throw new UnsupportedOperationException("not implemented yet"); }

    static NdArray expandDims(NdArray a, int axis) { throw new UnsupportedOperationException("not implemented yet"); }

    /** axis == null removes every axis of length 1. */
    static NdArray squeeze(NdArray a, Integer axis) { throw new UnsupportedOperationException("not implemented yet"); }

    static NdArray concatenate(List<NdArray> arrays, int axis) { throw new UnsupportedOperationException("not implemented yet"); }

    static NdArray stack(List<NdArray> arrays, int axis) { throw new UnsupportedOperationException("not implemented yet"); }
}
