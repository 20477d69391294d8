package dezero.datasets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dezero.datasets.MnistFixtures.bytes;
import static dezero.datasets.MnistFixtures.gzip;
import static dezero.datasets.MnistFixtures.raw;
import static dezero.datasets.MnistFixtures.sliceDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The download path against a server on the loopback address that serves the test slice, correctly
 * under /good/ and /chunked/ (no Content-Length), and brokenly: /cut/ announces the full size and
 * drops the connection half way, /short/ sends a truncated file with a matching Content-Length,
 * /swapped/ sends the labels as the images, /missing/ answers 404.
 */
class MnistDownloadTest {
    @TempDir
    Path cacheDir;

    private HttpServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
    private FileCache cache;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        cache = new FileCache(cacheDir, new PrintStream(progressBytes, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI base(String mode) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + mode + "/");
    }

    private void handle(HttpExchange ex) throws IOException {
        String[] parts = ex.getRequestURI().getPath().split("/");
        String mode = parts[1];
        String name = parts[2];
        requests.computeIfAbsent(mode + "/" + name, k -> new AtomicInteger()).incrementAndGet();
        Path file = sliceDir().resolve(name);
        if (mode.equals("missing") || !Files.isRegularFile(file)) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        byte[] content = bytes(file);
        switch (mode) {
            case "good":
                send(ex, content, content.length);
                break;
            case "chunked":
                send(ex, content, 0);
                break;
            case "cut":
                ex.sendResponseHeaders(200, content.length);
                OutputStream os = ex.getResponseBody();
                os.write(content, 0, content.length / 2);
                os.flush();
                ex.close();   // fewer bytes than announced: the server drops the connection
                return;
            case "short":
                byte[] half = Arrays.copyOf(content, content.length / 2);
                send(ex, half, half.length);
                break;
            case "swapped":
                byte[] other = bytes(sliceDir().resolve(name.replace("images-idx3", "labels-idx1")));
                send(ex, other, other.length);
                break;
            default:
                ex.sendResponseHeaders(400, -1);
                ex.close();
        }
    }

    private static void send(HttpExchange ex, byte[] content, long announced) throws IOException {
        ex.sendResponseHeaders(200, announced);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(content);
        }
    }

    private List<String> cacheFiles() throws IOException {
        try (Stream<Path> s = Files.list(cacheDir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private int requestCount(String mode, String name) {
        AtomicInteger n = requests.get(mode + "/" + name);
        return n == null ? 0 : n.get();
    }

    @Test
    void downloadsOnceWithProgressThenReadsTheCache() throws IOException {
        MNIST train = MNIST.download(cache, base("good"), true, MNIST.defaultTransform(), null);
        assertEquals(100, train.size());
        assertEquals(List.of(MNIST.TRAIN_IMAGES, MNIST.TRAIN_LABELS), cacheFiles());
        assertArrayEquals(bytes(sliceDir().resolve(MNIST.TRAIN_IMAGES)), bytes(cacheDir.resolve(MNIST.TRAIN_IMAGES)));
        String progress = progressBytes.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("Downloading: " + MNIST.TRAIN_IMAGES), progress);
        assertTrue(progress.contains("[##############################] 100.00%"), progress);
        assertTrue(progress.contains(" Done"), progress);

        MNIST again = MNIST.download(cache, base("good"), true, MNIST.defaultTransform(), null);
        assertEquals(1, requestCount("good", MNIST.TRAIN_IMAGES));
        assertEquals(1, requestCount("good", MNIST.TRAIN_LABELS));
        MNIST local = MNIST.fromDirectory(sliceDir(), true);
        assertArrayEquals(local.getBatch(0, 50, 99).x().floatData(), again.getBatch(0, 50, 99).x().floatData(), 0f);
    }

    @Test
    void downloadsWithoutContentLength() throws IOException {
        MNIST test = MNIST.download(cache, base("chunked"), false, null, null);
        assertEquals(50, test.size());
        assertTrue(progressBytes.toString(StandardCharsets.UTF_8).contains("bytes"));
    }

    @Test
    void droppedConnectionLeavesTheCacheEmptyAndARetryWorks() throws IOException {
        IOException e = assertThrows(IOException.class,
                () -> MNIST.download(cache, base("cut"), true, null, null));
        assertTrue(e.getMessage().contains(base("cut").resolve(MNIST.TRAIN_IMAGES).toString()), e.getMessage());
        assertEquals(List.of(), cacheFiles());
        assertEquals(100, MNIST.download(cache, base("good"), true, null, null).size());
    }

    @Test
    void truncatedFileIsNotCached() throws IOException {
        IOException e = assertThrows(IOException.class,
                () -> MNIST.download(cache, base("short"), false, null, null));
        assertTrue(e.getMessage().contains("not a valid " + MNIST.TEST_IMAGES), e.getMessage());
        assertTrue(e.getMessage().contains("gzip"), e.getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void fileWithTheWrongHeaderIsNotCached() throws IOException {
        IOException e = assertThrows(IOException.class,
                () -> MNIST.download(cache, base("swapped"), false, null, null));
        assertTrue(e.getMessage().contains("bad magic number 2049"), e.getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void httpErrorIsReported() throws IOException {
        IOException e = assertThrows(IOException.class,
                () -> MNIST.download(cache, base("missing"), true, null, null));
        assertTrue(e.getMessage().contains("HTTP status 404"), e.getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void aCachedFileIsUsedWithoutDownloading() throws IOException {
        Files.write(cacheDir.resolve(MNIST.TEST_IMAGES), gzip(raw(MNIST.TEST_IMAGES)));
        MNIST test = MNIST.download(cache, base("good"), false, null, null);
        assertEquals(50, test.size());
        assertEquals(0, requestCount("good", MNIST.TEST_IMAGES));
        assertEquals(1, requestCount("good", MNIST.TEST_LABELS));
    }

    @Test
    void cacheDirectoryComesFromTheSystemProperty() {
        String old = System.getProperty(FileCache.CACHE_PROPERTY);
        try {
            System.setProperty(FileCache.CACHE_PROPERTY, cacheDir.toString());
            assertEquals(cacheDir, FileCache.defaultCache().dir());
            System.clearProperty(FileCache.CACHE_PROPERTY);
            assertEquals(Path.of(System.getProperty("user.home"), ".dezero"), FileCache.defaultDirectory());
        } finally {
            if (old == null) {
                System.clearProperty(FileCache.CACHE_PROPERTY);
            } else {
                System.setProperty(FileCache.CACHE_PROPERTY, old);
            }
        }
    }

    @Test
    void fileNamesCannotLeaveTheCache() {
        assertThrows(IllegalArgumentException.class,
                () -> cache.get(base("good").resolve("x"), "../escape.gz", f -> { }));
    }
}
