package dezero.datasets;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the entries of a tar archive (POSIX ustar and GNU long names) one after another from a
 * stream; just enough for dataset archives such as CIFAR's, with no dependency.
 */
final class TarReader {
    private static final int BLOCK = 512;

    private final InputStream in;
    private final String source;
    private long remaining;
    private long padding;

    TarReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The next regular file's name, or {@code null} at the end of the archive; its content is then {@link #readContent}. */
    String nextFile() throws IOException {
        skip(remaining + padding);
        remaining = 0;
        padding = 0;
        String longName = null;
        while (true) {
            byte[] header = new byte[BLOCK];
            int n = in.readNBytes(header, 0, BLOCK);
            if (n == 0) {
                return null;
            }
            if (n < BLOCK) {
                throw new IOException(source + ": truncated tar header");
            }
            if (isZero(header)) {
                return null;
            }
            checkChecksum(header);
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            String name = longName != null ? longName : name(header);
            longName = null;
            long pad = (BLOCK - size % BLOCK) % BLOCK;
            if (type == 'L') {
                if (size > 1 << 16) {
                    throw new IOException(source + ": tar long name of " + size + " bytes");
                }
                byte[] raw = in.readNBytes((int) size);
                if (raw.length != size) {
                    throw new IOException(source + ": truncated tar long name");
                }
                skip(pad);
                longName = cString(raw, 0, raw.length);
                continue;
            }
            if (type == '0' || type == '\0' || type == '7') {
                remaining = size;
                padding = pad;
                return name;
            }
            skip(size + pad);
        }
    }

    /** The size of the current file. */
    long size() {
        return remaining;
    }

    /** Reads the current file's content, which must be at most {@code maxBytes} long. */
    byte[] readContent(String name, long maxBytes) throws IOException {
        if (remaining > maxBytes) {
            throw new IOException(source + ": " + name + " is " + remaining + " bytes, more than the expected " + maxBytes);
        }
        byte[] b = in.readNBytes((int) remaining);
        if (b.length != remaining) {
            throw new IOException(source + ": " + name + " is truncated (" + b.length + " of " + remaining + " bytes)");
        }
        remaining = 0;
        return b;
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new EOFException(source + ": tar archive ends inside an entry");
                }
                s = 1;
            }
            left -= s;
        }
    }

    private void checkChecksum(byte[] h) throws IOException {
        long stored = octal(h, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        if (sum != stored) {
            throw new IOException(source + ": not a tar archive, or a corrupt one (header checksum " + stored
                    + ", computed " + sum + ")");
        }
    }

    private long octal(byte[] h, int off, int len) throws IOException {
        long v = 0;
        int i = off;
        int end = off + len;
        while (i < end && (h[i] == ' ' || h[i] == 0)) {
            i++;
        }
        for (; i < end && h[i] >= '0' && h[i] <= '7'; i++) {
            v = v * 8 + (h[i] - '0');
        }
        if (v < 0) {
            throw new IOException(source + ": bad number in a tar header");
        }
        return v;
    }

    private static String name(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
