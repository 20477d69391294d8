package dezero.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The binary CIFAR formats: files of fixed-size records, each {@code labelBytes} label bytes
 * followed by 3 x 32 x 32 pixel bytes (all red, then green, then blue, row-major: CHW), read from
 * the distribution's {@code .tar.gz} or from the extracted {@code .bin} files.
 */
final class CifarFiles {
    static final int PIXELS = 3 * 32 * 32;
    private static final long MAX_ENTRY = 512L << 20;

    /** What one split of one CIFAR variant looks like. */
    record Layout(String archive, String folder, List<String> files, int labelBytes, int[] classes) {
        int recordSize() {
            return labelBytes + PIXELS;
        }
    }

    /** The decoded split: pixels (N x 3072) and, per label byte, N labels. */
    record Decoded(byte[] pixels, byte[][] labels, int count) {
    }

    private CifarFiles() {
    }

    /** The split from {@code dir}: the archive, the extracted folder, or the .bin files directly in {@code dir}. */
    static Decoded fromDirectory(Path dir, Layout layout) throws IOException {
        Path archive = dir.resolve(layout.archive());
        if (Files.isRegularFile(archive)) {
            return fromArchive(archive, layout);
        }
        for (Path folder : new Path[] {dir.resolve(layout.folder()), dir}) {
            if (Files.isRegularFile(folder.resolve(layout.files().get(0)))) {
                Map<String, byte[]> contents = new LinkedHashMap<>();
                for (String f : layout.files()) {
                    Path p = folder.resolve(f);
                    if (!Files.isRegularFile(p)) {
                        throw new IOException(p + ": missing (the split needs " + layout.files() + ")");
                    }
                    contents.put(f, Files.readAllBytes(p));
                }
                return decode(contents, layout, folder.toString());
            }
        }
        throw new IOException("CIFAR: neither " + archive + " nor " + layout.folder() + "/" + layout.files().get(0)
                + " nor " + layout.files().get(0) + " exists in " + dir);
    }

    /**
     * The split {@code layout} from the archive in {@code cache}: downloaded from {@code url} (and
     * checked to hold both splits) when it is missing, or when the cached copy cannot be read.
     */
    static Decoded fetch(FileCache cache, URI url, Layout layout, Layout train, Layout test) throws IOException {
        return cache.load(url, layout.archive(), file -> checkArchive(file, train, test), file -> fromArchive(file, layout));
    }

    /** The split from the distribution's {@code .tar.gz}. */
    static Decoded fromArchive(Path archive, Layout layout) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16), 1 << 16)) {
            TarReader tar = new TarReader(in, archive.toString());
            for (String name; (name = tar.nextFile()) != null; ) {
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (layout.files().contains(base) && !contents.containsKey(base)) {
                    contents.put(base, tar.readContent(name, MAX_ENTRY));
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new IOException(archive + ": corrupt or truncated archive (" + FileCache.reason(e) + ")", e);
        }
        for (String f : layout.files()) {
            if (!contents.containsKey(f)) {
                throw new IOException(archive + ": has no " + f + " (the split needs " + layout.files() + ")");
            }
        }
        return decode(contents, layout, archive.toString());
    }

    /**
     * Checks in one pass that {@code archive} is a complete gzip tar holding every file of the given
     * layouts, each a whole number of records (a downloaded archive is checked so before it is cached).
     */
    static void checkArchive(Path archive, Layout... layouts) throws IOException {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (Layout l : layouts) {
            for (String f : l.files()) {
                wanted.put(f, l.recordSize());
            }
        }
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16), 1 << 16)) {
            TarReader tar = new TarReader(in, archive.toString());
            for (String name; (name = tar.nextFile()) != null; ) {
                Integer rec = wanted.remove(name.substring(name.lastIndexOf('/') + 1));
                if (rec != null && (tar.size() == 0 || tar.size() % rec != 0)) {
                    throw new IOException(archive + ": " + name + " is " + tar.size() + " bytes, not a whole number of "
                            + rec + "-byte records");
                }
            }
            while (in.read() >= 0) {
                // read to the end, so that a truncated gzip stream is noticed
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new IOException(archive + ": corrupt or truncated archive (" + FileCache.reason(e) + ")", e);
        }
        if (!wanted.isEmpty()) {
            throw new IOException(archive + ": has no " + wanted.keySet());
        }
    }

    private static Decoded decode(Map<String, byte[]> contents, Layout layout, String source) throws IOException {
        int rec = layout.recordSize();
        long total = 0;
        for (Map.Entry<String, byte[]> e : contents.entrySet()) {
            int len = e.getValue().length;
            if (len == 0 || len % rec != 0) {
                throw new IOException(source + ": " + e.getKey() + " is " + len + " bytes, not a whole number of "
                        + rec + "-byte records");
            }
            total += len / rec;
        }
        if (total * PIXELS > Integer.MAX_VALUE - 8) {
            throw new IOException(source + ": " + total + " images are too many for one array");
        }
        int n = (int) total;
        byte[] pixels = new byte[n * PIXELS];
        byte[][] labels = new byte[layout.labelBytes()][n];
        int k = 0;
        for (Map.Entry<String, byte[]> e : contents.entrySet()) {
            byte[] b = e.getValue();
            for (int off = 0; off < b.length; off += rec, k++) {
                for (int j = 0; j < layout.labelBytes(); j++) {
                    int label = b[off + j] & 0xff;
                    if (label >= layout.classes()[j]) {
                        throw new IOException(source + ": " + e.getKey() + ": label " + label + " of record "
                                + (off / rec) + " is not below " + layout.classes()[j]);
                    }
                    labels[j][k] = (byte) label;
                }
                System.arraycopy(b, off + layout.labelBytes(), pixels, k * PIXELS, PIXELS);
            }
        }
        return new Decoded(pixels, labels, n);
    }
}
