package dezero.datasets;

import dezero.utils.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A directory of downloaded files, each fetched once (DeZero's {@code get_file} and its
 * {@code ~/.dezero} cache). The directory is {@code ~/.dezero} unless the system property
 * {@value #CACHE_PROPERTY} names another, or one is given.
 *
 * <p>A download goes to a hidden temporary file in the cache directory, shows a progress bar, is
 * checked (the byte count against the server's {@code Content-Length}, then by the caller's
 * {@link Verifier}), and only then is renamed to its final name. A failed or interrupted
 * download leaves nothing behind, so the cache never holds a partial file. (Earlier versions
 * downloaded to {@code <name>.part} or {@code <name>.<digits>.part} and could leave one behind when
 * killed; a new download of {@code <name>} deletes those.) A server that accepts
 * the connection and then stalls (sends nothing for {@value #TIMEOUT_PROPERTY} seconds, 30 by
 * default) ends the download with an error, as does one that cannot be reached; each failure is a
 * {@link DownloadException} whose message names the URL, the cause, and where a copy fetched by
 * hand can be saved instead.
 *
 * <p>A file already in the cache is checked again when it is used ({@link #load}, {@link #get}):
 * one that is corrupt or truncated (say, copied by hand, or damaged on disk) is downloaded again,
 * and if that fails the error names the cached file to delete or replace.
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
    /** The system property that sets the connect and read timeout of downloads, in seconds (default 30). */
    public static final String TIMEOUT_PROPERTY = "dezero.download.timeout";

    private static final int BAR_WIDTH = 30;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REDIRECTS = 5;

    /** Checks a downloaded file before it enters the cache; throws to reject it. */
    @FunctionalInterface
    public interface Verifier {
        void verify(Path file) throws IOException;
    }

    /** Reads a file of the cache into what the caller needs; throws when the file is not valid. */
    @FunctionalInterface
    public interface Loader<T> {
        T load(Path file) throws IOException;
    }

    private final Path dir;
    private final PrintStream progress;
    private final Duration timeout;

    /** A cache in {@code dir} that shows download progress on {@code System.out}. */
    public FileCache(Path dir) {
        this(dir, System.out);
    }

    /** A cache in {@code dir} that shows download progress on {@code progress} ({@code null}: silent). */
    public FileCache(Path dir, PrintStream progress) {
        this(dir, progress, configuredTimeout());
    }

    /** As {@link #FileCache(Path, PrintStream)} with another connect and read timeout (tests). */
    FileCache(Path dir, PrintStream progress, Duration timeout) {
        this.dir = Objects.requireNonNull(dir, "FileCache: directory is null");
        this.progress = progress;
        this.timeout = Objects.requireNonNull(timeout, "FileCache: timeout is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("FileCache: the timeout must be positive, got " + timeout);
        }
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

    /** {@value #TIMEOUT_PROPERTY} in seconds (a positive number), or 30 s. */
    static Duration configuredTimeout() {
        String configured = System.getProperty(TIMEOUT_PROPERTY);
        if (configured == null || configured.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            double seconds = Double.parseDouble(configured.strip());
            if (seconds > 0 && seconds <= Long.MAX_VALUE / 1_000_000_000L) {
                return Duration.ofNanos((long) (seconds * 1e9));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + TIMEOUT_PROPERTY + "=" + configured
                + ": the download timeout must be a positive number of seconds");
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
     * The cached file {@code fileName}, downloaded from {@code url} first if it is not in the cache
     * or if {@code verifier} rejects the cached copy.
     *
     * @throws DownloadException when the download fails (unreachable server, timeout, HTTP error,
     *                           connection lost, fewer or more bytes than announced) or the verifier
     *                           rejects the file; the cache is then unchanged
     */
    public Path get(URI url, String fileName, Verifier verifier) throws IOException {
        Objects.requireNonNull(verifier, "FileCache.get: verifier is null");
        return load(url, fileName, verifier, file -> {
            verifier.verify(file);
            return file;
        });
    }

    /**
     * What {@code loader} reads from the cached file {@code fileName}. When the file is not in the
     * cache, or {@code loader} rejects the cached copy (an {@link IOException}), the file is
     * downloaded from {@code url}, checked by {@code verifier} and replaces the old copy; then
     * {@code loader} reads it.
     *
     * @throws DownloadException when the download fails or the verifier rejects it (the message then
     *                           also names a rejected cached copy, to delete or replace)
     */
    public <T> T load(URI url, String fileName, Verifier verifier, Loader<T> loader) throws IOException {
        Objects.requireNonNull(url, "FileCache.load: url is null");
        Objects.requireNonNull(verifier, "FileCache.load: verifier is null");
        Objects.requireNonNull(loader, "FileCache.load: loader is null");
        if (fileName == null || fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\")
                || fileName.equals(".") || fileName.equals("..")) {
            throw new IllegalArgumentException("FileCache.get: '" + fileName + "' is not a plain file name (from " + url + ")");
        }
        Path target = dir.resolve(fileName);
        String invalid = null;
        if (Files.isRegularFile(target)) {
            try {
                return loader.load(target);
            } catch (IOException e) {
                invalid = reason(e);
                say("The cached " + target + " is not valid (" + invalid + "); downloading it again\n");
            }
        }
        fetch(url, fileName, target, verifier, invalid);
        return loader.load(target);
    }

    /** Downloads {@code url} to {@code target} through a temporary file that {@code verifier} checks first. */
    private void fetch(URI url, String fileName, Path target, Verifier verifier, String invalid) throws IOException {
        boolean done = false;
        say("Downloading: " + fileName + "\n");
        try {
            Files.createDirectories(dir);
            deleteOldPartFiles(fileName);
            AtomicFiles.write(target, out -> download(url, out), part -> {
                try {
                    verifier.verify(part);
                } catch (IOException e) {
                    throw new Failure("the file received is not a valid " + fileName + ": " + reason(e), e);
                }
            });
            done = true;
            say(" Done\n");
        } catch (IOException e) {
            String cause = e instanceof Failure ? e.getMessage() : reason(e);
            throw new DownloadException(url, target, "cannot download " + url + ": " + cause + (invalid == null
                    ? "; download it by other means and save it as " + target
                    : "; the cached " + target + " is not valid either (" + invalid + "): delete it, or replace it"
                            + " by a good copy of that URL's file"),
                    e instanceof Failure && e.getCause() != null ? e.getCause() : e);
        } finally {
            if (!done) {
                say(" Failed\n");
            }
        }
    }

    /**
     * Deletes what earlier versions of this class left of an interrupted download of {@code fileName}:
     * {@code <name>.part} and {@code <name>.<digits>.part} ({@code Files.createTempFile}'s names), plain
     * files only. Nothing writes such files any more (downloads go through {@link AtomicFiles}), so none
     * can belong to a download in progress. A file that cannot be deleted is left; the download goes on.
     */
    private void deleteOldPartFiles(String fileName) {
        Pattern old = Pattern.compile(Pattern.quote(fileName) + "(\\.[0-9]+)?\\.part");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                f -> old.matcher(f.getFileName().toString()).matches())) {
            for (Path f : files) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException e) {
                        // left for the user; it does not stand in the way of the download
                    }
                }
            }
        } catch (IOException e) {
            // the directory cannot be listed: the download itself will say what is wrong
        }
    }

    /** Why a download failed, in words (the URL is added by the caller). */
    private static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Fetches {@code url} into {@code out}, following up to five redirects (never from https to http). */
    private void download(URI url, OutputStream out) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Failure("only http and https URLs can be downloaded", null);
        }
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            HttpURLConnection c = (HttpURLConnection) current.toURL().openConnection();
            try {
                c.setInstanceFollowRedirects(false);
                c.setConnectTimeout(millis());
                c.setReadTimeout(millis());
                int status = respond(c, current);
                if (status >= 300 && status < 400 && status != 304 && c.getHeaderField("Location") != null) {
                    URI next = current.resolve(c.getHeaderField("Location"));
                    if (redirects == MAX_REDIRECTS || "https".equalsIgnoreCase(current.getScheme())
                            && !"https".equalsIgnoreCase(next.getScheme())) {
                        throw new Failure("HTTP status " + status + ", a redirect to " + next + " that is not followed ("
                                + (redirects == MAX_REDIRECTS ? "more than " + MAX_REDIRECTS + " redirects" : "https to http")
                                + ")", null);
                    }
                    current = next;
                    continue;
                }
                if (status != 200) {
                    String text = c.getResponseMessage();
                    throw new Failure("HTTP status " + status + (text == null || text.isBlank() ? "" : " (" + text + ")")
                            + (current.equals(url) ? "" : " from " + current), null);
                }
                long total = c.getContentLengthLong();
                long[] received = {0};
                try (InputStream body = c.getInputStream()) {
                    copy(body, out, total, received);
                } catch (Failure e) {
                    throw e;
                } catch (SocketTimeoutException e) {
                    throw new Failure("the server stopped sending: nothing for " + seconds() + " after " + received[0]
                            + (total >= 0 ? " of " + total : "") + " bytes (" + TIMEOUT_PROPERTY + " sets the timeout)", e);
                } catch (IOException e) {
                    throw new Failure("the connection failed after " + received[0] + (total >= 0 ? " of " + total : "")
                            + " bytes: " + reason(e), e);
                }
                if (total >= 0 && received[0] != total) {
                    throw new Failure("the download is incomplete: received " + received[0] + " of " + total + " bytes",
                            null);
                }
                return;
            } finally {
                c.disconnect();
            }
        }
    }

    /** Connects and reads the status line, turning each way of not getting there into words. */
    private int respond(HttpURLConnection c, URI url) throws IOException {
        String host = url.getHost();
        try {
            return c.getResponseCode();
        } catch (UnknownHostException e) {
            throw new Failure("the host " + host + " is unknown (no network, or no DNS)", e);
        } catch (NoRouteToHostException e) {
            throw new Failure("no route to " + host + " (no network?)", e);
        } catch (ConnectException e) {
            throw new Failure("cannot connect to " + host + " (" + reason(e) + ")", e);
        } catch (SocketTimeoutException e) {
            boolean connecting = e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("connect");
            throw new Failure((connecting ? "no connection to " + host : host + " accepted the connection but sent no answer")
                    + " within " + seconds() + " (" + TIMEOUT_PROPERTY + " sets the timeout)", e);
        } catch (IOException e) {
            throw new Failure("no answer from " + host + ": " + reason(e), e);
        }
    }

    private int millis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    private String seconds() {
        return (timeout.toMillis() % 1000 == 0 ? Long.toString(timeout.toSeconds())
                : String.format(Locale.ROOT, "%.1f", timeout.toMillis() / 1000.0)) + " s";
    }

    /** An exception in words, never "null": its message, or its kind when it has none. */
    static String reason(Throwable e) {
        String m = e.getMessage();
        return m != null && !m.isBlank() ? m : e.getClass().getSimpleName();
    }

    /** Copies the body to {@code out}, counting into {@code received[0]} as it goes. */
    private void copy(InputStream body, OutputStream out, long total, long[] received) throws IOException {
        byte[] buf = new byte[1 << 16];
        String lastBar = null;
        for (int n; (n = body.read(buf)) != -1; ) {
            try {
                out.write(buf, 0, n);
            } catch (IOException e) {
                throw new Failure("cannot write to " + dir + ": " + reason(e), e);
            }
            received[0] += n;
            if (total >= 0 && received[0] > total) {
                throw new Failure("the server sent more than the announced " + total + " bytes", null);
            }
            lastBar = showProgress(received[0], total, lastBar);
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

    @Override
    public String toString() {
        return "FileCache(" + dir + ")";
    }
}
