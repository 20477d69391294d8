package dezero.ndarray.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** Vectorized float64 binary loops, written like {@link VectorBinaryF}. */
final class VectorBinaryD {
    private VectorBinaryD() {
    }

    private static final VectorSpecies<Double> F = DoubleVector.SPECIES_PREFERRED;

    /** Contiguous or broadcast-scalar operands (strides 1/1, 1/0, 0/1) over [from, to). */
    static void binaryRange(BinaryOp op, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int from, int to) {
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

    private static void addVV(double[] a, int ao, double[] b, int bo, double[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            DoubleVector.fromArray(F, a, ao + i).add(DoubleVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] + b[bo + i];
        }
    }

    private static void addVS(double[] a, int ao, double y, double[] out, int oo, int from, int to) {
        DoubleVector vy = DoubleVector.broadcast(F, y);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            DoubleVector.fromArray(F, a, ao + i).add(vy).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] + y;
        }
    }

    private static void addSV(double x, double[] b, int bo, double[] out, int oo, int from, int to) {
        DoubleVector vx = DoubleVector.broadcast(F, x);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            vx.add(DoubleVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = x + b[bo + i];
        }
    }

    private static void subVV(double[] a, int ao, double[] b, int bo, double[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            DoubleVector.fromArray(F, a, ao + i).sub(DoubleVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] - b[bo + i];
        }
    }

    private static void subVS(double[] a, int ao, double y, double[] out, int oo, int from, int to) {
        DoubleVector vy = DoubleVector.broadcast(F, y);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            DoubleVector.fromArray(F, a, ao + i).sub(vy).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] - y;
        }
    }

    private static void subSV(double x, double[] b, int bo, double[] out, int oo, int from, int to) {
        DoubleVector vx = DoubleVector.broadcast(F, x);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            vx.sub(DoubleVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = x - b[bo + i];
        }
    }

    private static void mulVV(double[] a, int ao, double[] b, int bo, double[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            DoubleVector.fromArray(F, a, ao + i).mul(DoubleVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] * b[bo + i];
        }
    }

    private static void mulVS(double[] a, int ao, double y, double[] out, int oo, int from, int to) {
        DoubleVector vy = DoubleVector.broadcast(F, y);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            DoubleVector.fromArray(F, a, ao + i).mul(vy).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] * y;
        }
    }

    private static void mulSV(double x, double[] b, int bo, double[] out, int oo, int from, int to) {
        DoubleVector vx = DoubleVector.broadcast(F, x);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            vx.mul(DoubleVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = x * b[bo + i];
        }
    }

    private static void divVV(double[] a, int ao, double[] b, int bo, double[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            DoubleVector.fromArray(F, a, ao + i).div(DoubleVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] / b[bo + i];
        }
    }

    private static void divVS(double[] a, int ao, double y, double[] out, int oo, int from, int to) {
        DoubleVector vy = DoubleVector.broadcast(F, y);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            DoubleVector.fromArray(F, a, ao + i).div(vy).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = a[ao + i] / y;
        }
    }

    private static void divSV(double x, double[] b, int bo, double[] out, int oo, int from, int to) {
        DoubleVector vx = DoubleVector.broadcast(F, x);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            vx.div(DoubleVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = x / b[bo + i];
        }
    }

    private static void maximumVV(double[] a, int ao, double[] b, int bo, double[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            DoubleVector.fromArray(F, a, ao + i).max(DoubleVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = Math.max(a[ao + i], b[bo + i]);
        }
    }

    private static void maximumVS(double[] a, int ao, double y, double[] out, int oo, int from, int to) {
        DoubleVector vy = DoubleVector.broadcast(F, y);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            DoubleVector.fromArray(F, a, ao + i).max(vy).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = Math.max(a[ao + i], y);
        }
    }

    private static void maximumSV(double x, double[] b, int bo, double[] out, int oo, int from, int to) {
        DoubleVector vx = DoubleVector.broadcast(F, x);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            vx.max(DoubleVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = Math.max(x, b[bo + i]);
        }
    }

    private static void minimumVV(double[] a, int ao, double[] b, int bo, double[] out, int oo, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            DoubleVector.fromArray(F, a, ao + i).min(DoubleVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = Math.min(a[ao + i], b[bo + i]);
        }
    }

    private static void minimumVS(double[] a, int ao, double y, double[] out, int oo, int from, int to) {
        DoubleVector vy = DoubleVector.broadcast(F, y);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            DoubleVector.fromArray(F, a, ao + i).min(vy).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = Math.min(a[ao + i], y);
        }
    }

    private static void minimumSV(double x, double[] b, int bo, double[] out, int oo, int from, int to) {
        DoubleVector vx = DoubleVector.broadcast(F, x);
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            vx.min(DoubleVector.fromArray(F, b, bo + i)).intoArray(out, oo + i);
        }
        for (; i < to; i++) {
            out[oo + i] = Math.min(x, b[bo + i]);
        }
    }

    /** y[yOff + i] -= alpha * x[xOff + i] for i in [from, to): the product rounded, then subtracted (no fma). */
    static void subScaledRange(double[] y, int yOff, double alpha, double[] x, int xOff, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            DoubleVector.fromArray(F, y, yOff + i).sub(DoubleVector.fromArray(F, x, xOff + i).mul(alpha)).intoArray(y, yOff + i);
        }
        for (; i < to; i++) {
            y[yOff + i] -= alpha * x[xOff + i];
        }
    }
}
