package dezero.ndarray.kernel;

/**
 * The plain loops of {@link Kernel#adamStep}: for i in [from, to), in the element type and in
 * this order, each operation rounded on its own (Java never fuses a multiply and an add):
 * {@code m += (g - m) * c1; v += (g * g - v) * c2; p -= m * lr / (sqrt(v) + eps)}, the same
 * values, bit for bit, as the array operations {@code m.addi(g.sub(m).mul(c1))},
 * {@code v.addi(g.mul(g).sub(v).mul(c2))} and {@code p.subi(m.mul(lr).div(v.sqrt().add(eps)))}.
 * The Vector API kernel runs the same operations on vectors and these loops on the tails.
 */
final class AdamStep {
    private AdamStep() {
    }

    static void range(double[] p, double[] m, double[] v, double[] g, int from, int to,
                      double c1, double c2, double lr, double eps) {
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = m[i] + (gi - m[i]) * c1;
            double vi = v[i] + (gi * gi - v[i]) * c2;
            m[i] = mi;
            v[i] = vi;
            p[i] -= mi * lr / (Math.sqrt(vi) + eps);
        }
    }

    static void range(float[] p, float[] m, float[] v, float[] g, int from, int to,
                      float c1, float c2, float lr, float eps) {
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * c1;
            float vi = v[i] + (gi * gi - v[i]) * c2;
            m[i] = mi;
            v[i] = vi;
            // the double square root rounded to float is the float square root
            p[i] -= mi * lr / ((float) Math.sqrt(vi) + eps);
        }
    }

    static void checkLengths(int pLength, int mLength, int vLength, int gLength, int n) {
        if (n < 0 || pLength < n || mLength < n || vLength < n || gLength < n) {
            throw new IllegalArgumentException("adamStep: n = " + n + " elements, but the arrays hold p " + pLength
                    + ", m " + mLength + ", v " + vLength + ", g " + gLength);
        }
    }
}
