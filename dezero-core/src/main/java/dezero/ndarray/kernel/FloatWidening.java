package dezero.ndarray.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Exact float32 to float64 widening for the Vector API kernels, without a second vector shape.
 *
 * <p>Why not {@code convertShape(F2D, ...)}: on JDK 17 that needs a float species of half the
 * preferred size, and a second FloatVector class in use makes the library's shared call sites
 * (every {@code intoArray}, every {@code broadcast}) see two receiver types; C2 then fails to
 * intrinsify them in unrelated code. The gemm micro-kernel fell from about 200 to 6 GFLOP/s
 * once a float32 exp had run. Every kernel sticks to the preferred species of each element type
 * ({@code KernelSpeciesTest} checks it).
 *
 * <p>In vector loops (the float32 sums): a float vector is read as long lanes, each holding two
 * floats, the even element in the low half and the odd one in the high half. A float's
 * magnitude bits shifted to bit 29 and up are a double whose value is the float's times 2^-896
 * (exponent bias 127 against 1023, mantissa 23 against 52 bits); multiplying by 2^896 is exact
 * and also turns float subnormals into the right doubles. So, with {@code bits} the long lanes:
 * <pre>
 * even = ((bits &lt;&lt; 29) &amp; MAGNITUDE | (bits &lt;&lt; 32) &amp; SIGN) as doubles * TWO_TO_896
 * odd  = ((bits &gt;&gt;&gt; 3) &amp; MAGNITUDE | bits &amp; SIGN) as doubles * TWO_TO_896
 * </pre>
 * Infinities and NaNs would come out finite, so loops first test
 * {@code ((bits & EXPONENTS) + EXPONENT_CARRY) & CARRIES}: an all-ones exponent carries into
 * its half's top bit; those vectors take a scalar path. The loops write these lines out rather
 * than call a helper: a helper taking a vector is often compiled on its own first, after which
 * C2 will not inline it and boxes every vector passed to it (measured: 10 to 20 times slower).
 *
 * <p>Elsewhere (float32 exp and log, computed in double lanes): plain loops that C2
 * auto-vectorizes widen a block into a double buffer and round the results back.
 */
final class FloatWidening {
    private FloatWidening() {
    }

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    /** Bits 29..59: where a float's exponent and mantissa go in the widened double. */
    static final long MAGNITUDE = 0x7FFFFFFFL << 29;
    static final long SIGN = Long.MIN_VALUE;
    static final double TWO_TO_896 = Math.scalb(1.0, 896);
    /** The exponent bits of both floats of a long lane. */
    static final long EXPONENTS = 0x7F8000007F800000L;
    /** Added to the masked exponents: carries into bit 31 / 63 exactly when an exponent is all ones. */
    static final long EXPONENT_CARRY = 0x0080000000800000L;
    static final long CARRIES = 0x8000000080000000L;

    /** Block length of the buffered paths (fits L1 with its float source and destination). */
    static final int BLOCK = 1024;

    /** buf[0 .. n) = a[ao ..] as doubles (a plain loop: C2 vectorizes the conversion). */
    static void widen(float[] a, int ao, double[] buf, int n) {
        for (int i = 0; i < n; i++) {
            buf[i] = a[ao + i];
        }
    }

    /** out[oo ..] = buf[0 .. n) rounded to float. */
    static void narrow(double[] buf, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            out[oo + i] = (float) buf[i];
        }
    }
}
