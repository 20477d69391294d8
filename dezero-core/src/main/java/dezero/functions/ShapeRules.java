package dezero.functions;

import dezero.ndarray.Shapes;

/** Shape helpers for {@code expandDims} and {@code flatten}, which are reshapes. */
final class ShapeRules {
    private ShapeRules() {
    }

    /** NumPy's expand_dims: a negative axis counts from the end of the result (DeZero's (2,1,3) for -1 is a bug). */
    static int[] expandDims(int[] shape, int axis) {
        int nd = shape.length + 1;
        if (axis < -nd || axis >= nd) {
            throw new IllegalArgumentException("expandDims: axis " + axis + " is out of bounds for result of dimension "
                    + nd + " (input shape " + Shapes.str(shape) + ")");
        }
        int a = axis < 0 ? axis + nd : axis;
        int[] out = new int[nd];
        for (int i = 0, j = 0; i < nd; i++) {
            out[i] = i == a ? 1 : shape[j++];
        }
        return out;
    }
}
