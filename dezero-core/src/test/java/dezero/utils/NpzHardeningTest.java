package dezero.utils;

import dezero.models.MLP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dezero.ndarray.NdArray;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static dezero.MessageAssertions.assertMentions;
import static dezero.utils.NpzHostileTest.npy;
import static dezero.utils.NpzHostileTest.zip;
import static dezero.utils.NpyTest.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile headers, interrupted saves, piped archives and memory limits (issue 13, items 1, 8, 9 and NpzLimits). */
class NpzHardeningTest {
    @TempDir
    Path dir;


    @Test
    void aHeaderNestedThousandsDeepIsAFormatErrorNotAStackOverflow() throws IOException {
        int depth = 4_000;
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + "(".repeat(depth) + "2,"
                + ")".repeat(depth) + ", }";
        byte[] bytes = npy(dict, new byte[16]);
        assertTrue(bytes.length > 8_000 && bytes.length < 10_000, "a file of about 9.8 KB: " + bytes.length);
        Path file = dir.resolve("deep.npy");
        Files.write(file, bytes);
        assertMentions(assertThrows(NpyFormatException.class, () -> Npy.read(file)), file.toString(), "nested deeper");
        assertMentions(assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(bytes))),
                "nested deeper");
        Path npz = dir.resolve("deep.npz");
        Files.write(npz, zip(true, "l0/W.npy", bytes));
        assertMentions(assertThrows(NpyFormatException.class, () -> Npz.load(npz)), "entry 'l0/W.npy'", "nested deeper");
        assertMentions(assertThrows(NpyFormatException.class,
                () -> Npz.load(new ByteArrayInputStream(Files.readAllBytes(npz)))), "nested deeper");
        assertMentions(assertThrows(NpyFormatException.class, () -> new MLP(new int[] {2}).loadWeights(npz)),
                "nested deeper");
        // a list of tuples (a structured dtype) is still named as such, not as too deep
        String structured = "{'descr': [('a', '<f4', (2,))], 'fortran_order': False, 'shape': (1,), }";
        assertMentions(assertThrows(NpyFormatException.class,
                () -> Npy.read(new ByteArrayInputStream(npy(structured, new byte[8])))), "structured dtypes");
    }

    private static void assertSameArrays(Map<String, NdArray> expected, Map<String, NdArray> actual) {
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
        for (String k : expected.keySet()) {
            assertEquals(expected.get(k).dtype(), actual.get(k).dtype(), k);
            assertArrayEquals(expected.get(k).shape(), actual.get(k).shape(), k);
            assertArrayEquals(expected.get(k).toDoubleArray(), actual.get(k).toDoubleArray(), 0.0, k);
        }
    }

    @Test
    void archivesNumpyWroteToAPipeLoadFromAStreamAsFromAFile() throws IOException {
        // np.savez(sys.stdout.buffer, ...): every entry, stored or deflated, has a zip64 data descriptor
        Map<String, NdArray> expected = Npz.load(fixture("dezero_weights.npz"));
        for (String name : new String[] {"piped_dezero_weights.npz", "piped_dezero_weights_compressed.npz"}) {
            Path file = fixture(name);
            assertSameArrays(expected, Npz.load(file));
            byte[] full = Files.readAllBytes(file);
            assertSameArrays(expected, Npz.load(new ByteArrayInputStream(full)));
            for (int len = 0; len < full.length; len += 3) {
                byte[] cut = java.util.Arrays.copyOf(full, len);
                assertThrows(NpyFormatException.class, () -> Npz.load(new ByteArrayInputStream(cut)), name + " cut at " + len);
            }
            for (int i = 0; i < full.length; i += 3) {
                byte[] flipped = full.clone();
                flipped[i] ^= 0x5A;
                try {
                    Npz.load(new ByteArrayInputStream(flipped));
                } catch (NpyFormatException e) {
                    // a clean refusal
                } catch (RuntimeException | IOException e) {
                    throw new AssertionError(name + " with byte " + i + " flipped: " + e, e);
                }
            }
        }
    }

    /**
     * A zip as a writer that cannot seek writes it: each entry's header has no sizes or CRC and the
     * flag bit 3, and a data descriptor (with or without its optional signature, 4-byte sizes)
     * follows the data.
     */
    static byte[] descriptorZip(boolean deflate, boolean signature, Object... namesAndContents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        int count = namesAndContents.length / 2;
        for (int i = 0; i < namesAndContents.length; i += 2) {
            byte[] name = ((String) namesAndContents[i]).getBytes(StandardCharsets.UTF_8);
            byte[] content = (byte[]) namesAndContents[i + 1];
            byte[] data = content;
            if (deflate) {
                java.util.zip.Deflater d = new java.util.zip.Deflater(6, true);
                d.setInput(content);
                d.finish();
                ByteArrayOutputStream z = new ByteArrayOutputStream();
                byte[] buf = new byte[4096];
                while (!d.finished()) {
                    z.write(buf, 0, d.deflate(buf));
                }
                data = z.toByteArray();
            }
            CRC32 crc = new CRC32();
            crc.update(content);
            int offset = out.size();
            int method = deflate ? 8 : 0;
            out.writeBytes(le(0x04034b50, 4, 20, 2, 8, 2, method, 2, 0, 4, 0, 4, 0, 4, 0, 4, name.length, 2, 0, 2));
            out.writeBytes(name);
            out.writeBytes(data);
            if (signature) {
                out.writeBytes(le(0x08074b50, 4));
            }
            out.writeBytes(le(crc.getValue(), 4, data.length, 4, content.length, 4));
            central.writeBytes(le(0x02014b50, 4, 20, 2, 20, 2, 8, 2, method, 2, 0, 4, crc.getValue(), 4,
                    data.length, 4, content.length, 4, name.length, 2, 0, 2, 0, 2, 0, 2, 0, 2, 0, 4, offset, 4));
            central.writeBytes(name);
        }
        int centralAt = out.size();
        out.writeBytes(central.toByteArray());
        out.writeBytes(le(0x06054b50, 4, 0, 2, 0, 2, count, 2, count, 2, central.size(), 4, centralAt, 4, 0, 2));
        return out.toByteArray();
    }

    /** Little-endian fields: value, width, value, width, ... */
    private static byte[] le(long... valuesAndWidths) {
        int n = 0;
        for (int i = 1; i < valuesAndWidths.length; i += 2) {
            n += (int) valuesAndWidths[i];
        }
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < valuesAndWidths.length; i += 2) {
            long v = valuesAndWidths[i];
            if (valuesAndWidths[i + 1] == 2) {
                b.putShort((short) v);
            } else {
                b.putInt((int) v);
            }
        }
        return b.array();
    }

    @Test
    void storedAndDeflatedEntriesWithDescriptorsLoadFromAStream() throws IOException {
        byte[] a = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", le(0, 4, 0x3ff00000, 4, 0, 4, 0x40000000, 4));
        byte[] b = npy("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", new byte[] {1, 0, 1});
        List<Exception> failures = new ArrayList<>();
        for (boolean deflate : new boolean[] {false, true}) {
            for (boolean signature : new boolean[] {false, true}) {
                byte[] zip = descriptorZip(deflate, signature, "a.npy", a, "sub/b.npy", b);
                Path file = dir.resolve("d.npz");
                Files.write(file, zip);
                Map<String, NdArray> fromFile = Npz.load(file);
                assertArrayEquals(new double[] {1, 2}, fromFile.get("a").toDoubleArray());
                assertArrayEquals(new boolean[] {true, false, true}, fromFile.get("sub/b").boolData());
                try {
                    assertSameArrays(fromFile, Npz.load(new ByteArrayInputStream(zip)));
                } catch (IOException e) {
                    failures.add(new IOException("deflate " + deflate + ", signature " + signature + ": " + e, e));
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aSaveDeletesTheTemporaryFilesThatKilledSavesOfTheSameTargetLeft() throws IOException {
        Path target = dir.resolve("w.npz");
        // what kill -9 during three saves leaves: hidden temporaries named after the target
        for (String stale : new String[] {".w.npz.1f2e3d4c5b6a7980.tmp", ".w.npz.0.tmp", ".w.npz.7fffffffffffffff.tmp"}) {
            Files.write(dir.resolve(stale), new byte[1 << 20]);
        }
        // not ours to delete: another target's temporary, other names, and one a live writer holds locked
        String[] keep = {".x.npz.1f2e3d4c5b6a7980.tmp", "w.npz.1f2e.tmp", ".w.npz.notahex.tmp", ".w.npz.abc.tmp.bak"};
        for (String k : keep) {
            Files.write(dir.resolve(k), new byte[] {1});
        }
        Path busy = dir.resolve(".w.npz.00ff.tmp");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(busy,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock lock = ch.lock()) {
            Npz.save(target, Map.of("a", NdArray.wrap(new long[] {1}, 1)));
            assertTrue(Files.exists(busy), "a temporary file in use is left alone");
        }
        List<String> names = new ArrayList<>();
        try (var list = Files.list(dir)) {
            list.forEach(p -> names.add(p.getFileName().toString()));
        }
        java.util.Collections.sort(names);
        List<String> expected = new ArrayList<>(List.of(keep));
        expected.add(".w.npz.00ff.tmp");
        expected.add("w.npz");
        java.util.Collections.sort(expected);
        assertEquals(expected, names);
        // Npy.write shares the mechanism
        Files.write(dir.resolve(".x.npy.abc.tmp"), new byte[10]);
        Npy.write(dir.resolve("x.npy"), NdArray.wrap(new long[] {1}, 1));
        assertTrue(!Files.exists(dir.resolve(".x.npy.abc.tmp")));
    }

    @Test
    void aSmallInt8FileAskingForMoreMemoryThanTheHeapHasIsRefusedQuotingTheBytesAsked() throws IOException {
        // 2^28 int8 zeros deflate to about 261 KB and load as int64: 2 GiB, just within the default
        // limit, but more than a heap of 2 GiB (the tests' -Xmx2g) has free
        long elements = 1L << 28;
        long memory = elements * 8;
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() <= memory,
                "needs a heap of at most " + memory + " bytes (the build runs the tests with -Xmx2g)");
        assertEquals(memory, NpzLimits.DEFAULT.maxTotalBytes());
        byte[] header = npy("{'descr': '|i1', 'fortran_order': False, 'shape': (" + elements + ",), }", new byte[0]);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("big.npy"));
            zip.write(header);
            byte[] zeros = new byte[1 << 20];
            for (long left = elements; left > 0; left -= zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            zip.closeEntry();
        }
        assertTrue(bytes.size() < 300_000, "a small file: " + bytes.size() + " bytes");
        Path file = dir.resolve("int8.npz");
        Files.write(file, bytes.toByteArray());
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.load(file));
        assertMentions(e, "entry 'big.npy'", memory + " bytes do not fit", "-Xmx");
        e = assertThrows(NpyFormatException.class, () -> Npz.load(new ByteArrayInputStream(bytes.toByteArray())));
        assertMentions(e, memory + " bytes do not fit");
        // a header alone is enough to be refused, before any data is read
        e = assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(header)));
        assertMentions(e, memory + " bytes do not fit");
    }
}
