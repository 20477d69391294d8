package dezero.ndarray;

import java.util.Arrays;

/**
 * Shape arithmetic shared by the array layer and the autograd layer: broadcasting, axis
 * normalisation and formatting shapes the way NumPy prints them ({@code (2, 3)}).
 */
public final class Shapes {
    private Shapes() {
    }

    /** Number of elements of a shape (1 for the 0-d shape {@code ()}). */
    public static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + str(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31-1 elements");
            }
        }
        return (int) n;
    }

    /** Formats a shape as NumPy does: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    public static String str(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /**
     * The broadcast shape of {@code a} and {@code b} under NumPy's rules, or an
     * {@link IllegalArgumentException} naming {@code op} and both shapes.
     */
    public static int[] broadcast(int[] a, int[] b, String op) {
        if (Arrays.equals(a, b)) {
            return a;
        }
        int nd = Math.max(a.length, b.length);
        int[] out = new int[nd];
        for (int i = 0; i < nd; i++) {
            int da = i < nd - a.length ? 1 : a[i - (nd - a.length)];
            int db = i < nd - b.length ? 1 : b[i - (nd - b.length)];
            if (da == db || db == 1) {
                out[i] = da;
            } else if (da == 1) {
                out[i] = db;
            } else {
                throw new IllegalArgumentException(op + ": operands could not be broadcast together with shapes "
                        + str(a) + " " + str(b));
            }
        }
        return out;
    }

    /** True when an array of shape {@code from} broadcasts to exactly {@code to}. */
    public static boolean broadcastsTo(int[] from, int[] to) {
        if (from.length > to.length) {
            return false;
        }
        int off = to.length - from.length;
        for (int i = 0; i < from.length; i++) {
            if (from[i] != 1 && from[i] != to[i + off]) {
                return false;
            }
        }
        return true;
    }

    /** Turns a possibly negative axis into {@code 0..ndim-1}, or throws naming {@code op} and the shape. */
    public static int normalizeAxis(int axis, int[] shape, String op) {
        int ndim = shape.length;
        if (axis < -ndim || axis >= ndim) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of bounds for array of dimension "
                    + ndim + " (shape " + str(shape) + ")");
        }
        return axis < 0 ? axis + ndim : axis;
    }

    /**
     * Normalises a list of axes (negative allowed), rejecting duplicates and out-of-range values;
     * the result is sorted ascending.
     */
    public static int[] normalizeAxes(int[] axes, int[] shape, String op) {
        int[] out = new int[axes.length];
        boolean[] seen = new boolean[shape.length];
        for (int i = 0; i < axes.length; i++) {
            int a = normalizeAxis(axes[i], shape, op);
            if (seen[a]) {
                throw new IllegalArgumentException(op + ": duplicate value in axes " + Arrays.toString(axes)
                        + " for shape " + str(shape));
            }
            seen[a] = true;
            out[i] = a;
        }
        Arrays.sort(out);
        return out;
    }

    /** Row-major strides (in elements) of a shape. */
    public static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }
}
