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
}
