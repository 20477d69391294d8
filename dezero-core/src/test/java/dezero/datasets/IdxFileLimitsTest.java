package dezero.datasets;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static dezero.MessageAssertions.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IDX headers that declare more than a limit or the heap: refused before reading, quoting the bytes (issue 13, item 6). */
class IdxFileLimitsTest {
    @TempDir
    Path dir;


    @Test
    void aSmallLegalGzipDeclaring2300000ImagesIsRefusedBeforeItIsRead() throws IOException {
        byte[] gz = MnistFixtures.zeroImagesGzip(2_300_000);
        assertTrue(gz.length < 2_000_000, "a small file: " + gz.length + " bytes");
        Path file = dir.resolve(MNIST.TRAIN_IMAGES);
        Files.write(file, gz);
        IOException e = assertThrows(IOException.class, () -> IdxFile.read(file, 3));
        assertMentions(e, file.toString(), "[2300000, 28, 28]", "1803200000 data bytes", "limit of " + IdxFile.DEFAULT_MAX_BYTES);
    }

    @Test
    void aDeclaredSizeBeyondTheFreeHeapIsRefusedQuotingTheBytes() throws IOException {
        // 2,739,000 images: 2,147,376,000 bytes, within a Java array, more than a heap of 2 GiB has free
        Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() <= (1L << 31), "the tests run with -Xmx2g");
        Path file = dir.resolve("huge-idx3-ubyte");
        Files.write(file, ByteBuffer.allocate(16).putInt(IdxFile.MAGIC_IMAGES).putInt(2_739_000).putInt(28).putInt(28)
                .array());
        IOException e = assertThrows(IOException.class, () -> IdxFile.read(file, 3, Long.MAX_VALUE));
        assertMentions(e, file.toString(), "2147376000 data bytes", "truncated");   // an uncompressed file: its size tells
        Path gz = dir.resolve("huge-idx3-ubyte.gz");
        Files.write(gz, MnistFixtures.gzip(Files.readAllBytes(file)));
        e = assertThrows(IOException.class, () -> IdxFile.read(gz, 3, Long.MAX_VALUE));
        assertMentions(e, gz.toString(), "2147376000 bytes do not fit", "-Xmx");
    }

    @Test
    void filesWithinTheLimitStillRead() throws IOException {
        Path file = dir.resolve("zeros.gz");
        Files.write(file, MnistFixtures.zeroImagesGzip(3));
        IdxFile f = IdxFile.read(file, 3);
        assertEquals(3 * 784, f.data().length);
        IOException e = assertThrows(IOException.class, () -> IdxFile.read(file, 3, 1000));
        assertMentions(e, "2352 data bytes", "limit of 1000");
    }
}
