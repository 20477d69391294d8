package dezero.utils;

import dezero.ndarray.NdArray;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the data part of a {@code .npy}, in bounded chunks. */
final class NpyData {
    /** A multiple of every item size (1, 2, 4, 8). */
    private static final int CHUNK = 1 << 20;

    private NpyData() {
    }

    /**
     * Reads the data that {@code header} declares and builds the array (C order; a Fortran-order
     * array is transposed into C order). Nothing of the declared size is allocated before it is
     * checked: against {@code available} when the caller knows how many bytes the source can
     * really hold (a file's size, the bound on what a zip entry can inflate to), else ({@code
     * available < 0}) the data is read in chunks first, so memory grows only with the bytes that
     * really arrive.
     *
     * @param budget the most bytes the array may take in memory (what is left of {@code limit})
     * @param limit  {@link NpzLimits#maxTotalBytes()}, for the message
     */
    static NdArray read(InputStream in, NpyHeader header, String where, long available, long budget, long limit)
            throws IOException {
        long need = header.dataBytes();
        if (available >= 0 && need > available) {
            throw new NpyFormatException(where + ": data truncated: the header declares " + header.describe()
                    + " but only " + available + " bytes can follow it");
        }
        if (header.memoryBytes() > budget) {
            throw new NpyFormatException(where + ": the header declares " + header.describe() + ", "
                    + header.memoryBytes() + " bytes in memory, beyond the limit of " + limit
                    + " bytes of array data" + (budget < limit ? " (" + budget + " left after the earlier entries)" : "")
                    + " (see NpzLimits)");
        }
        String shortfall = HeapBudget.shortfall(header.memoryBytes());
        if (shortfall != null) {
            throw new NpyFormatException(where + ": the header declares " + header.describe() + ", which needs "
                    + shortfall);
        }
        NpyDescr descr = header.descr;
        int itemSize = descr.itemSize;
        NdArray target = available >= 0 ? allocate(header, where) : null;
        List<byte[]> pending = target == null ? new ArrayList<>() : null;
        byte[] reusable = target == null ? null : new byte[(int) Math.min(CHUNK, need)];
        long done = 0;
        int element = 0;
        while (done < need) {
            int len = (int) Math.min(CHUNK, need - done);
            byte[] buf = reusable != null ? reusable : new byte[len];
            int got = in.readNBytes(buf, 0, len);
            if (got < len) {
                throw new NpyFormatException(where + ": data truncated: the header declares " + header.describe()
                        + " but the data ends after " + (done + got) + " bytes");
            }
            if (target != null) {
                descr.decode(buf, len / itemSize, target, element, where);
            } else {
                pending.add(buf);
            }
            element += len / itemSize;
            done += len;
        }
        if (target == null) {
            target = allocate(header, where);
            int offset = 0;
            for (byte[] chunk : pending) {
                descr.decode(chunk, chunk.length / itemSize, target, offset, where);
                offset += chunk.length / itemSize;
            }
        }
        return build(header, target);
    }

    /** The zeros that the data fill, in C order: of the reversed shape for Fortran-order data. */
    private static NdArray allocate(NpyHeader header, String where) throws NpyFormatException {
        try {
            return header.descr.allocate(cOrderShape(header));
        } catch (OutOfMemoryError e) {
            throw new NpyFormatException(where + ": not enough memory for " + header.describe() + ", "
                    + header.memoryBytes() + " bytes in memory (raise -Xmx or load a smaller file)");
        }
    }

    /** Fortran-order data is the C-order data of the reversed shape. */
    private static int[] cOrderShape(NpyHeader header) {
        int[] shape = header.shape;
        if (!header.fortranOrder) {
            return shape;
        }
        int[] reversed = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            reversed[i] = shape[shape.length - 1 - i];
        }
        return reversed;
    }

    private static NdArray build(NpyHeader header, NdArray data) {
        return header.fortranOrder && header.shape.length > 1 ? data.transpose() : data;
    }

    /** Writes the elements of {@code a} little-endian in C order (the layout {@link NpyHeader#format} declares). */
    static void write(OutputStream out, NdArray a) throws IOException {
        int n = a.size();
        int itemSize = a.dtype().itemSize();
        int perChunk = Math.max(1, Math.min(n, (1 << 16) / itemSize));
        ByteBuffer buf = ByteBuffer.allocate(perChunk * itemSize).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < n; start += perChunk) {
            int count = Math.min(perChunk, n - start);
            buf.clear();
            switch (a.dtype()) {
                case FLOAT64:
                    buf.asDoubleBuffer().put(a.doubleData(), start, count);
                    break;
                case FLOAT32:
                    buf.asFloatBuffer().put(a.floatData(), start, count);
                    break;
                case INT64:
                    buf.asLongBuffer().put(a.longData(), start, count);
                    break;
                default:
                    boolean[] b = a.boolData();
                    for (int i = 0; i < count; i++) {
                        buf.put(i, (byte) (b[start + i] ? 1 : 0));
                    }
            }
            out.write(buf.array(), 0, count * itemSize);
        }
    }
}
