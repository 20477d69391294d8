package dezero.datasets;

import com.sun.net.httpserver.HttpServer;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CIFAR readers on small synthetic files in the binary format (real CIFAR data are not shipped). */
class CifarTest {
    private static final int PIXELS = 3 * 32 * 32;

    @TempDir
    Path tmp;

    /** The pixel value of record {@code r} of file {@code f} at position {@code p}: a pattern that identifies all three. */
    private static int pixel(int f, int r, int p) {
        return (f * 31 + r * 7 + p) % 256;
    }

    /** A binary file of {@code records} records; {@code labels[j]} gives label byte j of record r as (r + f + j) % classes[j]. */
    private static byte[] binFile(int f, int records, int[] classes) {
        int rec = classes.length + PIXELS;
        byte[] b = new byte[records * rec];
        for (int r = 0; r < records; r++) {
            for (int j = 0; j < classes.length; j++) {
                b[r * rec + j] = (byte) ((r + f + j) % classes[j]);
            }
            for (int p = 0; p < PIXELS; p++) {
                b[r * rec + classes.length + p] = (byte) pixel(f, r, p);
            }
        }
        return b;
    }

    private static final int[] TEN = {10};

    private static byte[] cifar10Archive(boolean withTest) {
        TarWriter t = new TarWriter().directory("cifar-10-batches-bin/");
        for (int f = 1; f <= 5; f++) {
            t.file("cifar-10-batches-bin/data_batch_" + f + ".bin", binFile(f, 3, TEN));
        }
        t.file("cifar-10-batches-bin/batches.meta.txt", "airplane\n".getBytes());
        if (withTest) {
            t.file("cifar-10-batches-bin/test_batch.bin", binFile(0, 2, TEN));
        }
        return t.tarGz();
    }

    @Test
    void readsCifar10FromTheArchive() throws IOException {
        Files.write(tmp.resolve(CIFAR10.ARCHIVE), cifar10Archive(true));
        CIFAR10 train = CIFAR10.fromDirectory(tmp, true, null, null);
        assertEquals(15, train.size());
        // example 4 is record 1 of data_batch_2
        NdArray x = train.get(4).x();
        assertEquals(DType.INT64, x.dtype());
        assertArrayEquals(new int[] {3, 32, 32}, x.shape());
        assertEquals(pixel(2, 1, 0), (long) x.get(0, 0, 0));
        assertEquals(pixel(2, 1, 1024 + 33), (long) x.get(1, 1, 1), "green plane, row 1, column 1");
        assertEquals((1 + 2) % 10, (long) train.get(4).t().item());
        CIFAR10 test = CIFAR10.fromDirectory(tmp, false);
        assertEquals(2, test.size());
        NdArray y = test.get(1).x();
        assertEquals(DType.FLOAT32, y.dtype());
        assertEquals((pixel(0, 1, 5) - 0.5f) / 0.5f, y.getFlat(5), "the reference's ToFloat, Normalize(0.5, 0.5)");
        assertEquals("airplane", CIFAR10.labels().get(0));
        assertEquals(10, CIFAR10.labels().size());
    }

    @Test
    void readsExtractedFilesToo() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("cifar-10-batches-bin"));
        Files.write(folder.resolve("test_batch.bin"), binFile(0, 2, TEN));
        assertEquals(2, CIFAR10.fromDirectory(tmp, false).size());
        Path flat = Files.createDirectories(tmp.resolve("flat"));
        Files.write(flat.resolve("test_batch.bin"), binFile(0, 4, TEN));
        assertEquals(4, CIFAR10.fromDirectory(flat, false).size());
        IOException e = assertThrows(IOException.class, () -> CIFAR10.fromDirectory(flat, true));
        assertTrue(e.getMessage().contains(CIFAR10.ARCHIVE), e.getMessage());
    }

    @Test
    void malformedFilesAreRejected() throws IOException {
        Files.write(tmp.resolve("test_batch.bin"), Arrays.copyOf(binFile(0, 2, TEN), 2 * 3073 - 1));
        IOException e = assertThrows(IOException.class, () -> CIFAR10.fromDirectory(tmp, false));
        assertTrue(e.getMessage().contains("test_batch.bin") && e.getMessage().contains("3073-byte records"), e.getMessage());

        byte[] badLabel = binFile(0, 2, TEN);
        badLabel[3073] = 12;
        Files.write(tmp.resolve("test_batch.bin"), badLabel);
        e = assertThrows(IOException.class, () -> CIFAR10.fromDirectory(tmp, false));
        assertTrue(e.getMessage().contains("label 12 of record 1"), e.getMessage());

        Path noTest = Files.createDirectories(tmp.resolve("a"));
        Files.write(noTest.resolve(CIFAR10.ARCHIVE), cifar10Archive(false));
        e = assertThrows(IOException.class, () -> CIFAR10.fromDirectory(noTest, false));
        assertTrue(e.getMessage().contains("has no test_batch.bin"), e.getMessage());

        Path cut = Files.createDirectories(tmp.resolve("b"));
        byte[] archive = cifar10Archive(true);
        Files.write(cut.resolve(CIFAR10.ARCHIVE), Arrays.copyOf(archive, archive.length / 2));
        e = assertThrows(IOException.class, () -> CIFAR10.fromDirectory(cut, true));
        assertTrue(e.getMessage().contains(CIFAR10.ARCHIVE), e.getMessage());

        Path notTar = Files.createDirectories(tmp.resolve("c"));
        Files.write(notTar.resolve(CIFAR10.ARCHIVE), MnistFixtures.gzip(binFile(0, 1, TEN)));
        e = assertThrows(IOException.class, () -> CIFAR10.fromDirectory(notTar, false));
        assertTrue(e.getMessage().contains("not a tar archive"), e.getMessage());
    }

    @Test
    void cifar100LabelTypes() throws IOException {
        int[] classes = {20, 100};
        String longFolder = "cifar-100-binary/" + "x".repeat(120) + "/";
        byte[] archive = new TarWriter()
                .file("cifar-100-binary/train.bin", binFile(3, 4, classes))
                .file(longFolder + "test.bin", binFile(4, 3, classes))
                .tarGz();
        Files.write(tmp.resolve(CIFAR100.ARCHIVE), archive);
        CIFAR100 fine = CIFAR100.fromDirectory(tmp, true, null, null, CIFAR100.LabelType.FINE);
        CIFAR100 coarse = CIFAR100.fromDirectory(tmp, true, null, null, CIFAR100.LabelType.COARSE);
        assertEquals(4, fine.size());
        assertEquals((2 + 3 + 1) % 100, (long) fine.get(2).t().item());
        assertEquals((2 + 3) % 20, (long) coarse.get(2).t().item());
        assertEquals(pixel(3, 2, 100), (long) fine.get(2).x().getFlat(100));
        assertEquals(3, CIFAR100.fromDirectory(tmp, false, CIFAR100.LabelType.FINE).size(), "found behind a GNU long name");
        assertEquals(100, CIFAR100.labels(CIFAR100.LabelType.FINE).size());
        assertEquals("apple", CIFAR100.labels(CIFAR100.LabelType.FINE).get(0));
        assertEquals("vehicles 2", CIFAR100.labels(CIFAR100.LabelType.COARSE).get(19));
    }

    @Test
    void downloadsTheArchiveOnceAndRejectsATruncatedOne() throws IOException {
        byte[] archive = cifar10Archive(true);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] body = ex.getRequestURI().getPath().startsWith("/cut") ? Arrays.copyOf(archive, archive.length - 40) : archive;
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path cacheDir = tmp.resolve("cache");
            FileCache cache = new FileCache(cacheDir, null);
            IOException e = assertThrows(IOException.class,
                    () -> CIFAR10.download(cache, URI.create(base + "/cut/" + CIFAR10.ARCHIVE), true, null, null));
            assertTrue(e.getMessage().contains("not a valid " + CIFAR10.ARCHIVE), e.getMessage());
            try (Stream<Path> s = Files.list(cacheDir)) {
                assertEquals(0, s.count(), "nothing cached");
            }
            CIFAR10 train = CIFAR10.download(cache, URI.create(base + "/ok/" + CIFAR10.ARCHIVE), true, null, null);
            assertEquals(15, train.size());
            assertArrayEquals(archive, Files.readAllBytes(cacheDir.resolve(CIFAR10.ARCHIVE)));
        } finally {
            server.stop(0);
        }
    }
}
