package dezero.utils;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyTest {
    @TempDir
    Path dir;

    /** A fixture under src/test/resources/npz/, written by NumPy (see make_fixtures.py there). */
    static Path fixture(String name) {
        try {
            return Path.of(NpyTest.class.getResource("/npz/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture npz/" + name, e);
        }
    }

    @Test
    void readsNumpyFloat32Matrix() throws IOException {
        NdArray a = Npy.read(fixture("f32_2x3.npy"));
        assertEquals(DType.FLOAT32, a.dtype());
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new float[] {1.5f, 2.5f, -3f, 0f, 1e-3f, 1e3f}, a.floatData());
    }

    @Test
    void readsBigEndianFloat64AndInt64() throws IOException {
        NdArray f = Npy.read(fixture("big_endian_f8.npy"));
        assertEquals(DType.FLOAT64, f.dtype());
        assertArrayEquals(new int[] {2, 3}, f.shape());
        assertArrayEquals(new double[] {-2.5, -1.5, -0.5, 0.5, 1.5, 2.5}, f.doubleData());
        NdArray i = Npy.read(fixture("big_endian_i8.npy"));
        assertArrayEquals(new long[] {1, -2, 1L << 40}, i.longData());
    }

    @Test
    void transposesFortranOrderIntoCOrder() throws IOException {
        // np.asfortranarray(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
        NdArray a = Npy.read(fixture("fortran_f4.npy"));
        assertArrayEquals(new int[] {2, 3, 4}, a.shape());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    assertEquals(i * 12 + j * 4 + k, a.get(i, j, k), "at " + i + "," + j + "," + k);
                }
            }
        }
    }

    @Test
    void readsZeroDimBoolAndFormatVersions2And3() throws IOException {
        NdArray scalar = Npy.read(fixture("zero_d_i8.npy"));
        assertEquals(0, scalar.ndim());
        assertArrayEquals(new long[] {-9}, scalar.longData());
        assertArrayEquals(new boolean[] {true, false, true}, Npy.read(fixture("bool_3.npy")).boolData());
        NdArray v2 = Npy.read(fixture("version2_f8.npy"));
        assertArrayEquals(new int[] {2, 2}, v2.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4}, v2.doubleData());
        assertArrayEquals(new long[] {5, 6, 7}, Npy.read(fixture("version3_i8.npy")).longData());
    }

    @Test
    void writesTheBytesNumpyWrites() throws IOException {
        assertEquals(hexOf(Files.readAllBytes(fixture("f32_2x3.npy"))),
                hexOf(bytesOf(NdArray.wrap(new float[] {1.5f, 2.5f, -3f, 0f, 1e-3f, 1e3f}, 2, 3))));
        assertEquals(hexOf(Files.readAllBytes(fixture("bool_3.npy"))),
                hexOf(bytesOf(NdArray.wrap(new boolean[] {true, false, true}, 3))));
        assertEquals(hexOf(Files.readAllBytes(fixture("zero_d_i8.npy"))),
                hexOf(bytesOf(NdArray.wrap(new long[] {-9}))));
    }

    @Test
    void headersArePaddedTo64BytesEndingInNewline() throws IOException {
        // the twelve-dimensional shape has a zero in it: its header is as long, and it allocates nothing
        // (the product of 1..12 is 479 million floats, near the test JVM's whole heap)
        for (int[] shape : new int[][] {{}, {0}, {7}, {123456, 0}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0}}) {
            byte[] header = NpyHeader.format(NdArray.zeros(DType.FLOAT32, shape));
            assertEquals(0, header.length % 64, "shape " + NpyHeader.pyTuple(shape));
            assertEquals('\n', header[header.length - 1]);
            assertEquals(1, header[6], "version 1.0");
        }
    }

    @Test
    void roundTripsEveryDtypeAndShapeThroughStreamsAndFiles() throws IOException {
        int n = 0;
        for (NdArray a : samples()) {
            NdArray viaStream = Npy.read(new ByteArrayInputStream(bytesOf(a)));
            assertTrue(a.contentEquals(viaStream), "stream round trip of " + describe(a));
            Path file = dir.resolve("a" + n++ + ".npy");
            Npy.write(file, a);
            assertTrue(a.contentEquals(Npy.read(file)), "file round trip of " + describe(a));
        }
    }

    @Test
    void specialValuesSurviveBitForBit() throws IOException {
        double[] d = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE,
            Double.MAX_VALUE};
        NdArray back = Npy.read(new ByteArrayInputStream(bytesOf(NdArray.wrap(d, 6))));
        for (int i = 0; i < d.length; i++) {
            assertEquals(Double.doubleToRawLongBits(d[i]), Double.doubleToRawLongBits(back.doubleData()[i]));
        }
        long[] l = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE};
        assertArrayEquals(l, Npy.read(new ByteArrayInputStream(bytesOf(NdArray.wrap(l, 2, 2)))).longData());
    }

    @Test
    void readsArraysSavedOneAfterAnotherInOneStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, NdArray.wrap(new float[] {1, 2}, 2));
        Npy.write(out, NdArray.wrap(new long[] {3}));
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        assertArrayEquals(new float[] {1, 2}, Npy.read(in).floatData());
        assertArrayEquals(new long[] {3}, Npy.read(in).longData());
        assertEquals(-1, in.read());
    }

    @Test
    void largeArraysCrossChunkBoundaries() throws IOException {
        double[] d = new double[300_001];   // 2.4 MB: three 1 MiB chunks on read, many on write
        for (int i = 0; i < d.length; i++) {
            d[i] = i * 0.25 - 7;
        }
        NdArray a = NdArray.wrap(d, d.length);
        Path file = dir.resolve("big.npy");
        Npy.write(file, a);
        assertTrue(a.contentEquals(Npy.read(file)));
        assertTrue(a.contentEquals(Npy.read(new ByteArrayInputStream(Files.readAllBytes(file)))));
    }

    @Test
    void float16ConvertsExactly() {
        assertEquals(1.0f, NpyDescr.halfToFloat((short) 0x3C00));
        assertEquals(-2.0f, NpyDescr.halfToFloat((short) 0xC000));
        assertEquals(65504f, NpyDescr.halfToFloat((short) 0x7BFF));
        assertEquals(0x1p-14f, NpyDescr.halfToFloat((short) 0x0400), "smallest normal");
        assertEquals(0x1p-24f, NpyDescr.halfToFloat((short) 0x0001), "smallest subnormal");
        assertEquals(0x3FFp-24f, NpyDescr.halfToFloat((short) 0x03FF), "largest subnormal");
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(NpyDescr.halfToFloat((short) 0x8000)));
        assertEquals(Float.NEGATIVE_INFINITY, NpyDescr.halfToFloat((short) 0xFC00));
        assertTrue(Float.isNaN(NpyDescr.halfToFloat((short) 0x7E00)));
    }

    /** Every dtype in 0-d, empty, 1-d, 2-d and 3-d shapes. */
    static List<NdArray> samples() {
        List<NdArray> out = new ArrayList<>();
        for (int[] shape : new int[][] {{}, {0}, {2, 0, 3}, {5}, {2, 3}, {2, 3, 4}}) {
            int size = 1;
            for (int d : shape) {
                size *= d;
            }
            double[] d = new double[size];
            float[] f = new float[size];
            long[] l = new long[size];
            boolean[] b = new boolean[size];
            for (int i = 0; i < size; i++) {
                d[i] = Math.sin(i + 1) * 1e3;
                f[i] = (float) Math.cos(i) / 3;
                l[i] = (i % 2 == 0 ? 1 : -1) * (long) i * 1_000_000_007L;
                b[i] = i % 3 == 1;
            }
            out.add(NdArray.wrap(d, shape));
            out.add(NdArray.wrap(f, shape));
            out.add(NdArray.wrap(l, shape));
            out.add(NdArray.wrap(b, shape));
        }
        return out;
    }

    static String describe(NdArray a) {
        return a.dtype() + " " + NpyHeader.pyTuple(a.shape());
    }

    static byte[] bytesOf(NdArray a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, a);
        return out.toByteArray();
    }

    static String hexOf(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }

    /**
     * Every descr the reader knows, little- and big-endian, decoded into the dtype it widens to, from a
     * stream (data read before the array is allocated) and from a file (allocated first), also in
     * Fortran order.
     */
    @Test
    void everyDescrDecodesIntoItsDtypeOnBothReadPaths() throws IOException {
        List<Case> cases = List.of(
            // descr, dtype, element bytes (big-endian when the descr says so), expected values as doubles
            new Case("|i1", DType.INT64, new byte[] {0, 1, -1, 127}, new double[] {0, 1, -1, 127}),
            new Case("|u1", DType.INT64, new byte[] {0, 1, -1, -128}, new double[] {0, 1, 255, 128}),
            new Case(">i2", DType.INT64, bytes(2, true, 0, -2, 300, -32768), new double[] {0, -2, 300, -32768}),
            new Case("<u2", DType.INT64, bytes(2, false, 0, 1, 0xFFFF, 0x8000), new double[] {0, 1, 65535, 32768}),
            new Case("<i4", DType.INT64, bytes(4, false, -1, 7, Integer.MIN_VALUE, 1 << 30),
                new double[] {-1, 7, Integer.MIN_VALUE, 1 << 30}),
            new Case(">u4", DType.INT64, bytes(4, true, 0xFFFF_FFFFL, 1, 0, 2), new double[] {4294967295.0, 1, 0, 2}),
            new Case(">i8", DType.INT64, bytes(8, true, -3, 1L << 40, 0, 9), new double[] {-3, 0x1p40, 0, 9}),
            new Case("<u8", DType.INT64, bytes(8, false, 0, 1, 5, 100), new double[] {0, 1, 5, 100}),
            new Case("<f2", DType.FLOAT32, bytes(2, false, 0x3C00, 0xC000, 0x0001, 0x7BFF),
                new double[] {1, -2, 0x1p-24, 65504}),
            new Case(">f4", DType.FLOAT32, bytes(4, true, Float.floatToIntBits(1.5f), Float.floatToIntBits(-0.25f), 0,
                Float.floatToIntBits(3e38f)), new double[] {1.5, -0.25, 0, 3e38f}),
            new Case("<f8", DType.FLOAT64, bytes(8, false, Double.doubleToLongBits(0.1), Double.doubleToLongBits(-1e300), 0,
                Double.doubleToLongBits(2)), new double[] {0.1, -1e300, 0, 2}),
            new Case("|b1", DType.BOOL, new byte[] {0, 1, 2, 0}, new double[] {0, 1, 1, 0}));
        for (Case c : cases) {
            String descr = c.descr();
            double[] want = c.values();
            for (boolean fortran : new boolean[] {false, true}) {
                byte[] file = NpzHostileTest.npy("{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                        + ", 'shape': (2, 2), }", c.data());
                Path saved = dir.resolve("a.npy");
                Files.write(saved, file);
                for (NdArray a : List.of(Npy.read(new ByteArrayInputStream(file)), Npy.read(saved))) {
                    String what = descr + (fortran ? " fortran" : "");
                    assertEquals(c.dtype(), a.dtype(), what);
                    assertArrayEquals(new int[] {2, 2}, a.shape(), what);
                    double[] got = a.toDoubleArray();
                    // Fortran order: the elements are stored column by column
                    double[] expected = fortran ? new double[] {want[0], want[2], want[1], want[3]} : want;
                    assertArrayEquals(expected, got, what);
                }
            }
        }
    }

    /** A descr, the dtype it widens to, the bytes of four elements and their values. */
    private record Case(String descr, DType dtype, byte[] data, double[] values) {
    }

    /** {@code values} as {@code size}-byte integers, big- or little-endian. */
    private static byte[] bytes(int size, boolean bigEndian, long... values) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(size * values.length)
                .order(bigEndian ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            switch (size) {
                case 2:
                    b.putShort((short) v);
                    break;
                case 4:
                    b.putInt((int) v);
                    break;
                default:
                    b.putLong(v);
            }
        }
        return b.array();
    }
}
