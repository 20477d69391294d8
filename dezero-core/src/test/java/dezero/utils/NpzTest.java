package dezero.utils;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static dezero.utils.NpyTest.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpzTest {
    @TempDir
    Path dir;

    /** The arrays make_fixtures.py saves with np.savez and np.savez_compressed. */
    private static void assertDezeroWeights(Map<String, NdArray> w) {
        assertEquals(List.of("l0/W", "l0/b", "l1/W", "l1/b", "counts", "mask", "scalar", "empty"),
                new ArrayList<>(w.keySet()));
        assertEquals(DType.FLOAT32, w.get("l0/W").dtype());
        assertArrayEquals(new int[] {2, 3}, w.get("l0/W").shape());
        assertArrayEquals(new float[] {0.5f, -1.25f, 2f, 3.5f, -0.125f, 7f}, w.get("l0/W").floatData());
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, w.get("l0/b").floatData());
        assertEquals(DType.FLOAT64, w.get("l1/W").dtype());
        assertArrayEquals(new int[] {3, 2}, w.get("l1/W").shape());
        assertArrayEquals(new double[] {1.0 / 3.0, -2.5, 1e-300, 1e300, -0.0, 42.0}, w.get("l1/W").doubleData());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(w.get("l1/W").doubleData()[4]));
        assertArrayEquals(new double[] {Math.PI, -Math.E}, w.get("l1/b").doubleData());
        assertArrayEquals(new long[] {0, -1, 1L << 62, Long.MIN_VALUE}, w.get("counts").longData());
        assertArrayEquals(new int[] {2, 2}, w.get("mask").shape());
        assertArrayEquals(new boolean[] {true, false, false, true}, w.get("mask").boolData());
        assertEquals(0, w.get("scalar").ndim());
        assertEquals(2.75, w.get("scalar").item());
        assertArrayEquals(new int[] {0, 3}, w.get("empty").shape());
        assertEquals(DType.FLOAT32, w.get("empty").dtype());
    }

    @Test
    void loadsNumpySavez() throws IOException {
        assertDezeroWeights(Npz.load(fixture("dezero_weights.npz")));
        assertDezeroWeights(Npz.load(new ByteArrayInputStream(Files.readAllBytes(fixture("dezero_weights.npz")))));
    }

    @Test
    void loadsNumpySavezCompressed() throws IOException {
        assertDezeroWeights(Npz.load(fixture("dezero_weights_compressed.npz")));
        assertDezeroWeights(Npz.load(new ByteArrayInputStream(
                Files.readAllBytes(fixture("dezero_weights_compressed.npz")))));
    }

    @Test
    void widensNarrowLabelDtypesExactly() throws IOException {
        Map<String, NdArray> w = Npz.load(fixture("widened_dtypes.npz"));
        assertArrayEquals(new long[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}, w.get("int32").longData());
        assertArrayEquals(new long[] {-7, 8, 65536}, w.get("int32_be").longData());
        assertArrayEquals(new long[] {-32768, 1, 32767}, w.get("int16").longData());
        assertArrayEquals(new long[] {-128, 0, 127}, w.get("int8").longData());
        assertArrayEquals(new long[] {0, 128, 255}, w.get("uint8").longData());
        assertArrayEquals(new long[] {0, 65535}, w.get("uint16").longData());
        assertArrayEquals(new long[] {0, 4294967295L}, w.get("uint32").longData());
        assertArrayEquals(new long[] {0, Long.MAX_VALUE}, w.get("uint64").longData());
        assertArrayEquals(new float[] {1f, -0.5f, 65504f, 0x1p-14f, 0x1p-24f, Float.POSITIVE_INFINITY},
                w.get("float16").floatData());
        float[] be = w.get("float16_be").floatData();
        assertTrue(Float.isNaN(be[0]));
        assertEquals(-2f, be[1]);
    }

    @Test
    void roundTripsEveryDtypeAndShapeStoredAndCompressed() throws IOException {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        List<NdArray> samples = NpyTest.samples();
        for (int i = 0; i < samples.size(); i++) {
            arrays.put("layer" + i / 4 + "/" + NpyTest.describe(samples.get(i)).replace(' ', '_'), samples.get(i));
        }
        for (boolean compressed : new boolean[] {false, true}) {
            Path file = dir.resolve("w" + compressed + ".npz");
            Npz.save(file, arrays, compressed);
            for (Map<String, NdArray> back : List.of(Npz.load(file),
                    Npz.load(new ByteArrayInputStream(Files.readAllBytes(file))))) {
                assertEquals(new ArrayList<>(arrays.keySet()), new ArrayList<>(back.keySet()));
                for (String k : arrays.keySet()) {
                    assertTrue(arrays.get(k).contentEquals(back.get(k)), k + " (compressed " + compressed + ")");
                }
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    assertEquals(compressed ? ZipEntry.DEFLATED : ZipEntry.STORED, e.getMethod(), e.getName());
                    assertTrue(e.getName().endsWith(".npy"), e.getName());
                }
            }
        }
    }

    @Test
    void ourArchiveEntriesHoldTheBytesNumpyWouldWrite() throws IOException {
        Map<String, NdArray> arrays = Map.of("x", NdArray.wrap(new float[] {1.5f, 2.5f, -3f, 0f, 1e-3f, 1e3f}, 2, 3));
        Path file = dir.resolve("x.npz");
        Npz.save(file, arrays);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertArrayEquals(Files.readAllBytes(fixture("f32_2x3.npy")),
                    zip.getInputStream(zip.getEntry("x.npy")).readAllBytes());
        }
    }

    @Test
    void equalArraysGiveByteIdenticalFiles() throws IOException {
        Map<String, NdArray> arrays = Map.of("l0/W", NdArray.ones(DType.FLOAT32, 4, 4));
        Path a = dir.resolve("a.npz");
        Path b = dir.resolve("b.npz");
        Npz.save(a, arrays, true);
        Npz.save(b, arrays, true);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void emptyMapSavesAndLoadsAsAnEmptyArchive() throws IOException {
        Path file = dir.resolve("none.npz");
        Npz.save(file, Map.of());
        assertTrue(Npz.load(file).isEmpty());
        assertTrue(Npz.load(new ByteArrayInputStream(Files.readAllBytes(file))).isEmpty());
    }

    @Test
    void savingReplacesAnExistingFile() throws IOException {
        Path file = dir.resolve("w.npz");
        Npz.save(file, Map.of("a", NdArray.wrap(new long[] {1}, 1)));
        Npz.save(file, Map.of("b", NdArray.wrap(new long[] {2}, 1)), true);
        assertEquals(List.of("b"), new ArrayList<>(Npz.load(file).keySet()));
        assertEquals(List.of("w.npz"), listing());
    }

    @Test
    void failureHalfWayLeavesTheOldFileIntactAndNoTempFile() throws IOException {
        Path file = dir.resolve("w.npz");
        Npz.save(file, Map.of("old", NdArray.wrap(new double[] {1, 2, 3}, 3)));
        byte[] before = Files.readAllBytes(file);
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        float[] noise = new float[100 * 100];   // incompressible enough that 20 kB falls inside the first array
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) Math.sin(i * 12.9898) * 43758.5453f;
        }
        arrays.put("l0/W", NdArray.wrap(noise, 100, 100));
        arrays.put("l0/b", NdArray.zeros(DType.FLOAT32, 100));
        for (boolean compressed : new boolean[] {false, true}) {
            // the disk "fills up" in the middle of the first array
            IOException e = assertThrows(IOException.class,
                    () -> Npz.save(file, arrays, compressed, out -> failingAfter(out, 20_000, false)));
            assertEquals("disk full (simulated)", e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file));
            assertEquals(List.of("w.npz"), listing());
            // a bug (an unchecked exception) half way is cleaned up the same way
            assertThrows(IllegalStateException.class,
                    () -> Npz.save(file, arrays, compressed, out -> failingAfter(out, 20_000, true)));
            assertArrayEquals(before, Files.readAllBytes(file));
            assertEquals(List.of("w.npz"), listing());
        }
    }

    @Test
    void badNamesAndNullArraysAreRefusedBeforeTheFileIsTouched() throws IOException {
        Path file = dir.resolve("w.npz");
        Npz.save(file, Map.of("keep", NdArray.wrap(new long[] {1}, 1)));
        byte[] before = Files.readAllBytes(file);
        for (String bad : new String[] {"", "../evil", "/abs", "a//b", "a/./b", "a\\b", "tab\there", "C:x", "a/"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Npz.save(file, Map.of(bad, NdArray.wrap(new long[] {1}, 1))), bad);
            assertTrue(e.getMessage().contains("bad array name"), e.getMessage());
        }
        Map<String, NdArray> withNull = new LinkedHashMap<>();
        withNull.put("l0/W", null);
        assertThrows(IllegalArgumentException.class, () -> Npz.save(file, withNull));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("w.npz"), listing());
    }

    @Test
    void savingIntoAMissingDirectoryOrOverADirectoryFails() throws IOException {
        Map<String, NdArray> one = Map.of("a", NdArray.wrap(new long[] {1}, 1));
        assertThrows(NoSuchFileException.class, () -> Npz.save(dir.resolve("no/such/dir/w.npz"), one));
        Files.createDirectory(dir.resolve("sub"));
        IOException e = assertThrows(IOException.class, () -> Npz.save(dir.resolve("sub"), one));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void npyFilesAreWrittenAtomicallyToo() throws IOException {
        Path file = dir.resolve("x.npy");
        Npy.write(file, NdArray.wrap(new long[] {7}, 1));
        assertArrayEquals(new long[] {7}, Npy.read(file).longData());
        assertEquals(List.of("x.npy"), listing());
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("sub")).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** A stream that fails once {@code limit} bytes have gone through. */
    private static OutputStream failingAfter(OutputStream out, long limit, boolean unchecked) {
        return new FilterOutputStream(out) {
            long written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                check(len);
                out.write(b, off, len);
            }

            @Override
            public void write(int b) throws IOException {
                check(1);
                out.write(b);
            }

            private void check(int len) throws IOException {
                written += len;
                if (written > limit) {
                    if (unchecked) {
                        throw new IllegalStateException("bug (simulated)");
                    }
                    throw new IOException("disk full (simulated)");
                }
            }
        };
    }
}
