package dezero.ndarray.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorized unary element-wise loops over [from, to). The transcendental functions go through
 * {@link VectorMath}, in the operand's own lanes like the others. Each op has its own loop so every Vector API call sees a constant
 * operator. sin, cos and sign are not here: {@link VectorKernel} leaves them to the plain loops.
 */
final class VectorUnary {
    private VectorUnary() {
    }

    static final VectorSpecies<Double> D = VectorMath.D;
    static final VectorSpecies<Float> F = VectorMath.F;

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
        // one method per op: a loop with its inlined math stays within C2's inlining budget
        int i;
        switch (op) {
            case NEG:
                i = negD(a, ao, out, oo, from, to);
                break;
            case ABS:
                i = absD(a, ao, out, oo, from, to);
                break;
            case SQUARE:
                i = squareD(a, ao, out, oo, from, to);
                break;
            case SQRT:
                i = sqrtD(a, ao, out, oo, from, to);
                break;
            case RECIPROCAL:
                i = reciprocalD(a, ao, out, oo, from, to);
                break;
            case EXP:
                i = expD(a, ao, out, oo, from, to);
                break;
            case LOG:
                i = logD(a, ao, out, oo, from, to);
                break;
            case TANH:
                i = tanhD(a, ao, out, oo, from, to);
                break;
            case SIGMOID:
                i = sigmoidD(a, ao, out, oo, from, to);
                break;
            default:
                throw new IllegalArgumentException("no vector loop for " + op);
        }
        if (i < to) {
            tail(op, a, ao + i, out, oo + i, to - i);
        }
    }

    private static int negD(double[] a, int ao, double[] out, int oo, int from, int to) {
        int i = from;
        int end = from + D.loopBound(to - from);
        for (; i < end; i += D.length()) {
            DoubleVector.fromArray(D, a, ao + i).neg().intoArray(out, oo + i);
        }
        return i;
    }

    private static int absD(double[] a, int ao, double[] out, int oo, int from, int to) {
        int i = from;
        int end = from + D.loopBound(to - from);
        for (; i < end; i += D.length()) {
            DoubleVector.fromArray(D, a, ao + i).abs().intoArray(out, oo + i);
        }
        return i;
    }

    private static int squareD(double[] a, int ao, double[] out, int oo, int from, int to) {
        int i = from;
        int end = from + D.loopBound(to - from);
        for (; i < end; i += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, a, ao + i);
            v.mul(v).intoArray(out, oo + i);
        }
        return i;
    }

    private static int sqrtD(double[] a, int ao, double[] out, int oo, int from, int to) {
        int i = from;
        int end = from + D.loopBound(to - from);
        for (; i < end; i += D.length()) {
            DoubleVector.fromArray(D, a, ao + i).sqrt().intoArray(out, oo + i);
        }
        return i;
    }

    private static int reciprocalD(double[] a, int ao, double[] out, int oo, int from, int to) {
        int i = from;
        int end = from + D.loopBound(to - from);
        for (; i < end; i += D.length()) {
            DoubleVector.broadcast(D, 1.0).div(DoubleVector.fromArray(D, a, ao + i)).intoArray(out, oo + i);
        }
        return i;
    }

    private static int expD(double[] a, int ao, double[] out, int oo, int from, int to) {
        int end = from + D.loopBound(to - from);
        VectorMath.exp(a, ao, out, oo, from, end);
        return end;
    }

    private static int logD(double[] a, int ao, double[] out, int oo, int from, int to) {
        int end = from + D.loopBound(to - from);
        VectorMath.log(a, ao, out, oo, from, end);
        return end;
    }

    private static int tanhD(double[] a, int ao, double[] out, int oo, int from, int to) {
        int end = from + D.loopBound(to - from);
        VectorMath.tanh(a, ao, out, oo, from, end);
        return end;
    }

    private static int sigmoidD(double[] a, int ao, double[] out, int oo, int from, int to) {
        int end = from + D.loopBound(to - from);
        VectorMath.sigmoid(a, ao, out, oo, from, end);
        return end;
    }

    static void unary(UnaryOp op, float[] a, int ao, float[] out, int oo, int from, int to) {
        // one method per op: a loop with its inlined math stays within C2's inlining budget
        int i;
        switch (op) {
            case NEG:
                i = negF(a, ao, out, oo, from, to);
                break;
            case ABS:
                i = absF(a, ao, out, oo, from, to);
                break;
            case SQUARE:
                i = squareF(a, ao, out, oo, from, to);
                break;
            case SQRT:
                i = sqrtF(a, ao, out, oo, from, to);
                break;
            case RECIPROCAL:
                i = reciprocalF(a, ao, out, oo, from, to);
                break;
            case EXP:
                i = expF(a, ao, out, oo, from, to);
                break;
            case LOG:
                i = logF(a, ao, out, oo, from, to);
                break;
            case TANH:
                i = tanhF(a, ao, out, oo, from, to);
                break;
            case SIGMOID:
                i = sigmoidF(a, ao, out, oo, from, to);
                break;
            default:
                throw new IllegalArgumentException("no vector loop for " + op);
        }
        if (i < to) {
            tail(op, a, ao + i, out, oo + i, to - i);
        }
    }

    private static int negF(float[] a, int ao, float[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).neg().intoArray(out, oo + i);
        }
        return i;
    }

    private static int absF(float[] a, int ao, float[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).abs().intoArray(out, oo + i);
        }
        return i;
    }

    private static int squareF(float[] a, int ao, float[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, a, ao + i);
            v.mul(v).intoArray(out, oo + i);
        }
        return i;
    }

    private static int sqrtF(float[] a, int ao, float[] out, int oo, int from, int to) {
        int i = from;

        // IEEE sqrt in float equals the double sqrt rounded to float
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).sqrt().intoArray(out, oo + i);
        }
        return i;
    }

    private static int reciprocalF(float[] a, int ao, float[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.broadcast(F, 1.0f).div(FloatVector.fromArray(F, a, ao + i)).intoArray(out, oo + i);
        }
        return i;
    }

    private static int expF(float[] a, int ao, float[] out, int oo, int from, int to) {
        int end = from + F.loopBound(to - from);
        VectorMath.exp(a, ao, out, oo, from, end);
        return end;
    }

    private static int logF(float[] a, int ao, float[] out, int oo, int from, int to) {
        int end = from + F.loopBound(to - from);
        VectorMath.log(a, ao, out, oo, from, end);
        return end;
    }

    private static int tanhF(float[] a, int ao, float[] out, int oo, int from, int to) {
        int end = from + F.loopBound(to - from);
        VectorMath.tanh(a, ao, out, oo, from, end);
        return end;
    }

    private static int sigmoidF(float[] a, int ao, float[] out, int oo, int from, int to) {
        int end = from + F.loopBound(to - from);
        VectorMath.sigmoid(a, ao, out, oo, from, end);
        return end;
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
