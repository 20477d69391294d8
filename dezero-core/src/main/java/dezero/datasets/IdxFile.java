package dezero.datasets;

import dezero.utils.HeapBudget;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A file in the IDX format of the MNIST distribution, gzip-compressed or not: a big-endian
 * header (magic {@code 0x0000 0x08 ndim}, i.e. 2049 for a 1-d and 2051 for a 3-d unsigned-byte
 * file, then {@code ndim} 32-bit sizes) followed by the bytes of the array in row-major order.
 * Only the unsigned-byte type (0x08) of MNIST is read.
 *
 * <pre>{@code
 * jshell> var images = IdxFile.read(Path.of("data/train-images-idx3-ubyte.gz"), 3);
 * jshell> images.dims()
 * $2 ==> int[3] { 60000, 28, 28 }
 * }</pre>
 *
 * @param file the file read, for messages
 * @param dims the sizes from the header
 * @param data the array's bytes (unsigned values 0..255 stored as Java bytes; shared, not copied)
 */
public record IdxFile(Path file, int[] dims, byte[] data) {
    /** The magic number of a 1-d unsigned-byte IDX file (MNIST labels). */
    public static final int MAGIC_LABELS = 0x801;
    /** The magic number of a 3-d unsigned-byte IDX file (MNIST images). */
    public static final int MAGIC_IMAGES = 0x803;

    /**
     * The most data bytes {@link #read(Path, int)} accepts: 256 MiB, five times MNIST's training
     * images (47 MB) and more than any 28 x 28 digits set; {@link #read(Path, int, long)} takes another.
     */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;

    private static final int UNSIGNED_BYTE = 0x08;
    /** The most data bytes a file may declare: what one Java array can hold. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    public IdxFile {
        dims = dims.clone();
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    /**
     * Reads an unsigned-byte IDX file of {@code ndim} dimensions, checking the magic number, that the
     * data are exactly as long as the header says, and that nothing follows them. Files that declare
     * more than {@link #DEFAULT_MAX_BYTES} are refused.
     *
     * @throws IOException naming the file and the problem when it is missing, not IDX, of another
     *                     type or dimension, truncated, too long, too large, or not valid gzip
     */
    public static IdxFile read(Path file, int ndim) throws IOException {
        return read(file, ndim, DEFAULT_MAX_BYTES);
    }

    /**
     * As {@link #read(Path, int)}, refusing files that declare more than {@code maxBytes} data bytes.
     * The declared size is checked against {@code maxBytes} and against the heap still free before
     * anything is read, and the data are then read straight into one array of that size.
     */
    public static IdxFile read(Path file, int ndim, long maxBytes) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            boolean gzip = isGzip(in);
            return read(file, gzip ? new GZIPInputStream(in, 1 << 16) : in, ndim, maxBytes,
                    gzip ? -1 : Files.size(file));
        } catch (ZipException | EOFException e) {
            throw new IOException(file + ": corrupt or truncated gzip data (" + (e.getMessage() != null
                    ? e.getMessage() : "the file ends too early") + ")", e);
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    /** {@code fileSize}: the size of an uncompressed file, or -1 for a gzip one. */
    private static IdxFile read(Path file, InputStream in, int ndim, long maxBytes, long fileSize) throws IOException {
        DataInputStream header = new DataInputStream(in);
        int magic;
        try {
            magic = header.readInt();
        } catch (EOFException e) {
            throw new IOException(file + ": too short for an IDX header (empty or truncated file)", e);
        }
        int expected = (UNSIGNED_BYTE << 8) | ndim;
        if (magic != expected) {
            throw new IOException(file + ": bad magic number " + magic + " (0x" + Integer.toHexString(magic)
                    + "), expected " + expected + " (0x" + Integer.toHexString(expected) + ") for a " + ndim
                    + "-d unsigned-byte IDX file");
        }
        int[] dims = new int[ndim];
        long total = 1;
        for (int i = 0; i < ndim; i++) {
            try {
                dims[i] = header.readInt();
            } catch (EOFException e) {
                throw new IOException(file + ": truncated IDX header (" + i + " of " + ndim + " sizes present)", e);
            }
            if (dims[i] < 0) {
                throw new IOException(file + ": negative size " + (dims[i] & 0xffffffffL) + " in the IDX header at dimension " + i);
            }
            total *= dims[i];
            if (total > MAX_BYTES) {
                throw new IOException(file + ": header declares sizes " + Arrays.toString(Arrays.copyOf(dims, i + 1))
                        + ", more than " + MAX_BYTES + " bytes");
            }
        }
        String declared = "the header " + Arrays.toString(dims) + " declares " + total + " data bytes";
        long headerBytes = 4L * (ndim + 1);
        if (fileSize >= 0 && total > fileSize - headerBytes) {
            throw new IOException(file + ": truncated: " + declared + " but only " + (fileSize - headerBytes)
                    + " follow");
        }
        if (total > maxBytes) {
            throw new IOException(file + ": " + declared + ", more than the limit of " + maxBytes
                    + " bytes (IdxFile.read(file, ndim, maxBytes) reads larger files)");
        }
        String shortfall = HeapBudget.shortfall(total);
        if (shortfall != null) {
            throw new IOException(file + ": " + declared + ": " + shortfall);
        }
        byte[] data = new byte[(int) total];
        int got = in.readNBytes(data, 0, data.length);
        if (got != total) {
            throw new IOException(file + ": truncated: " + declared + " but only " + got + " follow");
        }
        if (in.read() != -1) {
            throw new IOException(file + ": more data than the header " + Arrays.toString(dims) + " declares ("
                    + total + " bytes)");
        }
        return new IdxFile(file, dims, data);
    }
}
