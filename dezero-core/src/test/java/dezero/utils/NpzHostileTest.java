package dezero.utils;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dezero.utils.NpyTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Truncated, corrupt and hostile input: always an NpyFormatException that says where and what, never OOM. */
class NpzHostileTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static void assertMessage(Exception e, String... fragments) {
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should mention '" + f + "'");
        }
    }

    /** A .npy: the given header dict (padded like NumPy's) followed by {@code data}. */
    static byte[] npy(String dict, byte[] data) {
        int pad = 64 - ((10 + dict.length() + 1) % 64);
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NpyHeader.MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return b.array();
    }

    static byte[] zip(boolean compressed, Object... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = (byte[]) namesAndContents[i + 1];
                ZipEntry e = new ZipEntry((String) namesAndContents[i]);
                if (!compressed) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(content.length);
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static final byte[] GOOD = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", new byte[16]);

    @Test
    void wrongMagicIsNamed() throws IOException {
        Path junk = write("junk.npz", "hello, this is not a zip archive".getBytes(StandardCharsets.US_ASCII));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.load(junk));
        assertMessage(e, junk.toString(), "not a .npz (zip) archive");
        e = assertThrows(NpyFormatException.class, () -> Npy.read(junk));
        assertMessage(e, junk.toString(), "not a .npy array", "wrong magic 68656c6c6f2c");
        assertThrows(NpyFormatException.class, () -> Npz.load(new ByteArrayInputStream(Files.readAllBytes(junk))));
        // the two formats mixed up
        e = assertThrows(NpyFormatException.class, () -> Npz.load(fixture("f32_2x3.npy")));
        assertMessage(e, "f32_2x3.npy", "read it with Npy.read");
        e = assertThrows(NpyFormatException.class, () -> Npy.read(fixture("dezero_weights.npz")));
        assertMessage(e, "wrong magic 504b0304");
        Path empty = write("empty.npz", new byte[0]);
        assertThrows(NpyFormatException.class, () -> Npz.load(empty));
        assertMessage(assertThrows(NpyFormatException.class, () -> Npy.read(empty)), "only 0 bytes");
    }

    @Test
    void unsupportedVersionIsRefused() {
        byte[] v9 = GOOD.clone();
        v9[6] = 9;
        assertMessage(assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(v9))),
                "<stream>", "format version 9.0");
    }

    @Test
    void everyTruncationOfANpyIsCaught() throws IOException {
        byte[] full = Files.readAllBytes(fixture("f32_2x3.npy"));
        for (int len = 0; len < full.length; len++) {
            byte[] cut = Arrays.copyOf(full, len);
            Path p = write("cut.npy", cut);
            assertThrows(NpyFormatException.class, () -> Npy.read(p), "file cut at " + len);
            assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(cut)), "stream cut at " + len);
        }
        Path longer = write("long.npy", Arrays.copyOf(full, full.length + 3));
        assertMessage(assertThrows(NpyFormatException.class, () -> Npy.read(longer)), "3 unexpected bytes");
    }

    @Test
    void everyTruncationOfAnNpzIsCaught() throws IOException {
        for (String name : new String[] {"dezero_weights.npz", "dezero_weights_compressed.npz"}) {
            byte[] full = Files.readAllBytes(fixture(name));
            for (int len = 0; len < full.length; len += sampled(len, full.length)) {
                byte[] cut = Arrays.copyOf(full, len);
                Path p = write("cut.npz", cut);
                assertThrows(NpyFormatException.class, () -> Npz.load(p), name + " cut at " + len);
                assertThrows(NpyFormatException.class, () -> Npz.load(new ByteArrayInputStream(cut)),
                        name + " streamed, cut at " + len);
            }
        }
    }

    @Test
    void aStreamCutBetweenEntriesIsTruncatedNotShorter() throws IOException {
        byte[] full = Files.readAllBytes(fixture("dezero_weights.npz"));
        int second = indexOf(full, "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), 4);
        assertMessage(assertThrows(NpyFormatException.class,
                () -> Npz.load(new ByteArrayInputStream(Arrays.copyOf(full, second)))),
                "truncated archive", "1 entries read");
    }

    @Test
    void everySingleByteCorruptionFailsCleanlyOrLoads() throws IOException {
        // flipping any byte may break the archive or not (a timestamp, a name); it must never escape as
        // anything but an IOException, nor allocate wildly
        for (String name : new String[] {"dezero_weights.npz", "dezero_weights_compressed.npz"}) {
            byte[] full = Files.readAllBytes(fixture(name));
            Path p = dir.resolve("flip.npz");
            int failures = 0;
            int tried = 0;
            for (int i = 0; i < full.length; i += sampled(i, full.length)) {
                tried++;
                byte[] bad = full.clone();
                bad[i] ^= 0x5A;
                Files.write(p, bad);
                for (int way = 0; way < 2; way++) {
                    try {
                        Map<String, NdArray> w = way == 0 ? Npz.load(p) : Npz.load(new ByteArrayInputStream(bad));
                        assertTrue(w.size() <= 8);
                    } catch (IOException e) {
                        failures++;
                        assertTrue(e instanceof NpyFormatException && e.getMessage().contains(way == 0 ? p.toString() : "<stream>"),
                                name + " byte " + i + " way " + way + ": " + e);
                    } catch (RuntimeException | Error e) {
                        fail(name + " with byte " + i + " flipped (" + (way == 0 ? "file" : "stream") + "): " + e, e);
                    }
                }
            }
            assertTrue(failures > tried / 2, name + ": many flips must be detected, got " + failures + " of " + 2 * tried);
        }
    }

    @Test
    void corruptDataInAStoredEntryFailsTheCrc() throws IOException {
        byte[] full = Files.readAllBytes(fixture("dezero_weights.npz"));
        int npyStart = indexOf(full, NpyHeader.MAGIC);
        full[npyStart + 128 + 5] ^= 1;   // a data byte of l0/W
        Path p = write("crc.npz", full);
        assertMessage(assertThrows(NpyFormatException.class, () -> Npz.load(p)), "entry 'l0/W.npy'", "CRC");
        assertThrows(NpyFormatException.class, () -> Npz.load(new ByteArrayInputStream(full)));
    }

    @Test
    void headerTooLongIsRefusedBeforeReadingIt() {
        byte[] v1 = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) 0xFF, (byte) 0xFF};
        assertMessage(assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(v1))),
                "header of 65535 bytes exceeds the limit of 10000");
        byte[] v2 = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertMessage(assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(v2))),
                "header of 4294967295 bytes");
    }

    @Test
    void hugeDeclaredShapesAreRefusedBeforeAllocating() throws IOException {
        // 800 MB, 16 GB and 2^42 bytes declared, 16 bytes present: each must fail on the size check
        String[] shapes = {"(100000000,)", "(2000000000,)", "(1099511627776,)", "(1048576, 1048576, 1048576)"};
        for (String shape : shapes) {
            byte[] npy = npy("{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }", new byte[16]);
            Path file = write("huge.npy", npy);
            NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file), shape);
            assertTrue(!e.getMessage().contains("not enough memory"), e.getMessage());
            e = assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(npy)), shape);
            assertTrue(!e.getMessage().contains("not enough memory"), e.getMessage());
            for (boolean compressed : new boolean[] {false, true}) {
                Path z = write("huge.npz", zip(compressed, "l0/W.npy", npy));
                e = assertThrows(NpyFormatException.class, () -> Npz.load(z), shape);
                assertMessage(e, z.toString(), "entry 'l0/W.npy'");
                assertTrue(!e.getMessage().contains("not enough memory"), e.getMessage());
                assertThrows(NpyFormatException.class, () -> Npz.load(new ByteArrayInputStream(Files.readAllBytes(z))));
            }
        }
        byte[] npy = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000000,), }", new byte[16]);
        assertMessage(assertThrows(NpyFormatException.class, () -> Npy.read(write("t.npy", npy))),
                "data truncated", "(100000000,)", "800000000 bytes", "only 16 bytes can follow");
        assertMessage(assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(npy))),
                "data truncated", "the data ends after 16 bytes");
        assertMessage(assertThrows(NpyFormatException.class,
                () -> Npz.load(write("t.npz", zip(false, "l0/W.npy", npy)))), "entry 'l0/W.npy'", "800000128");
    }

    @Test
    void zipBombsStopAtTheSizeTheHeaderImplies() throws IOException {
        // a 16-byte array followed by 64 MB of zeros: about 64 kB compressed
        byte[] bomb = Arrays.copyOf(GOOD, GOOD.length + (64 << 20));
        byte[] archive = zip(true, "bomb.npy", bomb);
        assertTrue(archive.length < 200_000);
        Path p = write("bomb.npz", archive);
        assertMessage(assertThrows(NpyFormatException.class, () -> Npz.load(p)), "entry 'bomb.npy'", "implies 144");
        assertMessage(assertThrows(NpyFormatException.class, () -> Npz.load(new ByteArrayInputStream(archive))),
                "entry 'bomb.npy'", "continues past the 144 bytes", "zip bomb");
        // the same bomb with its central directory forged to agree with the header: reading still stops
        int cen = indexOf(archive, new byte[] {'P', 'K', 1, 2});
        ByteBuffer.wrap(archive, cen + 24, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(GOOD.length);
        Path forged = write("forged.npz", archive);
        assertMessage(assertThrows(NpyFormatException.class, () -> Npz.load(forged)), "entry 'bomb.npy'",
                "continues past the 144 bytes");
    }

    @Test
    void limitsCapArraysEntriesAndTotals() throws IOException {
        byte[] kb = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (128,), }", new byte[1024]);
        Path p = write("limits.npz", zip(true, "a.npy", kb, "b.npy", kb, "c.npy", kb));
        assertEquals(3, Npz.load(p).size());
        assertMessage(assertThrows(NpyFormatException.class, () -> Npz.load(p, new NpzLimits(1000, 10))),
                "entry 'a.npy'", "beyond the limit of 1000 bytes");
        assertMessage(assertThrows(NpyFormatException.class, () -> Npz.load(p, new NpzLimits(2500, 10))),
                "entry 'c.npy'", "beyond the limit of 2500 bytes", "452 left");
        assertMessage(assertThrows(NpyFormatException.class, () -> Npz.load(p, new NpzLimits(1 << 20, 2))),
                "3 entries exceed the limit of 2");
        byte[] stream = Files.readAllBytes(p);
        assertMessage(assertThrows(NpyFormatException.class,
                () -> Npz.load(new ByteArrayInputStream(stream), new NpzLimits(1 << 20, 2))), "entry 'c.npy'");
        assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(kb), new NpzLimits(1000, 1)));
        assertThrows(IllegalArgumentException.class, () -> new NpzLimits(-1, 1));
    }

    @Test
    void duplicateEntryNamesAreRefused() throws IOException {
        byte[] archive = zip(false, "l0/W.npy", GOOD, "l0/X.npy", GOOD);
        replaceAll(archive, "l0/X.npy", "l0/W.npy");   // ZipOutputStream itself refuses duplicates
        Path p = write("dup.npz", archive);
        assertMessage(assertThrows(NpyFormatException.class, () -> Npz.load(p)), "entry 'l0/W.npy'", "duplicate");
        assertMessage(assertThrows(NpyFormatException.class, () -> Npz.load(new ByteArrayInputStream(archive))),
                "duplicate");
    }

    @Test
    void pathTricksAndNonArrayEntriesAreRefused() throws IOException {
        String[] names = {"../evil.npy", "/abs.npy", "a//b.npy", "./x.npy", "a/../../b.npy", "a\\b.npy", "C:x.npy",
            ".npy", "nul\u0000.npy", "readme.txt", "dir/"};
        for (String name : names) {
            byte[] archive = zip(false, name, name.endsWith("/") ? new byte[0] : GOOD);
            Path p = write("tricks.npz", archive);
            NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.load(p), name);
            assertTrue(e.getMessage().contains("unsafe entry name") || e.getMessage().contains("not an array entry"),
                    e.getMessage());
            assertThrows(NpyFormatException.class, () -> Npz.load(new ByteArrayInputStream(archive)), name);
        }
    }

    @Test
    void unsupportedDtypesNameTheEntry() throws IOException {
        byte[] complex = npy("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", new byte[16]);
        Path p = write("c.npz", zip(true, "z.npy", complex));
        assertMessage(assertThrows(NpyFormatException.class, () -> Npz.load(p)), "entry 'z.npy'", "complex");
        byte[] big = new byte[8];
        Arrays.fill(big, (byte) 0xFF);
        byte[] u8 = npy("{'descr': '<u8', 'fortran_order': False, 'shape': (1,), }", big);
        assertMessage(assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(u8))),
                "18446744073709551615", "does not fit int64");
    }

    @Test
    void aValidHandWrittenFileStillLoads() throws IOException {
        byte[] archive = zip(true, "l0/W.npy", GOOD);
        NdArray a = Npz.load(write("ok.npz", archive)).get("l0/W");
        assertEquals(DType.FLOAT64, a.dtype());
        assertEquals(2, a.size());
    }

    /** Every 11th position (to keep the test fast), and every one of the last 100 (the zip directory). */
    private static int sampled(int i, int length) {
        return i >= length - 100 ? 1 : 11;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        return indexOf(hay, needle, 0);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }

    private static void replaceAll(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        int n = 0;
        for (int i = 0; i + f.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, bytes, i, t.length);
                n++;
            }
        }
        assertEquals(2, n, "local and central header");
    }
}
