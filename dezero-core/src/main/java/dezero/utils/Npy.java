package dezero.utils;

import dezero.ndarray.NdArray;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One array in NumPy's {@code .npy} format, as {@code np.save} and {@code np.load} write and
 * read it.
 *
 * <p>Reading accepts format versions 1.0, 2.0 and 3.0; the dtypes bool, int8/16/32/64,
 * uint8/16/32/64 and float16/32/64 in either byte order ({@code <}, {@code >}, {@code |});
 * C or Fortran order (a Fortran-order array is transposed into C order, so {@code get(i, j)}
 * means what it means in NumPy); 0-d and empty arrays. NdArray holds only bool, int64, float32
 * and float64, so narrower integers are widened to int64 and float16 to float32, all exactly;
 * a uint64 above {@code Long.MAX_VALUE}, complex, string, object, date and structured dtypes are
 * rejected. Writing produces exactly the bytes {@code np.save} writes for the same array
 * (version 1.0, little-endian, C order, header padded to 64 bytes).
 *
 * <p>Every problem with the input (wrong magic, bad header, truncation, a shape larger than
 * the data or the {@link NpzLimits}) is a {@link NpyFormatException} naming the source and what
 * was wrong; the declared size is checked before anything of that size is allocated.
 *
 * <pre>{@code
 * jshell> Npy.write(Path.of("x.npy"), NdArray.array(new float[] {1, 2, 3}))
 * jshell> Npy.read(Path.of("x.npy"))
 * $2 ==> [1. 2. 3.]
 * // Python: np.load("x.npy") -> array([1., 2., 3.], dtype=float32)
 * }</pre>
 */
public final class Npy {
    private Npy() {
    }

    /**
     * Reads one array from the current position of {@code in}, which is left just after the
     * array's data (so several arrays saved one after another can be read in turn). The stream
     * is not closed.
     */
    public static NdArray read(InputStream in) throws IOException {
        return read(in, NpzLimits.DEFAULT);
    }

    /** As {@link #read(InputStream)}, refusing arrays of more than {@code limits.maxTotalBytes()} bytes. */
    public static NdArray read(InputStream in, NpzLimits limits) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(limits, "limits");
        String where = "<stream>";
        NpyHeader header = NpyHeader.read(in, where);
        return NpyData.read(in, header, where, -1, limits.maxTotalBytes(), limits.maxTotalBytes());
    }

    /** Reads the {@code .npy} file {@code file}; trailing bytes after the array are an error. */
    public static NdArray read(Path file) throws IOException {
        return read(file, NpzLimits.DEFAULT);
    }

    /** As {@link #read(Path)}, refusing arrays of more than {@code limits.maxTotalBytes()} bytes. */
    public static NdArray read(Path file, NpzLimits limits) throws IOException {
        Objects.requireNonNull(limits, "limits");
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such .npy file");
        }
        String where = file.toString();
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            NpyHeader header = NpyHeader.read(in, where);
            long available = size - header.preambleBytes;
            if (header.dataBytes() < available) {
                throw new NpyFormatException(where + ": " + (available - header.dataBytes())
                        + " unexpected bytes after the data of " + header.describe());
            }
            return NpyData.read(in, header, where, available, limits.maxTotalBytes(), limits.maxTotalBytes());
        }
    }

    /**
     * Writes {@code a} to {@code out} as {@code np.save} would (the stream is not closed).
     *
     * <pre>{@code
     * var bytes = new ByteArrayOutputStream();
     * Npy.write(bytes, NdArray.arange(3));   // 128-byte header + 24 bytes of '<i8' data
     * }</pre>
     */
    public static void write(OutputStream out, NdArray a) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(a, "a");
        out.write(NpyHeader.format(a));
        NpyData.write(out, a);
    }

    /**
     * Saves {@code a} to {@code file} atomically: a temporary file in the same directory is
     * written and forced to disk, then renamed over {@code file}, so a failure leaves any old
     * file intact.
     */
    public static void write(Path file, NdArray a) throws IOException {
        Objects.requireNonNull(a, "a");
        AtomicFiles.write(file, out -> write(out, a));
    }
}
