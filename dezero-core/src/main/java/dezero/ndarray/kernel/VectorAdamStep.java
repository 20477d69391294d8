package dezero.ndarray.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link AdamStep}'s operations on vectors over [from, to), in the same order and rounding; the tail by its plain loop. */
final class VectorAdamStep {
    private VectorAdamStep() {
    }

    private static final VectorSpecies<Double> D = VectorMath.D;
    private static final VectorSpecies<Float> F = VectorMath.F;

    static void range(double[] p, double[] m, double[] v, double[] g, int from, int to,
                      double c1, double c2, double lr, double eps) {
        int i = from;
        for (int end = from + D.loopBound(to - from); i < end; i += D.length()) {
            DoubleVector gi = DoubleVector.fromArray(D, g, i);
            DoubleVector mi = DoubleVector.fromArray(D, m, i);
            DoubleVector vi = DoubleVector.fromArray(D, v, i);
            mi = mi.add(gi.sub(mi).mul(c1));
            vi = vi.add(gi.mul(gi).sub(vi).mul(c2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            DoubleVector.fromArray(D, p, i).sub(mi.mul(lr).div(vi.sqrt().add(eps))).intoArray(p, i);
        }
        AdamStep.range(p, m, v, g, i, to, c1, c2, lr, eps);
    }

    static void range(float[] p, float[] m, float[] v, float[] g, int from, int to,
                      float c1, float c2, float lr, float eps) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector gi = FloatVector.fromArray(F, g, i);
            FloatVector mi = FloatVector.fromArray(F, m, i);
            FloatVector vi = FloatVector.fromArray(F, v, i);
            mi = mi.add(gi.sub(mi).mul(c1));
            vi = vi.add(gi.mul(gi).sub(vi).mul(c2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector.fromArray(F, p, i).sub(mi.mul(lr).div(vi.sqrt().add(eps))).intoArray(p, i);
        }
        AdamStep.range(p, m, v, g, i, to, c1, c2, lr, eps);
    }
}
