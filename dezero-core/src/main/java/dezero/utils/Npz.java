package dezero.utils;

import dezero.ndarray.NdArray;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Named arrays in NumPy's {@code .npz} format: a zip archive with one {@code .npy} entry per
 * array, as {@code np.savez} / {@code np.savez_compressed} write and {@code np.load} reads. This
 * is the format of DeZero's {@code Layer.save_weights}, whose keys are the flattened parameter
 * paths ({@code l0/W}, {@code l0/b}, ...), so weights move between Python DeZero and Java.
 *
 * <pre>{@code
 * Map<String, NdArray> weights = new LinkedHashMap<>();
 * weights.put("l0/W", NdArray.zeros(DType.FLOAT32, 2, 3));
 * weights.put("l0/b", NdArray.zeros(DType.FLOAT32, 3));
 * Npz.save(Path.of("model.npz"), weights, true);          // like np.savez_compressed
 * Map<String, NdArray> back = Npz.load(Path.of("model.npz"));
 * back.keySet()                                           // [l0/W, l0/b]
 * // Python: np.load("model.npz")["l0/W"].shape -> (2, 3)
 * }</pre>
 *
 * <p>Loading is defensive: wrong magic, a corrupt or truncated archive or entry, a CRC
 * mismatch, duplicate entry names, names that are not plain relative {@code name.npy} paths,
 * an entry whose header declares more data than the entry can hold, an entry that inflates
 * past the size its header implies (a zip bomb), or data beyond the {@link NpzLimits} all raise
 * {@link NpyFormatException} naming the file, the entry and the problem, before anything of
 * the declared size is allocated. Each entry is read as by {@link Npy}, so the same dtypes are
 * accepted and widened.
 *
 * <p>Saving is atomic (a temporary file in the same directory, forced to disk, then renamed
 * over the target), so a failure half way leaves an existing file intact. Entries carry a fixed
 * timestamp (1980-01-01), so equal arrays give byte-identical files.
 */
public final class Npz {
    /** Deflate cannot expand data by more than about 1032:1; entries claiming more are refused unread. */
    private static final long MAX_DEFLATE_RATIO = 1032;
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final String SUFFIX = ".npy";

    private Npz() {
    }

    /** Loads every array of {@code file}, keyed by entry name without {@code .npy}, in archive order. */
    public static Map<String, NdArray> load(Path file) throws IOException {
        return load(file, NpzLimits.DEFAULT);
    }

    /** As {@link #load(Path)} under the given limits. */
    public static Map<String, NdArray> load(Path file, NpzLimits limits) throws IOException {
        Objects.requireNonNull(limits, "limits");
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such .npz file");
        }
        String source = file.toString();
        long fileSize = Files.size(file);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException | EOFException e) {
            throw notAZip(source, file, e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new NpyFormatException(source + ": corrupt zip directory (" + reason(e) + ")", e);
        }
        try (zip) {
            if (zip.size() > limits.maxEntries()) {
                throw new NpyFormatException(source + ": " + zip.size() + " entries exceed the limit of "
                        + limits.maxEntries() + " (see NpzLimits)");
            }
            Map<String, NdArray> arrays = new LinkedHashMap<>();
            long budget = limits.maxTotalBytes();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = nextEntry(entries, source);
                String where = source + ": entry '" + entry.getName() + "'";
                String key = keyOf(entry.getName(), where, arrays);
                NdArray a = readEntry(zip, entry, fileSize, where, budget, limits.maxTotalBytes());
                budget -= (long) a.size() * a.dtype().itemSize();
                arrays.put(key, a);
            }
            return arrays;
        }
    }

    private static ZipEntry nextEntry(Enumeration<? extends ZipEntry> entries, String source) throws IOException {
        try {
            return entries.nextElement();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new NpyFormatException(source + ": corrupt zip directory entry (" + reason(e) + ")", e);
        }
    }

    private static NdArray readEntry(ZipFile zip, ZipEntry entry, long fileSize, String where, long budget,
            long limit) throws IOException {
        long compressed = entry.getCompressedSize();
        if (compressed < 0 || compressed > fileSize) {
            throw new NpyFormatException(where + ": corrupt zip: the entry claims " + compressed
                    + " compressed bytes in a file of " + fileSize);
        }
        long maxSize = entry.getMethod() == ZipEntry.STORED ? compressed : compressed * MAX_DEFLATE_RATIO + 64;
        try (CheckedInputStream in = new CheckedInputStream(
                new BufferedInputStream(zip.getInputStream(entry), 1 << 16), new CRC32())) {
            NpyHeader header = NpyHeader.read(in, where);
            long total = header.preambleBytes + header.dataBytes();
            if (entry.getSize() >= 0 && entry.getSize() != total) {
                throw new NpyFormatException(where + ": corrupt entry: the zip directory says " + entry.getSize()
                        + " bytes but the .npy header implies " + total + " (" + header.describe() + ")");
            }
            NdArray a = NpyData.read(in, header, where, Math.max(0, maxSize - header.preambleBytes), budget, limit);
            requireEnd(in, where, total);
            if (entry.getCrc() >= 0 && in.getChecksum().getValue() != entry.getCrc()) {
                throw new NpyFormatException(where + ": corrupt entry: CRC-32 mismatch");
            }
            return a;
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            throw new NpyFormatException(where + ": corrupt or truncated zip data (" + reason(e) + ")", e);
        }
    }

    /**
     * Loads every array of a {@code .npz} read from {@code in}, which is read to its end (and not
     * closed). Archives written to a pipe ({@code np.savez(sys.stdout.buffer, ...)}: entries with data
     * descriptors) are read too. Prefer {@link #load(Path)}: a file's central directory gives tighter
     * size bounds.
     */
    public static Map<String, NdArray> load(InputStream in) throws IOException {
        return load(in, NpzLimits.DEFAULT);
    }

    /** As {@link #load(InputStream)} under the given limits. */
    public static Map<String, NdArray> load(InputStream in, NpzLimits limits) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(limits, "limits");
        String source = "<stream>";
        PushbackInputStream peek = new PushbackInputStream(in, 4);
        byte[] start = peek.readNBytes(4);
        peek.unread(start);
        boolean zipStart = start.length == 4 && start[0] == 'P' && start[1] == 'K'
                && ((start[2] == 3 && start[3] == 4) || (start[2] == 5 && start[3] == 6));
        if (!zipStart) {
            throw notAZip(source, start, null);
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        long budget = limits.maxTotalBytes();
        ZipStreamReader zip = new ZipStreamReader(peek);
        String where = source;
        try {
            for (ZipStreamReader.Entry entry = zip.next(); entry != null; entry = zip.next()) {
                where = source + ": entry '" + entry.name + "'";
                if (arrays.size() >= limits.maxEntries()) {
                    throw new NpyFormatException(where + ": more entries than the limit of " + limits.maxEntries()
                            + " (see NpzLimits)");
                }
                String key = keyOf(entry.name, where, arrays);
                NpyHeader header = NpyHeader.read(entry, where);
                long total = header.preambleBytes + header.dataBytes();
                entry.expectLength(total);
                NdArray a = NpyData.read(entry, header, where, -1, budget, limits.maxTotalBytes());
                requireEnd(entry, where, total);
                entry.finish();
                budget -= header.memoryBytes();
                arrays.put(key, a);
            }
            where = source;
            // the entries stop at the central directory, or where a stream cut between two entries
            // ends: only the end-of-central-directory record tells them apart
            if (!zip.endsWithDirectory()) {
                throw new NpyFormatException(source + ": truncated archive: it ends without the zip"
                        + " end-of-central-directory record (" + arrays.size() + " entries read)");
            }
        } catch (ZipException | EOFException e) {
            throw new NpyFormatException(where + ": corrupt or truncated zip data (" + reason(e) + ")", e);
        }
        return arrays;
    }

    /** Entry data must end where its header says: more is trailing garbage or a zip bomb, read no further. */
    private static void requireEnd(InputStream in, String where, long total) throws IOException {
        if (in.read() != -1) {
            throw new NpyFormatException(where + ": the entry continues past the " + total
                    + " bytes its .npy header implies (trailing data or a zip bomb)");
        }
    }

    private static String keyOf(String entryName, String where, Map<String, NdArray> seen) throws NpyFormatException {
        if (!entryName.endsWith(SUFFIX)) {
            throw new NpyFormatException(where + ": not an array entry (every entry of a .npz is a name ending in .npy)");
        }
        String key = entryName.substring(0, entryName.length() - SUFFIX.length());
        String problem = nameProblem(key);
        if (problem != null) {
            throw new NpyFormatException(where + ": unsafe entry name: " + problem);
        }
        if (seen.containsKey(key)) {
            throw new NpyFormatException(where + ": duplicate entry name");
        }
        return key;
    }

    /** Why {@code key} is not a plain relative path such as {@code l0/W}, or null when it is. */
    static String nameProblem(String key) {
        if (key.isEmpty()) {
            return "the name is empty";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return "it contains the control character U+" + String.format("%04X", (int) c);
            }
            if (c == '\\') {
                return "it contains a backslash";
            }
        }
        if (key.startsWith("/")) {
            return "it is an absolute path";
        }
        if (key.length() >= 2 && key.charAt(1) == ':' && Character.isLetter(key.charAt(0))) {
            return "it starts with a drive letter";
        }
        for (String part : key.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return "it has an empty, '.' or '..' path segment";
            }
        }
        return null;
    }

    private static NpyFormatException notAZip(String source, Object startOrFile, IOException cause) {
        boolean npy = false;
        try {
            byte[] start = startOrFile instanceof Path ? readStart((Path) startOrFile) : (byte[]) startOrFile;
            npy = start.length >= 6 && (start[0] & 0xFF) == 0x93 && start[1] == 'N' && start[2] == 'U';
        } catch (IOException ignored) {
            // the zip error below is the one to report
        }
        return new NpyFormatException(source + ": not a .npz (zip) archive, or a truncated or corrupt one"
                + (cause != null ? " (" + reason(cause) + ")" : "")
                + (npy ? "; it is a single .npy array: read it with Npy.read" : ""), cause);
    }

    private static String reason(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static byte[] readStart(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(6);
        }
    }

    // ------------------------------------------------------------------ saving

    /** Saves {@code arrays} uncompressed, like {@code np.savez}. */
    public static void save(Path file, Map<String, NdArray> arrays) throws IOException {
        save(file, arrays, false);
    }

    /**
     * Saves {@code arrays} (in the map's iteration order) to {@code file} atomically, as entries
     * {@code key + ".npy"}, DEFLATE-compressed like {@code np.savez_compressed} or stored like
     * {@code np.savez}. Keys must be plain relative paths such as {@code l0/W} (no empty, '.'
     * or '..' segments, no leading '/', backslash or control characters).
     *
     * @throws IllegalArgumentException for a bad key or a null array, before the file is touched
     */
    public static void save(Path file, Map<String, NdArray> arrays, boolean compressed) throws IOException {
        save(file, arrays, compressed, UnaryOperator.identity());
    }

    /** As {@link #save(Path, Map, boolean)}; {@code wrap} decorates the output stream (failure-injection tests). */
    static void save(Path file, Map<String, NdArray> arrays, boolean compressed, UnaryOperator<OutputStream> wrap)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(arrays, "arrays");
        List<Map.Entry<String, NdArray>> items = new ArrayList<>(arrays.size());
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            String problem = e.getKey() == null ? "the name is null" : nameProblem(e.getKey());
            if (problem != null) {
                throw new IllegalArgumentException("Npz.save " + file + ": bad array name '" + e.getKey() + "': "
                        + problem);
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("Npz.save " + file + ": array '" + e.getKey() + "' is null");
            }
            items.add(Map.entry(e.getKey(), e.getValue()));
        }
        AtomicFiles.writeWrapped(file, out -> writeZip(out, Collections.unmodifiableList(items), compressed), wrap);
    }

    private static void writeZip(OutputStream out, List<Map.Entry<String, NdArray>> items, boolean compressed)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);   // zlib's level 6, as Python's zipfile uses
        for (Map.Entry<String, NdArray> item : items) {
            ZipEntry entry = new ZipEntry(item.getKey() + SUFFIX);
            entry.setTimeLocal(ENTRY_TIME);
            if (compressed) {
                entry.setMethod(ZipEntry.DEFLATED);
            } else {
                // a stored entry's size and CRC go before its data: a first pass computes them
                CRC32 crc = new CRC32();
                CountingSink sink = new CountingSink();
                Npy.write(new CheckedOutputStream(sink, crc), item.getValue());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(sink.count);
                entry.setCompressedSize(sink.count);
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            Npy.write(zip, item.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Counts and discards bytes. */
    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
