package dezero.ndarray;

import dezero.ndarray.kernel.Window;

/**
 * The shape checks of max and average pooling; the loops are the kernel's (see
 * {@code Kernel#maxPool}), which runs them over image planes {@code [lo, hi)} (a plane is one
 * (n, c) pair).
 */
final class Pool {
    private Pool() {
    }

    /** Sizes of a pooling over an (N, C, H, W) input. */
    static final class Geometry {
        final int n, c, h, w, oh, ow, planes;
        final ConvWindow g;

        Geometry(int n, int c, int h, int w, ConvWindow g) {
            this.n = n;
            this.c = c;
            this.h = h;
            this.w = w;
            this.g = g;
            this.oh = g.outHeight(h);
            this.ow = g.outWidth(w);
            this.planes = n * c;
        }

        int outSize() {
            return Math.multiplyExact(planes, oh * ow);
        }

        int[] outShape() {
            return new int[] {n, c, oh, ow};
        }

        /** The kernel's view of this pooling's planes. */
        Window window() {
            return g.on(h, w);
        }
    }

    static Geometry geometry(String op, int[] shape, ConvWindow g) {
        if (shape == null || shape.length != 4) {
            throw new IllegalArgumentException(op + ": the input must be 4-d (N, C, H, W), got shape "
                    + (shape == null ? "null" : Shapes.str(shape)));
        }
        g.requireFits(op, shape[2], shape[3], "input " + Shapes.str(shape));
        return new Geometry(shape[0], shape[1], shape[2], shape[3], g);
    }

    static void requireOut(String op, String name, NdArray a, Geometry p) {
        int[] want = p.outShape();
        if (!java.util.Arrays.equals(a.shape, want)) {
            throw new IllegalArgumentException(op + ": " + name + " has shape " + Shapes.str(a.shape) + ", expected "
                    + Shapes.str(want) + " for an input of (" + p.n + ", " + p.c + ", " + p.h + ", " + p.w + ") with "
                    + p.g);
        }
        if (name.equals("argmax") && a.dtype != DType.INT64) {
            throw new IllegalArgumentException(op + ": argmax must be int64, got " + a.dtype);
        }
    }
}
