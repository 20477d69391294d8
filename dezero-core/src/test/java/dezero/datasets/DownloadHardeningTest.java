package dezero.datasets;

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
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dezero.MessageAssertions.assertMentions;
import static dezero.datasets.MnistFixtures.bytes;
import static dezero.datasets.MnistFixtures.sliceDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Downloads against servers that stall, refuse, are unknown or serve hostile files, and a cache that
 * holds a damaged file (issue 13, items 2, 5, 6 and 13): every failure ends within the timeout, leaves
 * the cache as it was, and says in one sentence which URL failed, why, and what to do.
 */
class DownloadHardeningTest {
    @TempDir
    Path cacheDir;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private byte[] servedImages;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String name = ex.getRequestURI().getPath().substring(ex.getRequestURI().getPath().lastIndexOf('/') + 1);
            requests.add(name);
            Path file = sliceDir().resolve(name);
            if (!Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            byte[] content = name.equals(MNIST.TRAIN_IMAGES) && servedImages != null ? servedImages : bytes(file);
            ex.sendResponseHeaders(200, content.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(content);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.stop(0);
        for (Socket s : held) {
            s.close();
        }
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/");
    }

    /** A cache whose timeout comes from the system property, as a user would set it. */
    private FileCache cache(String timeoutSeconds) {
        System.setProperty("dezero.download.timeout", timeoutSeconds);
        try {
            return new FileCache(cacheDir, new PrintStream(progress, true, StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("dezero.download.timeout");
        }
    }

    private List<String> cacheFiles() throws IOException {
        try (Stream<Path> s = Files.list(cacheDir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static void assertMessage(Exception e, String... fragments) {
        assertMentions(e, fragments);
        assertFalse(e.getMessage().contains("null"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    /**
     * A server on the loopback address that accepts every connection, reads the request and then
     * sends {@code prefix} and nothing more, holding the connection open.
     */
    private URI stallingServer(byte[] prefix) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        held.add(new Socket() {
            @Override
            public synchronized void close() throws IOException {
                listener.close();
            }
        });
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Socket s = listener.accept();
                    held.add(s);
                    byte[] buf = new byte[4096];
                    s.getInputStream().read(buf);
                    s.getOutputStream().write(prefix);
                    s.getOutputStream().flush();
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "stalling-server");
        t.setDaemon(true);
        t.start();
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/mnist/");
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOutNamingTheUrl() throws IOException {
        URI mirror = stallingServer(new byte[0]);
        FileCache cache = cache("1");
        long start = System.nanoTime();
        DownloadException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(DownloadException.class, () -> MNIST.download(cache, mirror, true, null, null)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 10, "took " + seconds + " s");
        assertMessage(e, mirror.resolve(MNIST.TRAIN_IMAGES).toString(), "sent no answer within 1 s",
                "save it as " + cacheDir.resolve(MNIST.TRAIN_IMAGES));
        assertEquals(mirror.resolve(MNIST.TRAIN_IMAGES), e.url());
        assertEquals(cacheDir.resolve(MNIST.TRAIN_IMAGES), e.target());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void aServerThatStallsMidBodyTimesOutAndLeavesNoPartialFile() throws IOException {
        byte[] content = bytes(sliceDir().resolve(MNIST.TRAIN_IMAGES));
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        response.writeBytes(("HTTP/1.1 200 OK\r\nContent-Length: " + content.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        response.write(content, 0, content.length / 2);
        URI mirror = stallingServer(response.toByteArray());
        FileCache cache = cache("1");
        DownloadException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(DownloadException.class, () -> MNIST.download(cache, mirror, true, null, null)));
        assertMessage(e, mirror.resolve(MNIST.TRAIN_IMAGES).toString(), "stopped sending", "nothing for 1 s",
                "after " + content.length / 2 + " of " + content.length + " bytes");
        assertEquals(List.of(), cacheFiles());
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains(" Failed"));
    }

    @Test
    void aCachedFileTruncatedInItsGzipTrailerIsFetchedAgain() throws IOException {
        byte[] good = bytes(sliceDir().resolve(MNIST.TEST_IMAGES));
        Files.write(cacheDir.resolve(MNIST.TEST_IMAGES), Arrays.copyOf(good, good.length - 3));
        MNIST test = MNIST.download(cache("5"), base(), false, null, null);
        assertEquals(50, test.size());
        assertArrayEquals(good, Files.readAllBytes(cacheDir.resolve(MNIST.TEST_IMAGES)));
        assertEquals(List.of(MNIST.TEST_IMAGES, MNIST.TEST_LABELS), requests);
        String said = progress.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("The cached " + cacheDir.resolve(MNIST.TEST_IMAGES) + " is not valid"), said);
        assertTrue(said.contains("the file ends too early"), said);
        assertFalse(said.contains("(null)"), said);
        // from now on the cache is used as it is
        MNIST.download(cache("5"), base(), false, null, null);
        assertEquals(2, requests.size());
    }

    @Test
    void aDamagedCachedFileThatCannotBeFetchedAgainIsNamedForDeletion() throws IOException {
        byte[] good = bytes(sliceDir().resolve(MNIST.TEST_IMAGES));
        Path cached = cacheDir.resolve(MNIST.TEST_IMAGES);
        Files.write(cached, Arrays.copyOf(good, good.length / 2));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI refused = URI.create("http://127.0.0.1:" + closedPort + "/mnist/");
        DownloadException e = assertThrows(DownloadException.class,
                () -> MNIST.download(cache("5"), refused, false, null, null));
        assertMessage(e, refused.resolve(MNIST.TEST_IMAGES).toString(), "cannot connect to 127.0.0.1",
                "the cached " + cached + " is not valid either", "gzip", "delete it");
        assertArrayEquals(Arrays.copyOf(good, good.length / 2), Files.readAllBytes(cached), "left for the user");
    }

    @Test
    void aLegalButHugeDownloadIsRefusedByTheVerifierAndNotCached() throws IOException {
        servedImages = MnistFixtures.zeroImagesGzip(1_200_000);   // 940,800,000 bytes of images in 0.9 MB
        DownloadException e = assertThrows(DownloadException.class,
                () -> MNIST.download(cache("5"), base(), true, null, null));
        assertMessage(e, base().resolve(MNIST.TRAIN_IMAGES).toString(), "not a valid " + MNIST.TRAIN_IMAGES,
                "940800000 data bytes", "limit of");
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void unknownHostsAndHttpErrorsAreOneSentenceWithTheWayForward() throws IOException {
        FileCache cache = cache("5");
        URI unknown = URI.create("http://no-such-host.invalid/mnist/");
        DownloadException e = assertThrows(DownloadException.class, () -> MNIST.download(cache, unknown, true, null, null));
        assertMessage(e, "cannot download " + unknown.resolve(MNIST.TRAIN_IMAGES), "no-such-host.invalid is unknown",
                "save it as " + cacheDir.resolve(MNIST.TRAIN_IMAGES));
        URI missing = base().resolve("nothing-here/");
        e = assertThrows(DownloadException.class, () -> cache.get(missing.resolve("x.gz"), "x.gz", f -> { }));
        assertMessage(e, missing.resolve("x.gz").toString(), "HTTP status 404", "save it as " + cacheDir.resolve("x.gz"));
        assertEquals(new ArrayList<>(), cacheFiles());
    }

    @Test
    void aNewDownloadDeletesThePartFilesThatEarlierVersionsLeftOfTheSameFile() throws IOException {
        // earlier versions downloaded to <name>.part or Files.createTempFile's <name>.<digits>.part
        String name = MNIST.TEST_IMAGES;
        List<String> leftovers = List.of(name + ".part", name + ".8123456789012345678.part");
        for (String f : leftovers) {
            Files.write(cacheDir.resolve(f), new byte[] {1, 2, 3});
        }
        List<String> others = List.of(MNIST.TRAIN_IMAGES + ".part", name + ".x.part", "notes.txt");
        for (String f : others) {
            Files.write(cacheDir.resolve(f), new byte[] {4});
        }
        Files.createDirectory(cacheDir.resolve(name + ".1.part"));   // not a file: left alone

        Path got = cache("5").get(base().resolve(name), name, f -> { });
        assertArrayEquals(bytes(sliceDir().resolve(name)), Files.readAllBytes(got));
        List<String> expected = new ArrayList<>(others);
        expected.add(name);
        expected.add(name + ".1.part");
        expected.sort(null);
        assertEquals(expected, cacheFiles());

        // a download that fails deletes them too (they are of no use to the next one)
        Files.write(cacheDir.resolve("x.gz.part"), new byte[] {1});
        assertThrows(DownloadException.class, () -> cache("5").get(base().resolve("nothing-here/x.gz"), "x.gz", f -> { }));
        assertFalse(Files.exists(cacheDir.resolve("x.gz.part")));
        assertEquals(expected, cacheFiles());
    }
}
