package dezero.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failing example says in one line what failed, why and what to do; the stack trace only with
 * {@code --verbose} or {@code -Ddezero.verbose=true} (issue 13, item 13).
 */
class FailureReportTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBuf = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBuf, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBuf, true, StandardCharsets.UTF_8);

    private String[] errLines() {
        return errBuf.toString(StandardCharsets.UTF_8).strip().split("\\R");
    }

    /**
     * Runs {@code args} with the given system properties set, then restores them. The MNIST mirror is
     * made unreachable, without going near the internet, by a proxy on a closed loopback port.
     */
    private int offline(Map<String, String> extra, String... args) throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> props = new LinkedHashMap<>(extra);
        props.put("dezero.cache", dir.resolve("cache").toString());
        props.put("https.proxyHost", "127.0.0.1");
        props.put("https.proxyPort", Integer.toString(closedPort));
        Map<String, String> old = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : props.entrySet()) {
            old.put(p.getKey(), System.getProperty(p.getKey()));
            System.setProperty(p.getKey(), p.getValue());
        }
        try {
            return Main.run(args, out, err);
        } finally {
            for (Map.Entry<String, String> p : old.entrySet()) {
                if (p.getValue() == null) {
                    System.clearProperty(p.getKey());
                } else {
                    System.setProperty(p.getKey(), p.getValue());
                }
            }
        }
    }

    @Test
    void anUnreachableMirrorIsOneLineWithTheUrlTheCauseAndTheWayForward() throws IOException {
        assertEquals(1, offline(Map.of(), "mnist"));
        String[] lines = errLines();
        assertEquals(1, lines.length, String.join("\n", lines));
        String line = lines[0];
        for (String part : new String[] {"error: mnist: ", "cannot download https://ossci-datasets.s3.amazonaws.com/mnist/"
                + "train-images-idx3-ubyte.gz", "cannot connect", "save it as "
                + dir.resolve("cache").resolve("train-images-idx3-ubyte.gz"), "--data DIR", "--verbose"}) {
            assertTrue(line.contains(part), "'" + line + "' should mention '" + part + "'");
        }
        assertFalse(line.contains("null"), line);
    }

    @Test
    void stackTracesOnlyWhenAskedFor() throws IOException {
        assertEquals(1, offline(Map.of(), "mnist-cnn", "--verbose"));
        String text = errBuf.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("error: mnist-cnn: cannot download"), text);
        assertTrue(text.contains("\tat dezero.datasets.FileCache"), text);
        errBuf.reset();
        assertEquals(1, offline(Map.of("dezero.verbose", "true"), "save-load"));
        assertTrue(errBuf.toString(StandardCharsets.UTF_8).contains("\tat dezero."), errBuf::toString);
    }

    @Test
    void otherFailuresAreOneLineToo() {
        assertEquals(1, Main.run(new String[] {"mnist", "--data", dir.resolve("nowhere").toString()}, out, err));
        String[] lines = errLines();
        assertEquals(1, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("error: mnist: MNIST: neither "), lines[0]);
        assertTrue(lines[0].contains("nowhere"), lines[0]);
        assertFalse(lines[0].contains("java.io.IOException"), lines[0]);
    }
}
