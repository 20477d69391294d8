package dezero.ndarray.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorized float32 binary loops: one loop per op and stride form, so every Vector API call has a
 * constant operator (a variable operator defeats C2's intrinsics on JDK 17). Lanes compute exactly
 * what the plain loops compute (IEEE add, sub, mul, div; Math.max/min semantics).
 */
final class VectorBinaryF {
    private VectorBinaryF() {
    }

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    /** Contiguous or broadcast-scalar operands (strides 1/1, 1/0, 0/1) over [from, to). */
    static void binaryRange(BinaryOp op, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int from, int to) {
        int form = as == 1 ? (bs == 1 ? 0 : 1) : 2;
        switch (op) {
            case ADD:
                if (form == 0) {
                    addVV(a, ao, b, bo, out, oo, from, to);
                } else if (form == 1) {
                    addVS(a, ao, b[bo], out, oo, from, to);
                } else {
                    addSV(a[ao], b, bo, out, oo, from, to);
                }
                break;
            case SUB:
                if (form == 0) {
                    subVV(a, ao, b, bo, out, oo, from, to);
                } else if (form == 1) {
                    subVS(a, ao, b[bo], out, oo, from, to);
                } else {
                    subSV(a[ao], b, bo, out, oo, from, to);
                }
                break;
            case MUL:
                if (form == 0) {
                    mulVV(a, ao, b, bo, out, oo, from, to);
                } else if (form == 1) {
                    mulVS(a, ao, b[bo], out, oo, from, to);
                } else {
                    mulSV(a[ao], b, bo, out, oo, from, to);
                }
                break;
            case DIV:
                if (form == 0) {
                    divVV(a, ao, b, bo, out, oo, from, to);
                } else if (form == 1) {
                    divVS(a, ao, b[bo], out, oo, from, to);
                } else {
                    divSV(a[ao], b, bo, out, oo, from, to);
                }
                break;
            case MAXIMUM:
                if (form == 0) {
                    maximumVV(a, ao, b, bo, out, oo, from, to);
                } else if (form == 1) {
                    maximumVS(a, ao, b[bo], out, oo, from, to);
                } else {
                    maximumSV(a[ao], b, bo, out, oo, from, to);
                }
                break;
            case MINIMUM:
                if (form == 0) {
                    minimumVV(a, ao, b, bo, out, oo, from, to);
                } else if (form == 1) {
                    minimumVS(a, ao, b[bo], out, oo, from, to);
                } else {
                    minimumSV(a[ao], b, bo, out, oo, from, to);
                }
                break;
            default:
                throw new IllegalArgumentException("no vector loop for " + op);
        }
    }

    private static void addVV(float[] a, int ao, float[] b, int bo, float[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).add(FloatVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] + b[bo + i];
        }
    }

    private static void addVS(float[] a, int ao, float y, float[] out, int oo, int from, int to) {
        FloatVector vy = FloatVector.broadcast(F, y);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).add(vy).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] + y;
        }
    }

    private static void addSV(float x, float[] b, int bo, float[] out, int oo, int from, int to) {
        FloatVector vx = FloatVector.broadcast(F, x);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            vx.add(FloatVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = x + b[bo + i];
        }
    }

    private static void subVV(float[] a, int ao, float[] b, int bo, float[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).sub(FloatVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] - b[bo + i];
        }
    }

    private static void subVS(float[] a, int ao, float y, float[] out, int oo, int from, int to) {
        FloatVector vy = FloatVector.broadcast(F, y);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).sub(vy).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] - y;
        }
    }

    private static void subSV(float x, float[] b, int bo, float[] out, int oo, int from, int to) {
        FloatVector vx = FloatVector.broadcast(F, x);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            vx.sub(FloatVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = x - b[bo + i];
        }
    }

    private static void mulVV(float[] a, int ao, float[] b, int bo, float[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).mul(FloatVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] * b[bo + i];
        }
    }

    private static void mulVS(float[] a, int ao, float y, float[] out, int oo, int from, int to) {
        FloatVector vy = FloatVector.broadcast(F, y);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).mul(vy).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] * y;
        }
    }

    private static void mulSV(float x, float[] b, int bo, float[] out, int oo, int from, int to) {
        FloatVector vx = FloatVector.broadcast(F, x);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            vx.mul(FloatVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = x * b[bo + i];
        }
    }

    private static void divVV(float[] a, int ao, float[] b, int bo, float[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).div(FloatVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] / b[bo + i];
        }
    }

    private static void divVS(float[] a, int ao, float y, float[] out, int oo, int from, int to) {
        FloatVector vy = FloatVector.broadcast(F, y);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).div(vy).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] / y;
        }
    }

    private static void divSV(float x, float[] b, int bo, float[] out, int oo, int from, int to) {
        FloatVector vx = FloatVector.broadcast(F, x);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            vx.div(FloatVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = x / b[bo + i];
        }
    }

    private static void maximumVV(float[] a, int ao, float[] b, int bo, float[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).max(FloatVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = Math.max(a[ao + i], b[bo + i]);
        }
    }

    private static void maximumVS(float[] a, int ao, float y, float[] out, int oo, int from, int to) {
        FloatVector vy = FloatVector.broadcast(F, y);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).max(vy).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = Math.max(a[ao + i], y);
        }
    }

    private static void maximumSV(float x, float[] b, int bo, float[] out, int oo, int from, int to) {
        FloatVector vx = FloatVector.broadcast(F, x);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            vx.max(FloatVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = Math.max(x, b[bo + i]);
        }
    }

    private static void minimumVV(float[] a, int ao, float[] b, int bo, float[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).min(FloatVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = Math.min(a[ao + i], b[bo + i]);
        }
    }

    private static void minimumVS(float[] a, int ao, float y, float[] out, int oo, int from, int to) {
        FloatVector vy = FloatVector.broadcast(F, y);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, a, ao + i).min(vy).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = Math.min(a[ao + i], y);
        }
    }

    private static void minimumSV(float x, float[] b, int bo, float[] out, int oo, int from, int to) {
        FloatVector vx = FloatVector.broadcast(F, x);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            vx.min(FloatVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = Math.min(x, b[bo + i]);
        }
    }

    /** y[yOff + i] -= alpha * x[xOff + i] for i in [from, to): the product rounded, then subtracted (no fma). */
    static void subScaledRange(float[] y, int yOff, float alpha, float[] x, int xOff, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector.fromArray(F, y, yOff + i).sub(FloatVector.fromArray(F, x, xOff + i).mul(alpha)).intoArray(y, yOff + i);
        }
        for (; i < to; i++) {
            y[yOff + i] -= alpha * x[xOff + i];
        }
    }
}
