package dezero.ndarray.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorized unary element-wise loops over [from, to). The transcendental functions go through
 * {@link VectorMath} in double lanes (float32 is widened, computed and rounded once); the
 * others run in the operand's own lanes. Each op has its own loop so every Vector API call
 * sees a constant operator. sin, cos and sign are not here: {@link VectorKernel} leaves them
 * to the plain loops.
 */
final class VectorUnary {
    private VectorUnary() {
    }

    static final VectorSpecies<Double> D = VectorMath.D;
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Floats with as many lanes as D: widening one gives one double vector. */
    static final VectorSpecies<Float> FH = VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));

    static boolean supports(UnaryOp op) {
        switch (op) {
            case NEG:
            case ABS:
            case SQUARE:
            case SQRT:
            case RECIPROCAL:
            case EXP:
            case LOG:
            case TANH:
            case SIGMOID:
                return true;
            default:
                return false;
        }
    }

    static void unary(UnaryOp op, double[] a, int ao, double[] out, int oo, int from, int to) {
        int i = from;
        int end = from + D.loopBound(to - from);
        switch (op) {
            case NEG:
                for (; i < end; i += D.length()) {
                    DoubleVector.fromArray(D, a, ao + i).neg().intoArray(out, oo + i);
                }
                break;
            case ABS:
                for (; i < end; i += D.length()) {
                    DoubleVector.fromArray(D, a, ao + i).abs().intoArray(out, oo + i);
                }
                break;
            case SQUARE:
                for (; i < end; i += D.length()) {
                    DoubleVector v = DoubleVector.fromArray(D, a, ao + i);
                    v.mul(v).intoArray(out, oo + i);
                }
                break;
            case SQRT:
                for (; i < end; i += D.length()) {
                    DoubleVector.fromArray(D, a, ao + i).sqrt().intoArray(out, oo + i);
                }
                break;
            case RECIPROCAL:
                for (; i < end; i += D.length()) {
                    DoubleVector.broadcast(D, 1.0).div(DoubleVector.fromArray(D, a, ao + i)).intoArray(out, oo + i);
                }
                break;
            case EXP:
                for (; i < end; i += D.length()) {
                    VectorMath.exp(DoubleVector.fromArray(D, a, ao + i)).intoArray(out, oo + i);
                }
                break;
            case LOG:
                for (; i < end; i += D.length()) {
                    VectorMath.log(DoubleVector.fromArray(D, a, ao + i)).intoArray(out, oo + i);
                }
                break;
            case TANH:
                for (; i < end; i += D.length()) {
                    VectorMath.tanh(DoubleVector.fromArray(D, a, ao + i)).intoArray(out, oo + i);
                }
                break;
            case SIGMOID:
                for (; i < end; i += D.length()) {
                    VectorMath.sigmoid(DoubleVector.fromArray(D, a, ao + i)).intoArray(out, oo + i);
                }
                break;
            default:
                throw new IllegalArgumentException("no vector loop for " + op);
        }
        if (i < to) {
            tail(op, a, ao + i, out, oo + i, to - i);
        }
    }

    static void unary(UnaryOp op, float[] a, int ao, float[] out, int oo, int from, int to) {
        int i = from;
        switch (op) {
            case NEG:
                for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
                    FloatVector.fromArray(F, a, ao + i).neg().intoArray(out, oo + i);
                }
                break;
            case ABS:
                for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
                    FloatVector.fromArray(F, a, ao + i).abs().intoArray(out, oo + i);
                }
                break;
            case SQUARE:
                for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
                    FloatVector v = FloatVector.fromArray(F, a, ao + i);
                    v.mul(v).intoArray(out, oo + i);
                }
                break;
            case SQRT:
                // IEEE sqrt in float equals the double sqrt rounded to float
                for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
                    FloatVector.fromArray(F, a, ao + i).sqrt().intoArray(out, oo + i);
                }
                break;
            case RECIPROCAL:
                for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
                    FloatVector.broadcast(F, 1.0f).div(FloatVector.fromArray(F, a, ao + i)).intoArray(out, oo + i);
                }
                break;
            case EXP:
                for (int end = from + FH.loopBound(to - from); i < end; i += FH.length()) {
                    narrow(VectorMath.exp(widen(a, ao + i))).intoArray(out, oo + i);
                }
                break;
            case LOG:
                for (int end = from + FH.loopBound(to - from); i < end; i += FH.length()) {
                    narrow(VectorMath.log(widen(a, ao + i))).intoArray(out, oo + i);
                }
                break;
            case TANH:
                for (int end = from + FH.loopBound(to - from); i < end; i += FH.length()) {
                    narrow(VectorMath.tanh(widen(a, ao + i))).intoArray(out, oo + i);
                }
                break;
            case SIGMOID:
                for (int end = from + FH.loopBound(to - from); i < end; i += FH.length()) {
                    narrow(VectorMath.sigmoid(widen(a, ao + i))).intoArray(out, oo + i);
                }
                break;
            default:
                throw new IllegalArgumentException("no vector loop for " + op);
        }
        if (i < to) {
            tail(op, a, ao + i, out, oo + i, to - i);
        }
    }

    static DoubleVector widen(float[] a, int i) {
        return (DoubleVector) FloatVector.fromArray(FH, a, i).convertShape(VectorOperators.F2D, D, 0);
    }

    static FloatVector narrow(DoubleVector v) {
        return (FloatVector) v.convertShape(VectorOperators.D2F, FH, 0);
    }

    private static final ThreadLocal<double[]> TAIL_D = ThreadLocal.withInitial(() -> new double[D.length()]);
    private static final ThreadLocal<float[]> TAIL_F = ThreadLocal.withInitial(() -> new float[F.length()]);

    /** The last elements (fewer than a vector): the same vector code on a one-vector buffer, so every lane agrees. */
    private static void tail(UnaryOp op, double[] a, int ai, double[] out, int oi, int n) {
        double[] buf = TAIL_D.get();
        System.arraycopy(a, ai, buf, 0, n);
        unary(op, buf, 0, buf, 0, 0, D.length());
        System.arraycopy(buf, 0, out, oi, n);
    }

    private static void tail(UnaryOp op, float[] a, int ai, float[] out, int oi, int n) {
        float[] buf = TAIL_F.get();
        System.arraycopy(a, ai, buf, 0, n);
        unary(op, buf, 0, buf, 0, 0, F.length());
        System.arraycopy(buf, 0, out, oi, n);
    }
}
