package dezero.datasets;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * A file could not be fetched into the {@link FileCache}: the server was unreachable (no route,
 * unknown host), stalled past the timeout, answered with an HTTP error, or sent a file that is not
 * valid. The message is one sentence that names the URL, the cause and what to do (where to save
 * the file by hand); {@link #url()} and {@link #target()} give the same to programs.
 *
 * <pre>{@code
 * cannot download https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz: the host
 * ossci-datasets.s3.amazonaws.com is unknown (no network, or no DNS); download it by other means and
 * save it as /home/me/.dezero/train-images-idx3-ubyte.gz
 * }</pre>
 */
public class DownloadException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient URI url;
    private final transient Path target;

    public DownloadException(URI url, Path target, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
        this.target = target;
    }

    /** The URL that could not be fetched. */
    public URI url() {
        return url;
    }

    /** Where the cache keeps the file: a copy saved there by hand is used instead of a download. */
    public Path target() {
        return target;
    }
}
