package dezero.datasets;

import dezero.ndarray.NdArray;

import java.util.Arrays;

/** Copies rows (slices along the first axis) of an array by bulk copies of its storage. */
final class Rows {
    private Rows() {
    }

    /** {@code a[i]}: a fresh array of shape {@code a.shape[1:]}. */
    static NdArray row(NdArray a, int i) {
        return gather(a, new int[] {i}, false);
    }

    /** {@code a[indices]}: a fresh array of shape {@code (len(indices),) + a.shape[1:]}. */
    static NdArray gather(NdArray a, int[] indices) {
        return gather(a, indices, true);
    }

    private static NdArray gather(NdArray a, int[] indices, boolean keepAxis) {
        int[] shape = a.shape();
        int rowSize = shape[0] == 0 ? 0 : a.size() / shape[0];
        int[] outShape;
        if (keepAxis) {
            outShape = shape.clone();
            outShape[0] = indices.length;
        } else {
            outShape = Arrays.copyOfRange(shape, 1, shape.length);
        }
        int n = indices.length * rowSize;
        switch (a.dtype()) {
            case FLOAT64: {
                double[] src = a.doubleData();
                double[] dst = new double[n];
                for (int k = 0; k < indices.length; k++) {
                    System.arraycopy(src, indices[k] * rowSize, dst, k * rowSize, rowSize);
                }
                return NdArray.wrap(dst, outShape);
            }
            case FLOAT32: {
                float[] src = a.floatData();
                float[] dst = new float[n];
                for (int k = 0; k < indices.length; k++) {
                    System.arraycopy(src, indices[k] * rowSize, dst, k * rowSize, rowSize);
                }
                return NdArray.wrap(dst, outShape);
            }
            case INT64: {
                long[] src = a.longData();
                long[] dst = new long[n];
                for (int k = 0; k < indices.length; k++) {
                    System.arraycopy(src, indices[k] * rowSize, dst, k * rowSize, rowSize);
                }
                return NdArray.wrap(dst, outShape);
            }
            default: {
                boolean[] src = a.boolData();
                boolean[] dst = new boolean[n];
                for (int k = 0; k < indices.length; k++) {
                    System.arraycopy(src, indices[k] * rowSize, dst, k * rowSize, rowSize);
                }
                return NdArray.wrap(dst, outShape);
            }
        }
    }
}
