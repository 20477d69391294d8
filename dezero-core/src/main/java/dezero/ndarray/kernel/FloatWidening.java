package dezero.ndarray.kernel;

/**
 * Exact float32 to float64 widening for the kernels computed in double lanes (float32 log),
 * without a second vector shape.
 *
 * <p>Why not {@code convertShape(F2D, ...)}: on JDK 17 that needs a float species of half the
 * preferred size, and a second FloatVector class in use makes the library's shared call sites
 * (every {@code intoArray}, every {@code broadcast}) see two receiver types; C2 then fails to
 * intrinsify them in unrelated code. The gemm micro-kernel fell from about 200 to 6 GFLOP/s
 * once a float32 exp had run. Every kernel sticks to the preferred species of each element type
 * ({@code KernelSpeciesTest} checks it). Instead, plain loops (which C2 auto-vectorizes) widen a
 * block into a double buffer and round the results back.
 */
final class FloatWidening {
    private FloatWidening() {
    }

    /** Block length of the buffered paths (fits L1 with its float source and destination). */
    static final int BLOCK = 1024;

    /** buf[0 .. n) = a[ao ..] as doubles. */
    static void widen(float[] a, int ao, double[] buf, int n) {
        for (int i = 0; i < n; i++) {
            buf[i] = a[ao + i];
        }
    }

    /** out[oo ..] = buf[bo .. bo + n) rounded to float. */
    static void narrow(double[] buf, int bo, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = (float) buf[bo + i];
        }
    }
}
