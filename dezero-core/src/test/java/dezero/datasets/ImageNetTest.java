package dezero.datasets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageNetTest {
    /** The layout of the reference's file: a Python dict literal over several lines, both quote styles. */
    private static final String SAMPLE = "{0: 'tench, Tinca tinca',\n 1: 'goldfish, Carassius auratus',\n"
            + " 2: \"jack-o'-lantern\",\n 3: 'it\\'s \\\\ odd'}\n";

    @TempDir
    Path tmp;

    @Test
    void parsesThePythonDictLiteral() throws IOException {
        Map<Integer, String> m = ImageNet.parseLabels(SAMPLE, "sample");
        assertEquals(4, m.size());
        assertEquals("tench, Tinca tinca", m.get(0));
        assertEquals("jack-o'-lantern", m.get(2));
        assertEquals("it's \\ odd", m.get(3));
        assertEquals(Map.of(), ImageNet.parseLabels("{}", "empty"));
        assertEquals("a", ImageNet.parseLabels("{7: 'a',}", "trailing comma").get(7));
    }

    @Test
    void rejectsAnythingElse() {
        for (String bad : new String[] {"", "[0, 1]", "{0: 'a'", "{0: a}", "{'x': 'a'}", "{0: 'a', 0: 'b'}",
                "{0: 'a'} extra", "{0: 'a\nb'}", "{0: 'a' 1: 'b'}", "__import__('os')"}) {
            IOException e = assertThrows(IOException.class, () -> ImageNet.parseLabels(bad, "f.txt"), bad);
            assertTrue(e.getMessage().startsWith("f.txt: line "), e.getMessage());
        }
    }

    @Test
    void downloadsTheListOnce() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            byte[] body = ex.getRequestURI().getPath().contains("bad") ? "<html>".getBytes(StandardCharsets.UTF_8)
                    : SAMPLE.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            FileCache cache = new FileCache(tmp, null);
            assertThrows(IOException.class, () -> ImageNet.labels(cache, URI.create(base + "/bad/labels.txt")));
            assertTrue(Files.notExists(tmp.resolve(ImageNet.LABELS_FILE)), "a page that is not the list is not cached");
            URI url = URI.create(base + "/labels.txt");
            assertEquals("goldfish, Carassius auratus", ImageNet.labels(cache, url).get(1));
            assertEquals(4, ImageNet.labels(cache, url).size());
            assertEquals(2, hits.get());
        } finally {
            server.stop(0);
        }
    }
}
