package dezero.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A directory of downloaded files, each fetched once (DeZero's {@code get_file} and its
 * {@code ~/.dezero} cache). The directory is {@code ~/.dezero} unless the system property
 * {@value #CACHE_PROPERTY} names another, or one is given.
 *
 * <p>A download goes to a temporary file in the cache directory, shows a progress bar, is checked
 * (the byte count against the server's {@code Content-Length}, then by the caller's
 * {@link Verifier}), and only then is renamed to its final name. A failed or interrupted
 * download leaves nothing behind, so the cache never holds a partial file.
 *
 * <pre>{@code
 * jshell> var cache = FileCache.defaultCache();            // ~/.dezero, or -Ddezero.cache=DIR
 * jshell> cache.get(URI.create("https://example.org/data.gz"), "data.gz", file -> {})
 * Downloading: data.gz
 * [##############################] 100.00% Done
 * $2 ==> /home/me/.dezero/data.gz
 * }</pre>
 */
public final class FileCache {
    /** The system property that overrides the default cache directory. */
    public static final String CACHE_PROPERTY = "dezero.cache";

    private static final int BAR_WIDTH = 30;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /** Checks a downloaded file before it enters the cache; throws to reject it. */
    @FunctionalInterface
    public interface Verifier {
        void verify(Path file) throws IOException;
    }

    private final Path dir;
    private final PrintStream progress;

    /** A cache in {@code dir} that shows download progress on {@code System.out}. */
    public FileCache(Path dir) {
        this(dir, System.out);
    }

    /** A cache in {@code dir} that shows download progress on {@code progress} ({@code null}: silent). */
    public FileCache(Path dir, PrintStream progress) {
        this.dir = Objects.requireNonNull(dir, "FileCache: directory is null");
        this.progress = progress;
    }

    /** The cache in {@link #defaultDirectory()}. */
    public static FileCache defaultCache() {
        return new FileCache(defaultDirectory());
    }

    /** The system property {@value #CACHE_PROPERTY} if set, otherwise {@code ~/.dezero}. */
    public static Path defaultDirectory() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".dezero");
    }

    public Path dir() {
        return dir;
    }

    /** {@link #get(URI, String, Verifier)} named after the last part of the URL's path, unverified. */
    public Path get(URI url) throws IOException {
        String path = url.getPath();
        return get(url, path == null ? "" : path.substring(path.lastIndexOf('/') + 1), file -> { });
    }

    /**
     * The cached file {@code fileName}, downloaded from {@code url} first if it is not in the cache.
     *
     * @throws IOException when the download fails (HTTP error, connection lost, fewer or more bytes
     *                     than announced) or the verifier rejects the file; the cache is then unchanged
     */
    public Path get(URI url, String fileName, Verifier verifier) throws IOException {
        Objects.requireNonNull(url, "FileCache.get: url is null");
        Objects.requireNonNull(verifier, "FileCache.get: verifier is null");
        if (fileName == null || fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\")
                || fileName.equals(".") || fileName.equals("..")) {
            throw new IllegalArgumentException("FileCache.get: '" + fileName + "' is not a plain file name (from " + url + ")");
        }
        Path target = dir.resolve(fileName);
        if (Files.isRegularFile(target)) {
            return target;
        }
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, fileName + ".", ".part");
        boolean done = false;
        try {
            say("Downloading: " + fileName + "\n");
            download(url, part);
            try {
                verifier.verify(part);
            } catch (IOException e) {
                throw new IOException("download of " + url + " is not a valid " + fileName + ": " + e.getMessage(), e);
            }
            move(part, target);
            done = true;
            say(" Done\n");
            return target;
        } finally {
            if (!done) {
                say(" Failed\n");
            }
            Files.deleteIfExists(part);
        }
    }

    private void download(URI url, Path part) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        HttpRequest request = HttpRequest.newBuilder(url).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download of " + url + " interrupted");
        }
        long[] received = {0};
        long total = -1;
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("download of " + url + " failed: HTTP status " + response.statusCode());
            }
            OptionalLong announced = response.headers().firstValueAsLong("Content-Length");
            total = announced.orElse(-1);
            copy(body, part, total, received);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("download of ")) {
                throw e;
            }
            throw new IOException("download of " + url + " failed after " + received[0]
                    + (total >= 0 ? " of " + total : "") + " bytes: " + e, e);
        }
        if (total >= 0 && received[0] != total) {
            throw new IOException("download of " + url + " is incomplete: received " + received[0]
                    + " of " + total + " bytes");
        }
    }

    /** Copies the body to {@code part}, counting into {@code received[0]} as it goes. */
    private void copy(InputStream body, Path part, long total, long[] received) throws IOException {
        byte[] buf = new byte[1 << 16];
        String lastBar = null;
        try (OutputStream out = Files.newOutputStream(part)) {
            for (int n; (n = body.read(buf)) != -1; ) {
                out.write(buf, 0, n);
                received[0] += n;
                if (total >= 0 && received[0] > total) {
                    throw new IOException("the server sent more than the announced " + total + " bytes");
                }
                lastBar = showProgress(received[0], total, lastBar);
            }
        }
    }

    /** The reference's bar, {@code [####....] 12.34%}, redrawn on one line whenever the whole percentage changes. */
    private String showProgress(long received, long total, String lastShown) {
        if (progress == null) {
            return lastShown;
        }
        String key;
        String line;
        if (total > 0) {
            double p = Math.min(100.0, received * 100.0 / total);
            int filled = (int) Math.min(BAR_WIDTH, received * BAR_WIDTH / total);
            key = Integer.toString((int) p);
            line = "\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                    + String.format(Locale.ROOT, "%.2f%%", p);
        } else {
            key = Long.toString(received >> 20);
            line = "\r" + received + " bytes";
        }
        if (!key.equals(lastShown)) {
            progress.print(line);
            progress.flush();
        }
        return key;
    }

    private void say(String s) {
        if (progress != null) {
            progress.print(s);
            progress.flush();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return "FileCache(" + dir + ")";
    }
}
