package dezero.ndarray;

import static dezero.ndarray.IndexingTest.ar;
import static dezero.ndarray.IndexingTest.check;
import static dezero.ndarray.IndexingTest.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Expected values were computed with NumPy 2.4 and hard-coded. */
class ShapeOpsTest {

    static void assertError(Class<? extends RuntimeException> type, Executable ex, String... parts) {
        RuntimeException e = assertThrows(type, ex);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' lacks '" + p + "'");
        }
    }

    // ------------------------------------------------------------------ reshape

    @Test
    void reshape() {
        NdArray x = ar(2, 3);
        NdArray r = x.reshape(3, 2);
        check(r, s(3, 2), 0, 1, 2, 3, 4, 5);
        assertSame(x.data, r.data); // a view
        assertArrayEquals(s(6), x.reshape(-1).shape());
        assertArrayEquals(s(3, 2), x.reshape(-1, 2).shape());
        assertArrayEquals(s(1, 2, 3), x.reshape(1, -1, 3).shape());
        assertSame(x, x.reshape(2, 3));
        assertSame(x, x.reshape(2, -1));
        assertArrayEquals(s(), NdArray.zeros(1, 1).reshape().shape());
        assertArrayEquals(s(6), x.flatten().shape());
        assertError(IllegalArgumentException.class, () -> x.reshape(4),
                "reshape: cannot reshape array of size 6 into shape (4,)");
        assertError(IllegalArgumentException.class, () -> x.reshape(4, -1), "reshape", "size 6", "(4, -1)");
        assertError(IllegalArgumentException.class, () -> x.reshape(-1, -1), "reshape", "one unknown", "(-1, -1)");
        assertError(IllegalArgumentException.class, () -> x.reshape(-2, -3), "reshape", "(-2, -3)");
    }

    // ------------------------------------------------------------------ transpose

    @Test
    void transpose2d() {
        NdArray x = ar(2, 3);
        check(x.transpose(), s(3, 2), 0, 3, 1, 4, 2, 5);
        check(x.transpose(1, 0), s(3, 2), 0, 3, 1, 4, 2, 5);
        check(x.transpose(-1, -2), s(3, 2), 0, 3, 1, 4, 2, 5);
        NdArray same = x.transpose(0, 1);
        check(same, s(2, 3), 0, 1, 2, 3, 4, 5);
        assertNotSame(x.data, same.data);
        NdArray f = NdArray.wrap(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        NdArray ft = f.transpose();
        assertEquals(DType.FLOAT32, ft.dtype());
        check(ft, s(2, 3), 1, 3, 5, 2, 4, 6);
        NdArray l = NdArray.wrap(new long[] {1, 2, 3, 4, 5, 6}, 3, 2);
        check(l.transpose(), s(2, 3), 1, 3, 5, 2, 4, 6);
        NdArray b = NdArray.wrap(new boolean[] {true, false, false, false, true, true}, 3, 2);
        assertArrayEquals(new boolean[] {true, false, true, false, false, true}, b.transpose().boolData());
    }

    @Test
    void transposeLarge2dMatchesNaive() {
        int rows = 70;
        int cols = 45;
        NdArray x = ar(rows, cols);
        NdArray t = x.transpose();
        assertArrayEquals(s(cols, rows), t.shape());
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                assertEquals(x.get(i, j), t.get(j, i));
            }
        }
    }

    @Test
    void transposeNd() {
        NdArray z = ar(2, 3, 4);
        check(z.transpose(1, 2, 0), s(3, 4, 2),
                0, 12, 1, 13, 2, 14, 3, 15, 4, 16, 5, 17, 6, 18, 7, 19, 8, 20, 9, 21, 10, 22, 11, 23);
        check(z.transpose(), s(4, 3, 2),
                0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7, 19, 11, 23);
        check(z.transpose(-1, 0, 1), s(4, 2, 3),
                0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23);
        check(NdArray.scalar(3.0).transpose(), s(), 3);
    }

    @Test
    void transposeErrors() {
        NdArray x = ar(2, 3);
        assertError(IllegalArgumentException.class, () -> x.transpose(0, 0),
                "transpose: axes (0, 0) don't match array of shape (2, 3)");
        assertError(IllegalArgumentException.class, () -> x.transpose(0), "transpose", "(0,)", "(2, 3)");
        assertError(IllegalArgumentException.class, () -> x.transpose(0, 2), "transpose", "axis 2", "(2, 3)");
    }

    // ------------------------------------------------------------------ broadcastTo / sumTo

    @Test
    void broadcastTo() {
        NdArray c = ar(3, 1);
        check(c.broadcastTo(2, 3, 2), s(2, 3, 2), 0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2);
        check(NdArray.array(new double[] {1, 2, 3}).broadcastTo(2, 3), s(2, 3), 1, 2, 3, 1, 2, 3);
        check(NdArray.scalar(4.0).broadcastTo(2, 2), s(2, 2), 4, 4, 4, 4);
        NdArray x = ar(2, 3);
        assertSame(x, x.broadcastTo(2, 3));
        NdArray l = NdArray.wrap(new long[] {7, 8}, 2, 1).broadcastTo(2, 2);
        assertEquals(DType.INT64, l.dtype());
        check(l, s(2, 2), 7, 7, 8, 8);
        NdArray b = NdArray.wrap(new boolean[] {true, false}, 2).broadcastTo(2, 2);
        assertArrayEquals(new boolean[] {true, false, true, false}, b.boolData());
        NdArray f = NdArray.wrap(new float[] {1.5f}, 1).broadcastTo(3);
        assertArrayEquals(new float[] {1.5f, 1.5f, 1.5f}, f.floatData());
        assertError(IllegalArgumentException.class, () -> NdArray.zeros(3).broadcastTo(2, 4),
                "broadcastTo: cannot broadcast array of shape (3,) to shape (2, 4)");
        assertError(IllegalArgumentException.class, () -> NdArray.zeros(2, 3).broadcastTo(3),
                "broadcastTo", "(2, 3)", "(3,)");
    }

    @Test
    void sumTo2d() {
        NdArray x = ar(2, 3);
        check(x.sumTo(1, 3), s(1, 3), 3, 5, 7);
        check(x.sumTo(3), s(3), 3, 5, 7);
        check(x.sumTo(2, 1), s(2, 1), 3, 12);
        check(x.sumTo(1, 1), s(1, 1), 15);
        check(x.sumTo(), s(), 15);
        assertSame(x, x.sumTo(2, 3));
        assertError(IllegalArgumentException.class, () -> x.sumTo(2, 5),
                "sumTo: cannot sum array of shape (2, 3) to shape (2, 5)");
        assertError(IllegalArgumentException.class, () -> x.sumTo(1, 2, 3), "sumTo", "(2, 3)", "(1, 2, 3)");
    }

    @Test
    void sumTo3d() {
        NdArray z = ar(2, 3, 4);
        check(z.sumTo(3, 1), s(3, 1), 60, 92, 124);
        check(z.sumTo(1, 4), s(1, 4), 60, 66, 72, 78);
        check(z.sumTo(4), s(4), 60, 66, 72, 78);
        check(z.sumTo(2, 1, 4), s(2, 1, 4), 12, 15, 18, 21, 48, 51, 54, 57);
        check(z.sumTo(2, 3, 1), s(2, 3, 1), 6, 22, 38, 54, 70, 86);
        check(z.sumTo(1, 3, 4).reshape(12), s(12), 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34);
    }

    @Test
    void sumToOfLeadingAxesIsTheColumnSumsInEitherDtype() {
        // the bias-gradient case, (batch, features) -> (features,): large enough for the vector kernel
        NdArray x = new NdRandom(5).randn(300, 70);
        double[] v = x.toDoubleArray();
        double[] expected = new double[70];
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 70; j++) {
                expected[j] += v[i * 70 + j];
            }
        }
        assertArrayEquals(expected, x.sumTo(70).toDoubleArray(), 1e-12);
        NdArray f = x.astype(DType.FLOAT32);
        double[] fv = f.toDoubleArray();
        double[] fExpected = new double[70];
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 70; j++) {
                fExpected[j] += fv[i * 70 + j];
            }
        }
        NdArray fs = f.sumTo(1, 70);
        assertEquals(DType.FLOAT32, fs.dtype());
        assertArrayEquals(new int[] {1, 70}, fs.shape());
        for (int j = 0; j < 70; j++) {
            // as accurate as summing in double: within one float rounding of the double sum
            assertEquals((float) fExpected[j], fs.toDoubleArray()[j], Math.ulp((float) fExpected[j]), "column " + j);
        }
        // a kept axis of 1 between the summed ones and the kept ones
        check(ar(4, 1, 3).sumTo(1, 3), s(1, 3), 18, 22, 26);
    }

    @Test
    void sumToDTypes() {
        NdArray f = NdArray.wrap(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        NdArray rf = f.sumTo(3);
        assertEquals(DType.FLOAT32, rf.dtype());
        assertArrayEquals(new float[] {5, 7, 9}, rf.floatData());
        NdArray l = NdArray.wrap(new long[] {1, 2, 3, 4, 5, 6}, 2, 3);
        NdArray rl = l.sumTo(2, 1);
        assertEquals(DType.INT64, rl.dtype());
        assertArrayEquals(new long[] {6, 15}, rl.longData());
        NdArray b = NdArray.wrap(new boolean[] {true, true, false, true, false, false}, 2, 3);
        NdArray rb = b.sumTo(1, 3);
        assertEquals(DType.INT64, rb.dtype());
        assertArrayEquals(new long[] {2, 1, 0}, rb.longData());
        assertArrayEquals(new long[] {3}, b.sumTo().longData());
    }

    @Test
    void sumToIsAdjointOfBroadcastTo() {
        NdArray small = ar(3, 1);
        NdArray big = small.broadcastTo(2, 3, 4);
        NdArray back = big.sumTo(3, 1);
        check(back, s(3, 1), 0, 8, 16);
    }

    // ------------------------------------------------------------------ expandDims / squeeze

    @Test
    void expandDims() {
        NdArray x = ar(2, 3);
        assertArrayEquals(s(1, 2, 3), x.expandDims(0).shape());
        assertArrayEquals(s(2, 1, 3), x.expandDims(1).shape());
        assertArrayEquals(s(2, 3, 1), x.expandDims(2).shape());
        assertArrayEquals(s(2, 3, 1), x.expandDims(-1).shape());
        assertArrayEquals(s(1, 2, 3), x.expandDims(-3).shape());
        assertArrayEquals(s(1), NdArray.scalar(1.0).expandDims(0).shape());
        assertSame(x.data, x.expandDims(1).data);
        assertError(IllegalArgumentException.class, () -> x.expandDims(3), "expandDims", "axis 3", "(2, 3)");
        assertError(IllegalArgumentException.class, () -> x.expandDims(-4), "expandDims", "axis -4", "(2, 3)");
    }

    @Test
    void squeeze() {
        NdArray x = ar(1, 2, 1, 3, 1);
        assertArrayEquals(s(2, 3), x.squeeze().shape());
        assertArrayEquals(s(2, 1, 3, 1), x.squeeze(0).shape());
        assertArrayEquals(s(1, 2, 1, 3), x.squeeze(-1).shape());
        assertArrayEquals(s(), NdArray.zeros(1, 1).squeeze().shape());
        assertSame(x.data, x.squeeze().data);
        NdArray y = ar(2, 3);
        assertSame(y, y.squeeze());
        assertError(IllegalArgumentException.class, () -> ar(2, 1).squeeze(0),
                "squeeze: cannot select an axis to squeeze out which has size not equal to one (axis 0 of shape (2, 1))");
        assertError(IllegalArgumentException.class, () -> ar(2, 1).squeeze(2), "squeeze", "axis 2", "(2, 1)");
    }

    // ------------------------------------------------------------------ concatenate / stack

    @Test
    void concatenate() {
        NdArray a = ar(2, 3);
        NdArray b = NdArray.wrap(new long[] {0, 1, 2, 3}, 2, 2);
        NdArray c = NdArray.concatenate(List.of(a, b), -1);
        assertEquals(DType.FLOAT64, c.dtype());
        check(c, s(2, 5), 0, 1, 2, 0, 1, 3, 4, 5, 2, 3);
        check(NdArray.concatenate(List.of(a, ar(1, 3)), 0), s(3, 3), 0, 1, 2, 3, 4, 5, 0, 1, 2);
        NdArray f = NdArray.wrap(new float[] {1, 2}, 2);
        NdArray l = NdArray.wrap(new long[] {3}, 1);
        NdArray fl = NdArray.concatenate(List.of(f, l), 0);
        assertEquals(DType.FLOAT64, fl.dtype()); // float32 + int64 -> float64
        check(fl, s(3), 1, 2, 3);
        NdArray bb = NdArray.concatenate(List.of(NdArray.wrap(new boolean[] {true}, 1),
                NdArray.wrap(new boolean[] {false, true}, 2)), 0);
        assertArrayEquals(new boolean[] {true, false, true}, bb.boolData());
        NdArray bl = NdArray.concatenate(List.of(NdArray.wrap(new boolean[] {true}, 1), l), 0);
        assertArrayEquals(new long[] {1, 3}, bl.longData());
        check(NdArray.concatenate(List.of(a), 0), s(2, 3), 0, 1, 2, 3, 4, 5);
        check(NdArray.concatenate(List.of(NdArray.zeros(0, 3), a), 0), s(2, 3), 0, 1, 2, 3, 4, 5);

        assertError(IllegalArgumentException.class, () -> NdArray.concatenate(List.of(), 0), "concatenate");
        assertError(IllegalArgumentException.class, () -> NdArray.concatenate(List.of(a, ar(2, 2)), 0),
                "concatenate", "(2, 3)", "(2, 2)");
        assertError(IllegalArgumentException.class, () -> NdArray.concatenate(List.of(a, ar(6)), 0),
                "concatenate", "(2, 3)", "(6,)");
        assertError(IllegalArgumentException.class, () -> NdArray.concatenate(List.of(a, a), 2),
                "concatenate", "axis 2", "(2, 3)");
        assertError(IllegalArgumentException.class,
                () -> NdArray.concatenate(List.of(NdArray.scalar(1.0), NdArray.scalar(2.0)), 0), "concatenate", "()");
    }

    @Test
    void stack() {
        NdArray a = NdArray.array(new double[] {0, 1, 2});
        NdArray b = NdArray.array(new double[] {10, 11, 12});
        check(NdArray.stack(List.of(a, b), 0), s(2, 3), 0, 1, 2, 10, 11, 12);
        check(NdArray.stack(List.of(a, b), 1), s(3, 2), 0, 10, 1, 11, 2, 12);
        NdArray m = ar(2, 3);
        NdArray m10 = NdArray.wrap(new double[] {10, 11, 12, 13, 14, 15}, 2, 3);
        check(NdArray.stack(List.of(m, m10), -1), s(2, 3, 2), 0, 10, 1, 11, 2, 12, 3, 13, 4, 14, 5, 15);
        check(NdArray.stack(List.of(NdArray.scalar(1.0), NdArray.scalar(2.0)), 0), s(2), 1, 2);
        check(NdArray.array(new double[][][] {{{1, 2}}, {{3, 4}}}), s(2, 1, 2), 1, 2, 3, 4);
        assertError(IllegalArgumentException.class, () -> NdArray.stack(Arrays.asList(a, ar(4)), 0),
                "stack", "(3,)", "(4,)");
        assertError(IllegalArgumentException.class, () -> NdArray.stack(List.of(a, b), 2), "stack", "axis 2", "(3,)");
        assertError(IllegalArgumentException.class, () -> NdArray.stack(List.of(), 0), "stack");
    }
}
