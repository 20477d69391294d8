package dezero.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The MNIST test slice in src/test/resources/mnist (100 training, 50 test examples) and helpers to make broken copies. */
final class MnistFixtures {
    private MnistFixtures() {
    }

    static Path sliceDir() {
        try {
            return Path.of(MnistFixtures.class.getResource("/mnist/" + MNIST.TRAIN_IMAGES).toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared 10,000-image set, if this checkout has it (../shared from the repository root). */
    static Path sharedDir() {
        for (String p : new String[] {"../shared/data/mnist-10k", "../../shared/data/mnist-10k"}) {
            Path d = Path.of(p);
            if (Files.isRegularFile(d.resolve(MNIST.TRAIN_IMAGES))) {
                return d;
            }
        }
        return null;
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decompressed content of a gzip file. */
    static byte[] gunzip(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bos)) {
            out.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    /** The decompressed slice file {@code name}. */
    static byte[] raw(String name) {
        return gunzip(bytes(sliceDir().resolve(name)));
    }

    /** {@code raw} with the big-endian int at byte {@code offset} replaced. */
    static byte[] withInt(byte[] raw, int offset, int value) {
        byte[] out = raw.clone();
        ByteBuffer.wrap(out).putInt(offset, value);
        return out;
    }

    /** A directory holding the given split's four-file set, with one file replaced by {@code content}. */
    static Path dirWith(Path dir, String replacedName, byte[] content) throws IOException {
        for (String name : new String[] {MNIST.TRAIN_IMAGES, MNIST.TRAIN_LABELS, MNIST.TEST_IMAGES, MNIST.TEST_LABELS}) {
            Files.write(dir.resolve(name), name.equals(replacedName) ? content : bytes(sliceDir().resolve(name)));
        }
        return dir;
    }

    /**
     * A legal gzip of an IDX image file holding {@code count} black 28 x 28 images, built in
     * milliseconds: one raw-deflated megabyte of zeros, ending in a sync flush, is repeated (each
     * copy refers only to zeros), then an empty final block and the gzip trailer follow.
     */
    static byte[] zeroImagesGzip(int count) {
        byte[] header = ByteBuffer.allocate(16).putInt(IdxFile.MAGIC_IMAGES).putInt(count).putInt(MNIST.ROWS)
                .putInt(MNIST.COLS).array();
        long zeros = (long) count * MNIST.ROWS * MNIST.COLS;
        byte[] mega = new byte[1 << 20];
        byte[] megaBlock = deflateSync(mega, mega.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        out.writeBytes(deflateSync(header, header.length));
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(header);
        long left = zeros;
        for (; left >= mega.length; left -= mega.length) {
            out.writeBytes(megaBlock);
            crc.update(mega);
        }
        out.writeBytes(deflateSync(mega, (int) left));
        crc.update(mega, 0, (int) left);
        out.writeBytes(new byte[] {3, 0});   // an empty final block
        out.writeBytes(ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue())
                .putInt((int) (zeros + header.length)).array());
        return out.toByteArray();
    }

    /** Raw deflate of the first {@code n} bytes, from a fresh deflater, ending byte-aligned (sync flush, not final). */
    private static byte[] deflateSync(byte[] data, int n) {
        java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data, 0, n);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        int got;
        do {
            got = d.deflate(buf, 0, buf.length, java.util.zip.Deflater.SYNC_FLUSH);
            out.write(buf, 0, got);
        } while (got == buf.length);
        d.end();
        return out.toByteArray();
    }
}
