package dezero.utils;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The element type of a {@code .npy} header's {@code descr} (such as {@code '<f4'}) and how its
 * bytes become the elements of an {@link DType NdArray dtype}. NdArray has four dtypes, so the
 * narrower integers NumPy writes for labels (int8/16/32, uint8/16/32/64) are widened to int64
 * and float16 to float32, all exactly; a uint64 value above {@code Long.MAX_VALUE} is rejected.
 */
final class NpyDescr {
    static final String SUPPORTED = "bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64,"
            + " float16, float32, float64 (narrower integers are widened to int64, float16 to float32)";

    final String text;
    final char kind;        // 'b', 'i', 'u' or 'f'
    final int itemSize;
    final ByteOrder order;
    final DType target;

    private NpyDescr(String text, char kind, int itemSize, ByteOrder order, DType target) {
        this.text = text;
        this.kind = kind;
        this.itemSize = itemSize;
        this.order = order;
        this.target = target;
    }

    /** The descr NumPy writes for an NdArray dtype (always little-endian where order matters). */
    static String of(DType dtype) {
        switch (dtype) {
            case BOOL:
                return "|b1";
            case INT64:
                return "<i8";
            case FLOAT32:
                return "<f4";
            default:
                return "<f8";
        }
    }

    /** Parses a descr such as {@code <f4}, {@code >i4}, {@code |u1} or {@code f8} (no prefix: native order). */
    static NpyDescr parse(String descr, String where) throws NpyFormatException {
        String s = descr;
        ByteOrder order = ByteOrder.nativeOrder();
        if (!s.isEmpty() && "<>|=".indexOf(s.charAt(0)) >= 0) {
            if (s.charAt(0) == '<') {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (s.charAt(0) == '>') {
                order = ByteOrder.BIG_ENDIAN;
            }
            s = s.substring(1);
        }
        if (s.equals("?")) {
            s = "b1";
        }
        if (s.length() < 2 || !s.substring(1).chars().allMatch(c -> c >= '0' && c <= '9') || s.length() > 4) {
            throw new NpyFormatException(where + ": unsupported dtype '" + descr + "'" + kindName(s) + "; supported: "
                    + SUPPORTED);
        }
        char kind = s.charAt(0);
        int size = Integer.parseInt(s.substring(1));
        DType target = target(kind, size);
        if (target == null) {
            throw new NpyFormatException(where + ": unsupported dtype '" + descr + "'" + kindName(s) + "; supported: "
                    + SUPPORTED);
        }
        return new NpyDescr(descr, kind, size, order, target);
    }

    private static DType target(char kind, int size) {
        switch (kind) {
            case 'b':
                return size == 1 ? DType.BOOL : null;
            case 'i':
            case 'u':
                return size == 1 || size == 2 || size == 4 || size == 8 ? DType.INT64 : null;
            case 'f':
                return size == 2 || size == 4 ? DType.FLOAT32 : size == 8 ? DType.FLOAT64 : null;
            default:
                return null;
        }
    }

    private static String kindName(String s) {
        if (s.isEmpty()) {
            return "";
        }
        switch (s.charAt(0)) {
            case 'c':
                return " (complex numbers)";
            case 'U':
            case 'S':
            case 'a':
                return " (strings)";
            case 'O':
                return " (pickled Python objects)";
            case 'M':
            case 'm':
                return " (dates and times)";
            case 'V':
                return " (raw or structured records)";
            case 'f':
                return s.length() > 2 ? " (extended-precision floats)" : "";
            case 'g':
                return " (extended-precision floats)";
            default:
                return "";
        }
    }

    /**
     * Zeros of the target dtype in {@code shape} (C order), the array that {@link #decode} fills
     * through its typed storage.
     */
    NdArray allocate(int[] shape) {
        return NdArray.zeros(target, shape);
    }

    /**
     * Decodes {@code count} elements from {@code bytes} (starting at index 0) into the elements of
     * {@code into} (from {@link #allocate}) from flat index {@code offset} on.
     *
     * @throws NpyFormatException for a uint64 value that int64 cannot hold
     */
    void decode(byte[] bytes, int count, NdArray into, int offset, String where) throws NpyFormatException {
        ByteBuffer buf = ByteBuffer.wrap(bytes, 0, count * itemSize).order(order);
        switch (target) {
            case BOOL:
                decodeBool(bytes, count, into.boolData(), offset);
                return;
            case INT64:
                decodeInteger(buf, count, into.longData(), offset, where);
                return;
            case FLOAT32:
                decodeFloat32(buf, count, into.floatData(), offset);
                return;
            default:
                buf.asDoubleBuffer().get(into.doubleData(), offset, count);
        }
    }

    private static void decodeBool(byte[] bytes, int count, boolean[] out, int offset) {
        for (int i = 0; i < count; i++) {
            out[offset + i] = bytes[i] != 0;
        }
    }

    private void decodeFloat32(ByteBuffer buf, int count, float[] out, int offset) {
        if (itemSize == 4) {
            buf.asFloatBuffer().get(out, offset, count);
        } else {
            for (int i = 0; i < count; i++) {
                out[offset + i] = halfToFloat(buf.getShort(2 * i));
            }
        }
    }

    private void decodeInteger(ByteBuffer buf, int count, long[] out, int offset, String where)
            throws NpyFormatException {
        boolean unsigned = kind == 'u';
        switch (itemSize) {
            case 1:
                for (int i = 0; i < count; i++) {
                    byte b = buf.get(i);
                    out[offset + i] = unsigned ? b & 0xFF : b;
                }
                break;
            case 2:
                for (int i = 0; i < count; i++) {
                    short v = buf.getShort(2 * i);
                    out[offset + i] = unsigned ? v & 0xFFFF : v;
                }
                break;
            case 4:
                for (int i = 0; i < count; i++) {
                    int v = buf.getInt(4 * i);
                    out[offset + i] = unsigned ? v & 0xFFFF_FFFFL : v;
                }
                break;
            default:
                buf.asLongBuffer().get(out, offset, count);
                if (unsigned) {
                    for (int i = 0; i < count; i++) {
                        if (out[offset + i] < 0) {
                            throw new NpyFormatException(where + ": uint64 element " + (offset + i) + " = "
                                    + Long.toUnsignedString(out[offset + i]) + " does not fit int64 (NdArray has no uint64)");
                        }
                    }
                }
        }
    }

    /** IEEE 754 binary16 to binary32, exactly (every half value is a float value). */
    static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;   // subnormal (or zero): mantissa * 2^-24
            return sign != 0 ? -magnitude : magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
