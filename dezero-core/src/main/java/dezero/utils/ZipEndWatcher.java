package dezero.utils;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes ZipInputStream pulls and notes where the end-of-central-directory
 * signature {@code PK\5\6} last passed: a complete archive has it after the last entry's
 * data, followed by the rest of its 22-byte record.
 */
final class ZipEndWatcher extends FilterInputStream {
    private static final int END_SIGNATURE = 0x504B0506;
    /** ZipInputStream reads ahead up to 512 bytes; the signature is looked for from a bit before that. */
    private static final int READ_AHEAD = 1024;
    /** Bytes of central directory drained after the last entry at most (65,536 entries fit easily). */
    private static final long MAX_DIRECTORY = 256L << 20;
    private static final int END_RECORD_BYTES = 22;
    private long position;
    private long watchFrom;
    private int window;
    private long lastEndAt = -1;

    ZipEndWatcher(InputStream in) {
        super(in);
    }

    /** Called after each entry's data has been read. */
    void entryDone() {
        watchFrom = Math.max(0, position - READ_AHEAD);
    }

    /** Reads the rest of the stream; true when it ended with a complete end record. */
    boolean drainAndCheck() throws IOException {
        byte[] buf = new byte[8192];
        long drained = 0;
        for (int n; (n = read(buf, 0, buf.length)) != -1; ) {
            drained += n;
            if (drained > MAX_DIRECTORY) {
                throw new NpyFormatException("<stream>: more than " + MAX_DIRECTORY
                        + " bytes after the last entry: not a zip central directory");
            }
        }
        return lastEndAt >= watchFrom && position - lastEndAt >= END_RECORD_BYTES;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            see((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        for (int i = 0; i < n; i++) {
            see(b[off + i]);
        }
        return n;
    }

    private void see(byte b) {
        window = (window << 8) | (b & 0xFF);
        if (window == END_SIGNATURE) {
            lastEndAt = position - 3;
        }
        position++;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(8192, Math.max(0, n))];
        long done = 0;
        for (int r; done < n && (r = read(buf, 0, (int) Math.min(buf.length, n - done))) > 0; ) {
            done += r;
        }
        return done;
    }
}
