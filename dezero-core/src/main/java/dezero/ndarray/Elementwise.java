package dezero.ndarray;

import dezero.ndarray.kernel.BinaryOp;
import dezero.ndarray.kernel.UnaryOp;

/** Broadcasting, type promotion and dispatch of element-wise work to the kernel. */
final class Elementwise {
    private Elementwise() {
    }

    static NdArray binary(BinaryOp op, NdArray a, NdArray b, String name) { throw new UnsupportedOperationException("not implemented yet"); }

    static NdArray unary(UnaryOp op, NdArray a) { throw new UnsupportedOperationException("not implemented yet"); }

    static NdArray inPlace(BinaryOp op, NdArray target, NdArray o, String name) { throw new UnsupportedOperationException("not implemented yet"); }

    static NdArray assign(NdArray target, NdArray o) { throw new UnsupportedOperationException("not implemented yet"); }

    static NdArray compare(CompareOp op, NdArray a, NdArray b) { throw new UnsupportedOperationException("not implemented yet"); }

    static NdArray where(NdArray cond, NdArray a, NdArray b) { throw new UnsupportedOperationException("not implemented yet"); }

    static NdArray astype(NdArray a, DType to) { throw new UnsupportedOperationException("not implemented yet"); }
}
