package dezero.ndarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected values were computed with NumPy 2.4 and hard-coded. */
class IndexingTest {

    /** np.arange(n, dtype=float64).reshape(shape) */
    static NdArray ar(int... shape) {
        int n = Shapes.size(shape);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = i;
        }
        return NdArray.wrap(d, shape);
    }

    static void check(NdArray actual, int[] shape, double... values) {
        assertArrayEquals(shape, actual.shape(), "shape");
        assertArrayEquals(values, actual.toDoubleArray(), 0.0, "values");
    }

    static int[] s(int... shape) {
        return shape;
    }

    static Index[] ix(Index... items) {
        return items;
    }

    static Index arr(long... v) {
        return Index.array(NdArray.wrap(v, v.length));
    }

    // ------------------------------------------------------------------ getItem, DeZero golden cases

    @Test
    void basicIndexing() {
        NdArray x = ar(3, 4);
        check(x.getItem(Index.at(1)), s(4), 4, 5, 6, 7);
        check(x.getItem(Index.at(-1)), s(4), 8, 9, 10, 11);
        check(x.getItem(Index.slice(1, 3)), s(2, 4), 4, 5, 6, 7, 8, 9, 10, 11);
        check(x.getItem(Index.all(), Index.at(1)), s(3), 1, 5, 9);
        check(x.getItem(Index.slice(null, null, 2), Index.slice(1, null)), s(2, 3), 1, 2, 3, 9, 10, 11);
        check(x.getItem(Index.slice(null, null, -1)), s(3, 4), 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3);
        check(x.getItem(Index.ellipsis(), Index.at(2)), s(3), 2, 6, 10);
        check(x.getItem(Index.at(2), Index.at(3)), s(), 11);
        check(x.getItem(Index.newAxis(), Index.at(1)), s(1, 4), 4, 5, 6, 7);
        check(x.getItem(), s(3, 4), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void sliceEdgeCases() {
        NdArray x = ar(3, 4);
        check(x.getItem(Index.slice(-2, null, -2), Index.slice(3, 0, -1)), s(1, 3), 7, 6, 5);
        check(x.getItem(Index.slice(10, null), Index.all()), s(0, 4));
        check(x.getItem(Index.all(), Index.slice(-100, 100, 3)), s(3, 2), 0, 3, 4, 7, 8, 11);
        check(x.getItem(Index.slice(2, 0)), s(0, 4));
    }

    @Test
    void getItemIsACopy() {
        NdArray x = ar(3, 4);
        NdArray row = x.getItem(Index.at(1));
        row.setFlat(0, 100);
        assertEquals(4.0, x.get(1, 0));
        NdArray all = x.getItem(Index.all());
        assertNotSame(x.data, all.data);
    }

    @Test
    void fancyIndexing() {
        NdArray x = ar(3, 4);
        check(x.getItem(Index.of(0, 2, 0)), s(3, 4), 0, 1, 2, 3, 8, 9, 10, 11, 0, 1, 2, 3);
        check(x.getItem(arr(0, 1, 1, 2), arr(3, 2, 2, 0)), s(4), 3, 6, 6, 8);
        NdArray idx2d = NdArray.wrap(new long[] {0, 1, 1, 1}, 2, 2);
        check(x.getItem(Index.array(idx2d)), s(2, 2, 4), 0, 1, 2, 3, 4, 5, 6, 7, 4, 5, 6, 7, 4, 5, 6, 7);
        check(x.getItem(Index.slice(1, null), Index.of(0, 0, 3)), s(2, 3), 4, 4, 7, 8, 8, 11);
        check(x.getItem(arr(-1, -3)), s(2, 4), 8, 9, 10, 11, 0, 1, 2, 3);
    }

    @Test
    void boolMask() {
        double[] d = new double[12];
        boolean[] m = new boolean[12];
        for (int i = 0; i < 12; i++) {
            d[i] = i - 5;
            m[i] = d[i] > 0;
        }
        NdArray y = NdArray.wrap(d, 3, 4);
        check(y.getItem(Index.array(NdArray.wrap(m, 3, 4))), s(6), 1, 2, 3, 4, 5, 6);

        NdArray z = ar(2, 3, 4);
        NdArray mask2d = NdArray.wrap(new boolean[] {true, false, true, false, true, false}, 2, 3);
        check(z.getItem(Index.array(mask2d)), s(3, 4), 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19);
        NdArray mask1 = NdArray.wrap(new boolean[] {true, false, true}, 3);
        check(z.getItem(Index.all(), Index.array(mask1)), s(2, 2, 4),
                0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23);
    }

    @Test
    void advancedPlacement() {
        NdArray z = ar(2, 3, 4);
        // non-adjacent advanced items (int counts as advanced): broadcast dims go first
        check(z.getItem(Index.at(1), Index.all(), Index.of(0, 3, 3)), s(3, 3), 12, 16, 20, 15, 19, 23, 15, 19, 23);
        // adjacent: in place
        check(z.getItem(Index.all(), Index.of(0, 2), Index.slice(1, 3)), s(2, 2, 2), 1, 2, 9, 10, 13, 14, 21, 22);
        // newaxis between ellipsis and array
        check(z.getItem(Index.ellipsis(), Index.newAxis(), Index.of(1, 0)), s(2, 3, 1, 2),
                1, 0, 5, 4, 9, 8, 13, 12, 17, 16, 21, 20);
        // broadcasting (2,1) with (2,), separated by a slice
        NdArray col = NdArray.wrap(new long[] {0, 1}, 2, 1);
        check(z.getItem(Index.array(col), Index.all(), Index.of(0, 3)), s(2, 2, 3),
                0, 4, 8, 3, 7, 11, 12, 16, 20, 15, 19, 23);
        // a zero-length ellipsis still separates advanced indices (as in NumPy)
        NdArray w = ar(2, 3, 4, 5);
        assertArrayEquals(s(3, 2, 5), w.getItem(Index.all(), Index.of(0, 1, 2), Index.ellipsis(), Index.of(0, 1, 2),
                Index.all()).shape());
        assertArrayEquals(s(2, 3, 5), w.getItem(Index.all(), Index.of(0, 1, 2), Index.at(1), Index.all()).shape());
    }

    @Test
    void otherDTypes() {
        NdArray f = NdArray.wrap(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        NdArray r = f.getItem(Index.all(), Index.of(2, 0));
        assertEquals(DType.FLOAT32, r.dtype());
        check(r, s(2, 2), 3, 1, 6, 4);
        NdArray l = NdArray.wrap(new long[] {1, 2, 3, 4, 5, 6}, 2, 3);
        NdArray rl = l.getItem(Index.slice(null, null, -1), Index.at(1));
        assertEquals(DType.INT64, rl.dtype());
        check(rl, s(2), 5, 2);
        NdArray b = NdArray.wrap(new boolean[] {true, false, false, true}, 4);
        NdArray rb = b.getItem(Index.of(3, 1));
        assertEquals(DType.BOOL, rb.dtype());
        assertArrayEquals(new boolean[] {true, false}, rb.boolData());
    }

    @Test
    void errors() {
        NdArray x = ar(3, 4);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> x.getItem(Index.at(5)));
        assertTrue(e.getMessage().contains("index 5 is out of bounds for axis 0 with size 3"), e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class, () -> x.getItem(Index.all(), Index.at(-5)));
        assertTrue(e.getMessage().contains("index -5 is out of bounds for axis 1 with size 4"), e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class, () -> x.getItem(Index.all(), Index.of(0, 4)));
        assertTrue(e.getMessage().contains("index 4 is out of bounds for axis 1 with size 4"), e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class,
                () -> x.getItem(Index.at(0), Index.at(0), Index.at(0)));
        assertTrue(e.getMessage().contains("too many indices for array: array is 2-dimensional, but 3 were indexed"),
                e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class, () -> x.getItem(Index.of(0, 1), Index.of(0, 1, 2)));
        assertTrue(e.getMessage().contains("(2,) (3,)"), e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class,
                () -> x.getItem(Index.array(NdArray.wrap(new boolean[] {true, false}, 2))));
        assertTrue(e.getMessage().contains("size of axis is 3"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> x.getItem(Index.ellipsis(), Index.ellipsis()));
        assertTrue(e2.getMessage().contains("single ellipsis"), e2.getMessage());
    }

    // ------------------------------------------------------------------ scatterAdd

    @Test
    void scatterAddBasic() {
        check(NdArray.scatterAdd(s(3, 4), ix(Index.at(1)), NdArray.ones(4)), s(3, 4),
                0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0);
        check(NdArray.scatterAdd(s(3, 4), ix(Index.slice(null, null, -1)), ar(3, 4)), s(3, 4),
                8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3);
        check(NdArray.scatterAdd(s(3, 4), ix(Index.newAxis(), Index.at(1)), ar(1, 4)), s(3, 4),
                0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0);
        check(NdArray.scatterAdd(s(3, 4), ix(Index.at(2), Index.at(3)), NdArray.scalar(7)), s(3, 4),
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7);
    }

    @Test
    void scatterAddRepeatedIndicesAccumulate() {
        check(NdArray.scatterAdd(s(3, 4), ix(Index.of(0, 2, 0)), ar(3, 4)), s(3, 4),
                8, 10, 12, 14, 0, 0, 0, 0, 4, 5, 6, 7);
        check(NdArray.scatterAdd(s(3, 4), ix(arr(0, 1, 1, 2), arr(3, 2, 2, 0)),
                NdArray.array(new double[] {1, 2, 3, 4})), s(3, 4), 0, 0, 0, 1, 0, 0, 5, 0, 4, 0, 0, 0);
        check(NdArray.scatterAdd(s(3, 4), ix(Index.array(NdArray.wrap(new long[] {0, 1, 1, 1}, 2, 2))), ar(2, 2, 4)),
                s(3, 4), 0, 1, 2, 3, 24, 27, 30, 33, 0, 0, 0, 0);
        check(NdArray.scatterAdd(s(3, 4), ix(Index.slice(1, null), Index.of(0, 0, 3)), ar(2, 3)), s(3, 4),
                0, 0, 0, 0, 1, 0, 0, 2, 7, 0, 0, 5);
        check(NdArray.scatterAdd(s(2, 3, 4), ix(Index.at(1), Index.all(), Index.of(0, 3, 3)), ar(3, 3)), s(2, 3, 4),
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 1, 0, 0, 11, 2, 0, 0, 13);
        NdArray mask = NdArray.wrap(new boolean[] {false, true, true}, 3);
        check(NdArray.scatterAdd(s(3), ix(Index.array(mask)), NdArray.array(new double[] {5, 6})), s(3), 0, 5, 6);
    }

    @Test
    void scatterAddBroadcastAndDTypes() {
        // values (4,) broadcast to the indexing result (2, 4)
        check(NdArray.scatterAdd(s(3, 4), ix(Index.of(0, 0)), NdArray.array(new double[] {1, 2, 3, 4})), s(3, 4),
                2, 4, 6, 8, 0, 0, 0, 0, 0, 0, 0, 0);
        NdArray rl = NdArray.scatterAdd(s(3), ix(Index.of(0, 0, 2)), NdArray.array(new long[] {1, 2, 3}));
        assertEquals(DType.INT64, rl.dtype());
        check(rl, s(3), 3, 0, 3);
        NdArray rf = NdArray.scatterAdd(s(3), ix(Index.of(0, 0, 2)), NdArray.array(new float[] {1, 2, 3}));
        assertEquals(DType.FLOAT32, rf.dtype());
        check(rf, s(3), 3, 0, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NdArray.scatterAdd(s(3, 4), ix(Index.of(0, 0)), NdArray.zeros(3)));
        assertTrue(e.getMessage().contains("(3,)") && e.getMessage().contains("(2, 4)"), e.getMessage());
    }

    /** scatterAdd is the adjoint of getItem: <getItem(x), v> == <x, scatterAdd(v)>. */
    @Test
    void scatterAddIsAdjointOfGetItem() {
        NdArray z = ar(2, 3, 4);
        Index[] index = ix(Index.slice(null, null, -1), Index.of(2, 0, 2), Index.slice(1, null, 2));
        NdArray g = z.getItem(index);
        NdArray v = ar(g.shape());
        NdArray back = NdArray.scatterAdd(z.shape(), index, v);
        double lhs = 0;
        for (int i = 0; i < g.size(); i++) {
            lhs += g.getFlat(i) * v.getFlat(i);
        }
        double rhs = 0;
        for (int i = 0; i < z.size(); i++) {
            rhs += z.getFlat(i) * back.getFlat(i);
        }
        assertEquals(lhs, rhs, 0.0);
    }

    // ------------------------------------------------------------------ setItem

    @Test
    void setItem() {
        NdArray w = ar(3, 4);
        assertSame(w, w.setItem(ix(Index.of(0, 0), Index.of(1, 1)), NdArray.array(new double[] {7, 9})));
        check(w, s(3, 4), 0, 9, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11); // last write wins

        NdArray c = ar(3, 4);
        c.setItem(ix(Index.all(), Index.at(1)), NdArray.scalar(5));
        check(c, s(3, 4), 0, 5, 2, 3, 4, 5, 6, 7, 8, 5, 10, 11);

        long[] ld = new long[12];
        for (int i = 0; i < 12; i++) {
            ld[i] = i;
        }
        NdArray l = NdArray.wrap(ld, 3, 4);
        l.setItem(ix(Index.at(1)), NdArray.array(new double[] {1.7, 2.2, -3.9, 4}));
        assertEquals(DType.INT64, l.dtype());
        check(l, s(3, 4), 0, 1, 2, 3, 1, 2, -3, 4, 8, 9, 10, 11);

        NdArray m = ar(3, 4);
        boolean[] mask = new boolean[12];
        for (int i = 6; i < 12; i++) {
            mask[i] = true;
        }
        m.setItem(ix(Index.array(NdArray.wrap(mask, 3, 4))), NdArray.scalar(0.0));
        check(m, s(3, 4), 0, 1, 2, 3, 4, 5, 0, 0, 0, 0, 0, 0);

        NdArray r = ar(2, 3);
        r.setItem(ix(Index.slice(null, null, -1)), NdArray.wrap(new double[] {10, 20, 30}, 1, 1, 3));
        check(r, s(2, 3), 10, 20, 30, 10, 20, 30);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ar(3, 4).setItem(ix(Index.at(0)), NdArray.zeros(3)));
        assertTrue(e.getMessage().contains("(3,)") && e.getMessage().contains("(4,)"), e.getMessage());
    }
}
