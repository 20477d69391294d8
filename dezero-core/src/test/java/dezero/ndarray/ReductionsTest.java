package dezero.ndarray;

import static dezero.ndarray.ElementwiseTest.assertError;
import static dezero.ndarray.ElementwiseTest.check;
import static dezero.ndarray.ElementwiseTest.checkB;
import static dezero.ndarray.ElementwiseTest.checkD;
import static dezero.ndarray.ElementwiseTest.checkF;
import static dezero.ndarray.ElementwiseTest.checkL;
import static dezero.ndarray.ElementwiseTest.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dezero.ndarray.kernel.ReduceOp;

import org.junit.jupiter.api.Test;

/** Expected values were computed with NumPy 2.4 and hard-coded (the tests never call Python). */
class ReductionsTest {

    /** np.arange(24.0).reshape(2, 3, 4) * 0.5 - 3 */
    static final NdArray X;

    static {
        double[] d = new double[24];
        for (int i = 0; i < 24; i++) {
            d[i] = i * 0.5 - 3;
        }
        X = NdArray.wrap(d, 2, 3, 4);
    }

    @Test
    void sumMaxMinMeanOverAxes() {
        check(Reductions.reduce(ReduceOp.SUM, X, null, false), s(), 66.0);
        check(Reductions.reduce(ReduceOp.SUM, X, null, true), s(1, 1, 1), 66.0);
        check(Reductions.reduce(ReduceOp.MAX, X, null, false), s(), 8.5);
        check(Reductions.reduce(ReduceOp.MIN, X, null, true), s(1, 1, 1), -3.0);
        check(Reductions.mean(X, null, false), s(), 2.75);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {0}, false), s(3, 4), 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {0}, true), s(1, 3, 4), 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0);
        check(Reductions.reduce(ReduceOp.MAX, X, new int[] {0}, false), s(3, 4), 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5);
        check(Reductions.reduce(ReduceOp.MIN, X, new int[] {0}, true), s(1, 3, 4), -3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5);
        check(Reductions.mean(X, new int[] {0}, false), s(3, 4), 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {1}, false), s(2, 4), -3.0, -1.5, 0.0, 1.5, 15.0, 16.5, 18.0, 19.5);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {1}, true), s(2, 1, 4), -3.0, -1.5, 0.0, 1.5, 15.0, 16.5, 18.0, 19.5);
        check(Reductions.reduce(ReduceOp.MAX, X, new int[] {1}, false), s(2, 4), 1.0, 1.5, 2.0, 2.5, 7.0, 7.5, 8.0, 8.5);
        check(Reductions.reduce(ReduceOp.MIN, X, new int[] {1}, true), s(2, 1, 4), -3.0, -2.5, -2.0, -1.5, 3.0, 3.5, 4.0, 4.5);
        check(Reductions.mean(X, new int[] {1}, false), s(2, 4), -1.0, -0.5, 0.0, 0.5, 5.0, 5.5, 6.0, 6.5);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {2}, false), s(2, 3), -9.0, -1.0, 7.0, 15.0, 23.0, 31.0);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {2}, true), s(2, 3, 1), -9.0, -1.0, 7.0, 15.0, 23.0, 31.0);
        check(Reductions.reduce(ReduceOp.MAX, X, new int[] {2}, false), s(2, 3), -1.5, 0.5, 2.5, 4.5, 6.5, 8.5);
        check(Reductions.reduce(ReduceOp.MIN, X, new int[] {2}, true), s(2, 3, 1), -3.0, -1.0, 1.0, 3.0, 5.0, 7.0);
        check(Reductions.mean(X, new int[] {2}, false), s(2, 3), -2.25, -0.25, 1.75, 3.75, 5.75, 7.75);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {-1}, false), s(2, 3), -9.0, -1.0, 7.0, 15.0, 23.0, 31.0);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {-1}, true), s(2, 3, 1), -9.0, -1.0, 7.0, 15.0, 23.0, 31.0);
        check(Reductions.reduce(ReduceOp.MAX, X, new int[] {-1}, false), s(2, 3), -1.5, 0.5, 2.5, 4.5, 6.5, 8.5);
        check(Reductions.reduce(ReduceOp.MIN, X, new int[] {-1}, true), s(2, 3, 1), -3.0, -1.0, 1.0, 3.0, 5.0, 7.0);
        check(Reductions.mean(X, new int[] {-1}, false), s(2, 3), -2.25, -0.25, 1.75, 3.75, 5.75, 7.75);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {0, 2}, false), s(3), 6.0, 22.0, 38.0);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {0, 2}, true), s(1, 3, 1), 6.0, 22.0, 38.0);
        check(Reductions.reduce(ReduceOp.MAX, X, new int[] {0, 2}, false), s(3), 4.5, 6.5, 8.5);
        check(Reductions.reduce(ReduceOp.MIN, X, new int[] {0, 2}, true), s(1, 3, 1), -3.0, -1.0, 1.0);
        check(Reductions.mean(X, new int[] {0, 2}, false), s(3), 0.75, 2.75, 4.75);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {0, 1}, false), s(4), 12.0, 15.0, 18.0, 21.0);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {0, 1}, true), s(1, 1, 4), 12.0, 15.0, 18.0, 21.0);
        check(Reductions.reduce(ReduceOp.MAX, X, new int[] {0, 1}, false), s(4), 7.0, 7.5, 8.0, 8.5);
        check(Reductions.reduce(ReduceOp.MIN, X, new int[] {0, 1}, true), s(1, 1, 4), -3.0, -2.5, -2.0, -1.5);
        check(Reductions.mean(X, new int[] {0, 1}, false), s(4), 2.0, 2.5, 3.0, 3.5);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {1, 2}, false), s(2), -3.0, 69.0);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {1, 2}, true), s(2, 1, 1), -3.0, 69.0);
        check(Reductions.reduce(ReduceOp.MAX, X, new int[] {1, 2}, false), s(2), 2.5, 8.5);
        check(Reductions.reduce(ReduceOp.MIN, X, new int[] {1, 2}, true), s(2, 1, 1), -3.0, 3.0);
        check(Reductions.mean(X, new int[] {1, 2}, false), s(2), -0.25, 5.75);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {-1, 0}, false), s(3), 6.0, 22.0, 38.0);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {-1, 0}, true), s(1, 3, 1), 6.0, 22.0, 38.0);
        check(Reductions.reduce(ReduceOp.MAX, X, new int[] {-1, 0}, false), s(3), 4.5, 6.5, 8.5);
        check(Reductions.reduce(ReduceOp.MIN, X, new int[] {-1, 0}, true), s(1, 3, 1), -3.0, -1.0, 1.0);
        check(Reductions.mean(X, new int[] {-1, 0}, false), s(3), 0.75, 2.75, 4.75);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {0, 1, 2}, false), s(), 66.0);
        check(Reductions.reduce(ReduceOp.SUM, X, new int[] {0, 1, 2}, true), s(1, 1, 1), 66.0);
        check(Reductions.reduce(ReduceOp.MAX, X, new int[] {0, 1, 2}, false), s(), 8.5);
        check(Reductions.reduce(ReduceOp.MIN, X, new int[] {0, 1, 2}, true), s(1, 1, 1), -3.0);
        check(Reductions.mean(X, new int[] {0, 1, 2}, false), s(), 2.75);
    }

    @Test
    void zeroAxesIsACopy() {
        NdArray r = Reductions.reduce(ReduceOp.SUM, X, new int[0], false);
        assertNotSame(X.data, r.data);
        assertArrayEquals(X.shape(), r.shape());
        assertArrayEquals(X.doubleData(), r.doubleData(), 0.0);
        NdArray b = NdArray.wrap(new boolean[] {true, false}, 2);
        checkL(b.sum(new int[0], false), new long[] {1, 0});
        checkB(b.max(new int[0], true), true, false);
    }

    @Test
    void publicApiShapes() {
        assertArrayEquals(s(), X.sum().shape());
        assertEquals(66.0, X.sum().item());
        assertArrayEquals(s(2, 1, 4), X.sum(1, true).shape());
        assertArrayEquals(s(3), X.max(new int[] {0, 2}, false).shape());
        assertEquals(2.75, X.mean().item());
        assertArrayEquals(s(2, 3, 1), X.mean(-1, true).shape());
        // 0-d reductions
        assertEquals(5.0, NdArray.scalar(5.0).sum().item());
        assertArrayEquals(s(), NdArray.scalar(5.0).sum(new int[0], false).shape());
    }

    @Test
    void integerAndBoolReductions() {
        NdArray l = NdArray.wrap(new long[] {3, -1, 4, 1, 5, -9}, 2, 3);
        checkL(l.sum(0, false), new long[] {4, 4, -5});
        checkL(l.sum(), new long[] {3});
        checkD(l.mean(1, false), DType.FLOAT64, new double[] {2.0, -1.0});
        checkL(l.max(1, false), new long[] {4, 5});
        checkL(l.min(), new long[] {-9});
        NdArray b = NdArray.wrap(new boolean[] {true, false, true, true, true, false}, 2, 3);
        checkL(b.sum(1, false), new long[] {2, 2});
        checkB(b.max(1, false), true, true);
        checkD(b.mean(), DType.FLOAT64, new double[] {0.6666666666666666});
        // int64 sums are exact beyond 2^53
        checkL(NdArray.array(new long[] {1L << 60, 1, 1}).sum(), new long[] {(1L << 60) + 2});
    }

    @Test
    void float32Reductions() {
        NdArray f = NdArray.array(new float[][] {{0.1f, 0.2f, 0.3f}, {1e8f, 1.0f, -1e8f}});
        // float32 sums accumulate in double: the second row gives 1.0 where NumPy's float32
        // pairwise sum gives 0.0 (documented deviation: more accurate, same dtype)
        checkF(f.sum(1, false), new float[] {0.6000000238418579f, 1.0f});
        checkF(f.sum(0, false), new float[] {100000000.0f, 1.2000000476837158f, -100000000.0f});
        checkF(f.mean(0, false), new float[] {50000000.0f, 0.6000000238418579f, -50000000.0f});
        checkF(f.max(0, false), new float[] {100000000.0f, 1.0f, 0.30000001192092896f});
        checkF(f.min(new int[] {0, 1}, true), new float[] {-1e8f});
        assertArrayEquals(s(1, 1), f.min(new int[] {0, 1}, true).shape());
    }

    @Test
    void nanPropagates() {
        NdArray n = NdArray.array(new double[][] {{1.0, Double.NaN, 3.0}, {4.0, 5.0, 6.0}});
        checkD(n.max(1, false), DType.FLOAT64, new double[] {Double.NaN, 6.0});
        checkD(n.min(0, false), DType.FLOAT64, new double[] {1.0, Double.NaN, 3.0});
        checkD(n.max(), DType.FLOAT64, new double[] {Double.NaN});
        checkD(n.sum(1, false), DType.FLOAT64, new double[] {Double.NaN, 15.0});
        checkF(n.astype(DType.FLOAT32).max(1, false), new float[] {Float.NaN, 6f});
    }

    @Test
    void emptyReductions() {
        checkD(NdArray.zeros(0, 3).sum(0, false), DType.FLOAT64, new double[] {0, 0, 0});
        checkD(NdArray.zeros(2, 0).sum(1, false), DType.FLOAT64, new double[] {0, 0});
        checkL(NdArray.zeros(DType.INT64, 0).sum(), new long[] {0});
        assertArrayEquals(s(0), NdArray.zeros(0, 3).max(1, false).shape());
        assertError(IllegalArgumentException.class, () -> NdArray.zeros(0, 3).max(0, false),
                "zero-size array to reduction operation maximum which has no identity");
        assertError(IllegalArgumentException.class, () -> NdArray.zeros(0).min(),
                "zero-size array to reduction operation minimum which has no identity");
        assertError(IllegalArgumentException.class, () -> NdArray.zeros(0, 0).max(0, false),
                "zero-size array to reduction operation maximum");
        checkD(NdArray.zeros(0).mean(), DType.FLOAT64, new double[] {Double.NaN});
    }

    @Test
    void badAxes() {
        assertError(IllegalArgumentException.class, () -> X.sum(3, false), "sum", "axis 3", "(2, 3, 4)");
        assertError(IllegalArgumentException.class, () -> X.max(new int[] {0, -3}, false), "max", "duplicate");
        assertError(IllegalArgumentException.class, () -> X.mean(-4, false), "(2, 3, 4)");
        assertError(IllegalArgumentException.class, () -> X.argmax(3), "argmax", "(2, 3, 4)");
    }

    @Test
    void argExtreme() {
        NdArray n = NdArray.array(new double[][] {{1.0, Double.NaN, 3.0}, {4.0, 5.0, 6.0}});
        checkL(n.argmax(), new long[] {1}); // the first NaN wins
        assertArrayEquals(s(), n.argmax().shape());
        checkL(n.argmax(1), new long[] {1, 2});
        checkL(n.argmin(0), new long[] {0, 0, 0});
        checkL(n.astype(DType.FLOAT32).argmin(1), new long[] {1, 0});
        NdArray t = NdArray.wrap(new long[] {1, 3, 3, 2, 2, 1, 0, 5, 5}, 3, 3);
        checkL(t.argmax(1), new long[] {1, 0, 1}); // first occurrence on ties
        checkL(t.argmin(0), new long[] {2, 1, 1});
        checkL(t.argmax(), new long[] {7});
        checkL(t.argmin(1), new long[] {0, 2, 0});
        checkL(t.astype(DType.FLOAT64).argmin(-1), new long[] {0, 2, 0});
        NdArray ax1 = X.argmax(1);
        assertArrayEquals(s(2, 4), ax1.shape());
        checkL(ax1, new long[] {2, 2, 2, 2, 2, 2, 2, 2});
        checkL(X.argmin(-1), new long[] {0, 0, 0, 0, 0, 0});
        checkL(NdArray.wrap(new boolean[] {false, true, true}, 3).argmax(), new long[] {1});
        assertError(IllegalArgumentException.class, () -> NdArray.zeros(0).argmax(), "argmax", "empty");
        assertArrayEquals(s(0), NdArray.zeros(0, 3).argmax(1).shape());
    }
}
