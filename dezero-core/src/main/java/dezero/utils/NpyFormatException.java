package dezero.utils;

import java.io.IOException;

/**
 * A {@code .npy} or {@code .npz} file that cannot be read: wrong magic, a malformed or
 * unsupported header, truncated or corrupt data, a hostile archive (zip bomb, duplicate or
 * path-like entry names), or an array beyond the configured {@link NpzLimits}. The message
 * names the file, the entry (for {@code .npz}) and what was wrong, for example
 * {@code weights.npz: entry 'l0/W.npy': data truncated: the header declares shape (1099511627776,)
 * of float32 (4398046511104 bytes) but the entry holds at most 120 bytes}.
 */
public class NpyFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public NpyFormatException(String message) {
        super(message);
    }

    public NpyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
