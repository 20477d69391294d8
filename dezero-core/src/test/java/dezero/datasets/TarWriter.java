package dezero.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Writes small ustar archives for tests, with a GNU long-name entry for names over 100 bytes. */
final class TarWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TarWriter file(String name, byte[] content) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length > 100) {
            byte[] longName = new byte[n.length + 1];
            System.arraycopy(n, 0, longName, 0, n.length);
            entry("././@LongLink", 'L', longName);
            entry(name.substring(0, 100), '0', content);
        } else {
            entry(name, '0', content);
        }
        return this;
    }

    TarWriter directory(String name) {
        entry(name, '5', new byte[0]);
        return this;
    }

    private void entry(String name, char type, byte[] content) {
        byte[] h = new byte[512];
        put(h, 0, name, 100);
        put(h, 100, "0000644", 8);
        put(h, 108, "0000000", 8);
        put(h, 116, "0000000", 8);
        put(h, 124, String.format("%011o", content.length), 12);
        put(h, 136, "00000000000", 12);
        h[156] = (byte) type;
        put(h, 257, "ustar", 6);
        put(h, 263, "00", 2);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum), 7);
        out.writeBytes(h);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
    }

    private static void put(byte[] h, int off, String s, int len) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, Math.min(b.length, len));
    }

    /** The archive (with its two zero end blocks), gzip-compressed. */
    byte[] tarGz() {
        out.writeBytes(new byte[1024]);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gz.toByteArray();
    }
}
