package dezero.spark;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * All the weights, or all the gradients, of a model as one vector: float32 for a float32 model,
 * float64 for a float64 one (the wire format between the driver and the executors, laid out by a
 * {@link ParamLayout}). Sums run element by element in the vector's own dtype, so adding the same
 * vectors in the same order gives the same bits everywhere.
 *
 * <p>Serialized (broadcasts, task results) as one little-endian byte block, copied in bulk: about
 * three times faster than Java's element-by-element {@code float[]} serialization.
 */
public final class FlatVector implements Serializable {
    private static final long serialVersionUID = 1L;

    private final float[] f;
    private final double[] d;

    private FlatVector(float[] f, double[] d) {
        this.f = f;
        this.d = d;
    }

    /** A vector of {@code size} zeros of a floating {@code dtype}. */
    public static FlatVector zeros(DType dtype, int size) {
        switch (dtype) {
            case FLOAT32:
                return new FlatVector(new float[size], null);
            case FLOAT64:
                return new FlatVector(null, new double[size]);
            default:
                throw new IllegalArgumentException("FlatVector: dtype must be float32 or float64, got " + dtype);
        }
    }

    /** A float32 vector holding a copy of {@code values}. */
    public static FlatVector of(float[] values) {
        return new FlatVector(values.clone(), null);
    }

    /** A float64 vector holding a copy of {@code values}. */
    public static FlatVector of(double[] values) {
        return new FlatVector(null, values.clone());
    }

    public DType dtype() {
        return f != null ? DType.FLOAT32 : DType.FLOAT64;
    }

    public int size() {
        return f != null ? f.length : d.length;
    }

    /** The bytes of the values (4 or 8 per element): what one copy of this vector costs on the wire. */
    public long bytes() {
        return (long) size() * dtype().itemSize();
    }

    /** Adds {@code o} element by element, in place (in this vector's dtype); returns this. */
    public FlatVector addInPlace(FlatVector o) {
        if (o.size() != size() || o.dtype() != dtype()) {
            throw new IllegalArgumentException("FlatVector: cannot add a " + o.dtype() + " vector of " + o.size()
                    + " to a " + dtype() + " vector of " + size());
        }
        if (f != null) {
            for (int i = 0; i < f.length; i++) {
                f[i] += o.f[i];
            }
        } else {
            for (int i = 0; i < d.length; i++) {
                d[i] += o.d[i];
            }
        }
        return this;
    }

    public FlatVector copy() {
        return new FlatVector(f == null ? null : f.clone(), d == null ? null : d.clone());
    }

    /** Copies {@code a}'s elements (row-major, converted to this dtype) to positions {@code offset...}. */
    void put(int offset, NdArray a) {
        int n = a.size();
        if (f != null) {
            if (a.dtype() == DType.FLOAT32) {
                System.arraycopy(a.floatData(), 0, f, offset, n);
            } else {
                System.arraycopy(a.toFloatArray(), 0, f, offset, n);
            }
        } else {
            if (a.dtype() == DType.FLOAT64) {
                System.arraycopy(a.doubleData(), 0, d, offset, n);
            } else {
                System.arraycopy(a.toDoubleArray(), 0, d, offset, n);
            }
        }
    }

    /** A new array of {@code shape} holding the elements {@code offset...} (a copy). */
    NdArray slice(int offset, int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return f != null ? NdArray.wrap(Arrays.copyOfRange(f, offset, offset + n), shape)
                : NdArray.wrap(Arrays.copyOfRange(d, offset, offset + n), shape);
    }

    /** Element {@code i} as a double. */
    public double get(int i) {
        return f != null ? f[i] : d[i];
    }

    /** The values as doubles (a copy). */
    public double[] toDoubleArray() {
        if (d != null) {
            return d.clone();
        }
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i];
        }
        return out;
    }

    /** Whether both hold the same dtype and bit for bit the same values. */
    public boolean bitwiseEquals(FlatVector o) {
        if (o.dtype() != dtype() || o.size() != size()) {
            return false;
        }
        if (f != null) {
            for (int i = 0; i < f.length; i++) {
                if (Float.floatToRawIntBits(f[i]) != Float.floatToRawIntBits(o.f[i])) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < d.length; i++) {
            if (Double.doubleToRawLongBits(d[i]) != Double.doubleToRawLongBits(o.d[i])) {
                return false;
            }
        }
        return true;
    }

    /** The largest |this - o| over the elements. */
    public double maxAbsDiff(FlatVector o) {
        if (o.size() != size()) {
            throw new IllegalArgumentException("FlatVector: sizes differ, " + size() + " and " + o.size());
        }
        double m = 0;
        for (int i = 0; i < size(); i++) {
            m = Math.max(m, Math.abs(get(i) - o.get(i)));
        }
        return m;
    }

    /** The largest |element|. */
    public double maxAbs() {
        double m = 0;
        for (int i = 0; i < size(); i++) {
            m = Math.max(m, Math.abs(get(i)));
        }
        return m;
    }

    private Object writeReplace() {
        return new Wire(this);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("FlatVector: serialized through FlatVector.Wire only");
    }

    /** The serialized form: a dtype flag and the values as little-endian bytes. */
    private static final class Wire implements Serializable {
        private static final long serialVersionUID = 1L;
        private final boolean float32;
        private final byte[] bytes;

        Wire(FlatVector v) {
            this.float32 = v.f != null;
            this.bytes = new byte[(int) v.bytes()];
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (float32) {
                b.asFloatBuffer().put(v.f);
            } else {
                b.asDoubleBuffer().put(v.d);
            }
        }

        private Object readResolve() {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (float32) {
                float[] f = new float[bytes.length / 4];
                b.asFloatBuffer().get(f);
                return new FlatVector(f, null);
            }
            double[] d = new double[bytes.length / 8];
            b.asDoubleBuffer().get(d);
            return new FlatVector(null, d);
        }
    }

    @Override
    public String toString() {
        return "FlatVector(" + dtype().numpyName() + ", " + size() + ")";
    }
}
