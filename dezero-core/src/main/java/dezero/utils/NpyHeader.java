package dezero.utils;

import dezero.ndarray.NdArray;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The preamble of a {@code .npy} file: the magic {@code \x93NUMPY}, the format version
 * (1.0, 2.0 or 3.0), the header length and the header itself, a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }} padded with spaces and a
 * newline to a multiple of 64 bytes. The dict is parsed as a Python literal (any spacing, key
 * order, quote style and trailing comma) but strictly: exactly the three keys, the right value
 * types, nothing after the closing brace but whitespace.
 */
final class NpyHeader {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy's default {@code max_header_size}: longer headers are refused. */
    static final int MAX_HEADER_BYTES = 10_000;
    /** The most elements a Java array (and so an NdArray) can hold. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int ARRAY_ALIGN = 64;
    /** NumPy leaves this much room after the dict so a growing first axis can be rewritten in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    final NpyDescr descr;
    final boolean fortranOrder;
    final int[] shape;
    final int elementCount;
    /** Bytes from the magic to the first data byte. */
    final long preambleBytes;

    private NpyHeader(NpyDescr descr, boolean fortranOrder, int[] shape, int elementCount, long preambleBytes) {
        this.descr = descr;
        this.fortranOrder = fortranOrder;
        this.shape = shape;
        this.elementCount = elementCount;
        this.preambleBytes = preambleBytes;
    }

    /** Bytes of array data that follow the preamble. */
    long dataBytes() {
        return (long) elementCount * descr.itemSize;
    }

    /** Bytes the decoded array takes (narrow integers widen to 8 bytes, float16 to 4). */
    long memoryBytes() {
        return (long) elementCount * descr.target.itemSize();
    }

    /** "shape (2, 3) of '<f4' (24 bytes)", for messages. */
    String describe() {
        return "shape " + pyTuple(shape) + " of '" + descr.text + "' (" + dataBytes() + " bytes)";
    }

    // ------------------------------------------------------------------ reading

    /** Reads and checks the preamble; {@code where} names the file and entry in messages. */
    static NpyHeader read(InputStream in, String where) throws IOException {
        byte[] start = in.readNBytes(MAGIC.length + 2);
        if (start.length < MAGIC.length || !java.util.Arrays.equals(start, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new NpyFormatException(where + ": not a .npy array (" + (start.length < MAGIC.length
                    ? "only " + start.length + " bytes" : "wrong magic " + hex(start, MAGIC.length))
                    + "; a .npy starts with \\x93NUMPY)");
        }
        if (start.length < MAGIC.length + 2) {
            throw new NpyFormatException(where + ": truncated .npy: the file ends inside the format version");
        }
        int major = start[6] & 0xFF;
        int minor = start[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw new NpyFormatException(where + ": unsupported .npy format version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] len = in.readNBytes(lengthBytes);
        if (len.length < lengthBytes) {
            throw new NpyFormatException(where + ": truncated .npy: the file ends inside the header length");
        }
        ByteBuffer lb = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? lb.getShort() & 0xFFFF : lb.getInt() & 0xFFFF_FFFFL;
        if (headerLength > MAX_HEADER_BYTES) {
            throw new NpyFormatException(where + ": .npy header of " + headerLength + " bytes exceeds the limit of "
                    + MAX_HEADER_BYTES + " bytes (NumPy's max_header_size)");
        }
        byte[] raw = in.readNBytes((int) headerLength);
        if (raw.length < headerLength) {
            throw new NpyFormatException(where + ": truncated .npy: the header declares " + headerLength
                    + " bytes but the file ends after " + raw.length);
        }
        String text = decode(raw, major == 3, where);
        NpyHeader parsed = parse(text, where, MAGIC.length + 2 + lengthBytes + headerLength);
        return parsed;
    }

    private static String decode(byte[] raw, boolean utf8, String where) throws NpyFormatException {
        if (!utf8) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new NpyFormatException(where + ": .npy 3.0 header is not valid UTF-8", e);
        }
    }

    /** Parses the header dict text; package-private for the parser tests. */
    static NpyHeader parse(String text, String where, long preambleBytes) throws NpyFormatException {
        Map<String, Object> dict = new PyLiteral(text, where).parseDict();
        for (String key : dict.keySet()) {
            if (!KEYS.contains(key)) {
                throw new NpyFormatException(where + ": bad .npy header: unknown key '" + key
                        + "' (expected exactly 'descr', 'fortran_order', 'shape') in " + clip(text));
            }
        }
        for (String key : KEYS) {
            if (!dict.containsKey(key)) {
                throw new NpyFormatException(where + ": bad .npy header: missing key '" + key + "' in " + clip(text));
            }
        }
        if (!(dict.get("descr") instanceof String)) {
            throw new NpyFormatException(where + ": bad .npy header: 'descr' must be a dtype string such as '<f4', got "
                    + PyLiteral.show(dict.get("descr")) + (dict.get("descr") instanceof List
                            ? " (structured dtypes are not supported)" : ""));
        }
        if (!(dict.get("fortran_order") instanceof Boolean)) {
            throw new NpyFormatException(where + ": bad .npy header: 'fortran_order' must be True or False, got "
                    + PyLiteral.show(dict.get("fortran_order")));
        }
        if (!(dict.get("shape") instanceof PyLiteral.Tuple)) {
            throw new NpyFormatException(where + ": bad .npy header: 'shape' must be a tuple of ints such as (2, 3) or"
                    + " (3,), got " + PyLiteral.show(dict.get("shape"))
                    + (dict.get("shape") instanceof Long ? " (an int; a 1-d shape is written (n,))" : ""));
        }
        NpyDescr descr = NpyDescr.parse((String) dict.get("descr"), where);
        List<Object> dims = ((PyLiteral.Tuple) dict.get("shape")).items;
        int[] shape = new int[dims.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long)) {
                throw new NpyFormatException(where + ": bad .npy header: shape " + PyLiteral.show(dict.get("shape"))
                        + " must hold only ints");
            }
            long d = (Long) dims.get(i);
            if (d < 0) {
                throw new NpyFormatException(where + ": bad .npy header: negative dimension in shape "
                        + PyLiteral.show(dict.get("shape")));
            }
            if (d > MAX_ELEMENTS) {
                throw new NpyFormatException(where + ": shape " + PyLiteral.show(dict.get("shape")) + " has dimension "
                        + d + ", beyond the " + MAX_ELEMENTS + " elements a Java array can hold");
            }
            shape[i] = (int) d;
            count = count == 0 || d == 0 ? 0 : count * d;   // both <= 2^31, so no overflow before the check
            if (count > MAX_ELEMENTS) {
                throw new NpyFormatException(where + ": shape " + PyLiteral.show(dict.get("shape"))
                        + " has more elements than the " + MAX_ELEMENTS + " a Java array can hold");
            }
        }
        return new NpyHeader(descr, (Boolean) dict.get("fortran_order"), shape, (int) count, preambleBytes);
    }

    // ------------------------------------------------------------------ writing

    /** The preamble NumPy's {@code np.save} writes for {@code a} (C order, byte for byte). */
    static byte[] format(NdArray a) {
        int[] shape = a.shape();
        StringBuilder dict = new StringBuilder("{'descr': '").append(NpyDescr.of(a.dtype()))
                .append("', 'fortran_order': False, 'shape': ").append(pyTuple(shape)).append(", }");
        if (shape.length > 0) {
            dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));
        }
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int withNewline = text.length + 1;
        int major = 1;
        int prefix = MAGIC.length + 2 + 2;
        int pad = ARRAY_ALIGN - ((prefix + withNewline) % ARRAY_ALIGN);
        if (withNewline + pad > 0xFFFF) {
            // as np.save: version 1.0 unless its 2-byte header length cannot hold the header
            major = 2;
            prefix = MAGIC.length + 2 + 4;
            pad = ARRAY_ALIGN - ((prefix + withNewline) % ARRAY_ALIGN);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix + withNewline + pad);
        out.writeBytes(MAGIC);
        out.write(major);
        out.write(0);
        int headerLength = withNewline + pad;
        ByteBuffer len = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            len.putShort((short) headerLength);
        } else {
            len.putInt(headerLength);
        }
        out.writeBytes(len.array());
        out.writeBytes(text);
        out.writeBytes(" ".repeat(pad).getBytes(StandardCharsets.ISO_8859_1));
        out.write('\n');
        return out.toByteArray();
    }

    /** Python's repr of a tuple of ints: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    static String pyTuple(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(String.format("%02x", b[i] & 0xFF));
        }
        return sb.toString();
    }

    static String clip(String text) {
        String t = text.strip();
        return t.length() <= 160 ? t : t.substring(0, 160) + "...";
    }
}
