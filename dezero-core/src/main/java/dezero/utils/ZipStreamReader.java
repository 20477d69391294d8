package dezero.utils;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Reads a zip archive front to back from a stream, for {@link Npz#load(InputStream)}: each local
 * header, the entry's data (stored or deflated) and its data descriptor, then the central
 * directory, which is only drained and checked for a complete end record.
 *
 * <p>Unlike {@link java.util.zip.ZipInputStream} it reads stored entries that have a data
 * descriptor, and zip64 descriptors: Python's {@code zipfile} writes both when it cannot seek, so
 * {@code np.savez(sys.stdout.buffer, ...)} produces them. A stored entry with a descriptor does not
 * say how long it is; the caller, which parses the {@code .npy} header, tells it with
 * {@link Entry#expectLength}, and the descriptor then confirms the length and the CRC.
 */
final class ZipStreamReader {
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int END_RECORD_BYTES = 22;
    private static final long U32 = 0xFFFF_FFFFL;
    /** Bytes of central directory drained after the last entry at most (65,536 entries fit easily). */
    private static final long MAX_DIRECTORY = 256L << 20;
    private static final int BUFFER = 8192;

    private final PushbackInputStream in;
    /** The signature that ended the entries (central directory or end record), or 0 when the stream ended. */
    private int directorySignature;

    ZipStreamReader(InputStream in) {
        this.in = new PushbackInputStream(in, BUFFER);
    }

    /** The next entry, or null when the entries end (at the central directory, or where the stream ends). */
    Entry next() throws IOException {
        byte[] sig = in.readNBytes(4);
        int signature = sig.length == 4 ? le(sig, 0, 4).getInt() : 0;
        if (signature != LOCAL) {
            if (signature == CENTRAL || signature == END || signature == ZIP64_END) {
                directorySignature = signature;
                in.unread(sig);
                return null;
            }
            if (sig.length < 4) {
                return null;
            }
            throw new ZipException(String.format("not a zip entry header (signature 0x%08x)", signature));
        }
        byte[] fixed = readFully(26, "an entry header");
        ByteBuffer h = le(fixed, 0, fixed.length);
        h.getShort();                                // version needed
        int flags = h.getShort() & 0xFFFF;
        int method = h.getShort() & 0xFFFF;
        h.getInt();                                  // time and date
        long crc = h.getInt() & U32;
        long compressed = h.getInt() & U32;
        long size = h.getInt() & U32;
        int nameLength = h.getShort() & 0xFFFF;
        int extraLength = h.getShort() & 0xFFFF;
        byte[] name = readFully(nameLength, "an entry name");
        byte[] extra = readFully(extraLength, "an entry's extra field");
        if ((flags & 1) != 0) {
            throw new ZipException("encrypted entries are not supported");
        }
        if (method != 0 && method != 8) {
            throw new ZipException("compression method " + method + " is not supported (only stored and deflated)");
        }
        boolean zip64 = false;
        ByteBuffer e = le(extra, 0, extra.length);
        while (e.remaining() >= 4) {
            int id = e.getShort() & 0xFFFF;
            int length = e.getShort() & 0xFFFF;
            int end = e.position() + length;
            if (end > extra.length) {
                throw new ZipException("an extra field of entry '" + utf8(name) + "' runs past its end");
            }
            if (id == 1) {   // zip64: 8-byte sizes (the header's are 0xFFFFFFFF), and 8-byte sizes in the descriptor
                zip64 = true;
                if (size == U32) {
                    size = zip64Size(e, end);
                }
                if (compressed == U32) {
                    compressed = zip64Size(e, end);
                }
            }
            e.position(end);
        }
        boolean descriptor = (flags & 8) != 0;
        if (!descriptor && (size == U32 || compressed == U32)) {
            throw new ZipException("the entry header has no sizes");
        }
        return new Entry(utf8(name), method == 8, descriptor, zip64, crc, compressed, size);
    }

    /**
     * After {@link #next()} returned null: reads the rest of the stream and tells whether it was a
     * central directory that ends with a complete end record (not a stream cut between entries).
     */
    boolean endsWithDirectory() throws IOException {
        if (directorySignature == 0) {
            return false;
        }
        byte[] buf = new byte[BUFFER];
        long position = 0;
        long lastEnd = -1;
        int window = 0;
        for (int n; (n = in.read(buf, 0, buf.length)) != -1; ) {
            for (int i = 0; i < n; i++) {
                window = (window << 8) | (buf[i] & 0xFF);
                if (window == 0x504B0506) {   // "PK\5\6" as read
                    lastEnd = position + i - 3;
                }
            }
            position += n;
            if (position > MAX_DIRECTORY) {
                throw new ZipException("more than " + MAX_DIRECTORY + " bytes after the last entry: not a zip"
                        + " central directory");
            }
        }
        return lastEnd >= 0 && position - lastEnd >= END_RECORD_BYTES;
    }

    /** One entry's uncompressed data, as a stream that ends where the data end. */
    final class Entry extends InputStream {
        final String name;
        private final boolean deflated;
        private final boolean descriptor;
        private final boolean zip64;
        private final long headerCrc;
        private final long headerCompressed;
        private final long headerSize;
        private final CRC32 crc = new CRC32();
        private final Inflater inflater;
        private final byte[] input;
        private int lastInput;
        /** For stored data: the bytes left, or -1 while unknown (a descriptor follows). */
        private long remaining;
        private long produced;
        private long storedRead;

        private Entry(String name, boolean deflated, boolean descriptor, boolean zip64, long crc, long compressed,
                long size) {
            this.name = name;
            this.deflated = deflated;
            this.descriptor = descriptor;
            this.zip64 = zip64;
            this.headerCrc = crc;
            this.headerCompressed = compressed;
            this.headerSize = size;
            this.inflater = deflated ? new Inflater(true) : null;
            this.input = deflated ? new byte[BUFFER] : null;
            this.remaining = deflated || descriptor ? -1 : compressed;
        }

        /**
         * The entry holds {@code length} bytes (what its {@code .npy} header implies): refused when
         * the zip header says otherwise, and the end of a stored entry with a descriptor.
         */
        void expectLength(long length) throws ZipException {
            if (!descriptor && headerSize != length) {
                throw new ZipException("the zip header says " + headerSize + " bytes but the .npy header implies "
                        + length);
            }
            if (!deflated && descriptor) {
                remaining = Math.max(0, length - produced);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = deflated ? inflate(b, off, len) : readStored(b, off, len);
            if (n > 0) {
                crc.update(b, off, n);
                produced += n;
            }
            return n;
        }

        private int readStored(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(b, off, remaining < 0 ? len : (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("the archive ends inside the data of entry '" + name + "'");
            }
            storedRead += n;
            if (remaining > 0) {
                remaining -= n;
            }
            return n;
        }

        private int inflate(byte[] b, int off, int len) throws IOException {
            try {
                while (true) {
                    if (inflater.finished()) {
                        int left = inflater.getRemaining();
                        if (left > 0) {
                            in.unread(input, lastInput - left, left);
                            inflater.setInput(input, 0, 0);
                        }
                        return -1;
                    }
                    if (inflater.needsInput()) {
                        lastInput = in.read(input, 0, input.length);
                        if (lastInput < 0) {
                            throw new EOFException("the archive ends inside the data of entry '" + name + "'");
                        }
                        inflater.setInput(input, 0, lastInput);
                    }
                    int n = inflater.inflate(b, off, len);
                    if (n > 0) {
                        return n;
                    }
                    if (inflater.needsDictionary()) {
                        throw new ZipException("deflate data needs a preset dictionary");
                    }
                }
            } catch (DataFormatException e) {
                throw new ZipException("invalid deflate data" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }

        /** After the data were read to their end: reads the descriptor, if any, and checks the CRC and sizes. */
        void finish() throws IOException {
            long compressed = deflated ? inflater.getBytesRead() : storedRead;
            if (deflated) {
                inflater.end();
            }
            long expectedCrc = headerCrc;
            long expectedCompressed = headerCompressed;
            long expectedSize = headerSize;
            if (descriptor) {
                ByteBuffer d = le(readFully(4, "a data descriptor"), 0, 4);
                int first = d.getInt();
                expectedCrc = (first == DESCRIPTOR ? le(readFully(4, "a data descriptor"), 0, 4).getInt() : first)
                        & U32;
                int width = zip64 ? 8 : 4;
                ByteBuffer sizes = le(readFully(2 * width, "a data descriptor"), 0, 2 * width);
                expectedCompressed = zip64 ? sizes.getLong() : sizes.getInt() & U32;
                expectedSize = zip64 ? sizes.getLong() : sizes.getInt() & U32;
            }
            if (crc.getValue() != expectedCrc) {
                throw new ZipException("CRC-32 mismatch in entry '" + name + "'");
            }
            if (compressed != expectedCompressed || produced != expectedSize) {
                throw new ZipException("entry '" + name + "' holds " + compressed + " bytes (" + produced
                        + " uncompressed) but its " + (descriptor ? "data descriptor" : "header") + " says "
                        + expectedCompressed + " (" + expectedSize + ")");
            }
        }
    }

    private byte[] readFully(int n, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException("the archive ends inside " + what);
        }
        return b;
    }

    private static long zip64Size(ByteBuffer e, int end) throws ZipException {
        if (e.position() + 8 > end) {
            throw new ZipException("zip64 extra field too short");
        }
        long v = e.getLong();
        if (v < 0) {
            throw new ZipException("zip64 size " + Long.toUnsignedString(v) + " out of range");
        }
        return v;
    }

    private static ByteBuffer le(byte[] b, int off, int len) {
        return ByteBuffer.wrap(b, off, len).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String utf8(byte[] name) throws ZipException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(name)).toString();
        } catch (CharacterCodingException e) {
            throw new ZipException("an entry name is not valid UTF-8");
        }
    }
}
