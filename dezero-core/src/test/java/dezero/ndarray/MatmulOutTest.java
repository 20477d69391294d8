package dezero.ndarray;

import org.junit.jupiter.api.Test;

import static dezero.MessageAssertions.assertMentions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link NdArray#matmul(NdArray, boolean, boolean, NdArray)}: np.matmul(..., out=). */
class MatmulOutTest {
    private static final boolean[][] FLAGS = {{false, false}, {false, true}, {true, false}, {true, true}};

    @Test
    void writesTheProductIntoOut() {
        // [[0, 1, 2], [3, 4, 5]] @ [[1, 0], [0, 1], [1, 1]] = [[2, 3], [8, 9]]
        NdArray a = NdArray.arange(0, 6, 1).reshape(2, 3).astype(DType.FLOAT64);
        NdArray b = NdArray.array(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        NdArray out = NdArray.full(7.0, DType.FLOAT64, 2, 2);
        assertSame(out, a.matmul(b, false, false, out));
        assertArrayEquals(new double[] {2, 3, 8, 9}, out.toDoubleArray());
    }

    @Test
    void everyFlagAndDtypeMatchesTheAllocatingProduct() {
        NdRandom rnd = new NdRandom(3);
        for (DType t : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            for (boolean[] f : FLAGS) {
                // large enough for the packed kernel paths: 37 x 29 x 53
                NdArray a = rnd.randn(f[0] ? new int[] {29, 37} : new int[] {37, 29}).astype(t);
                NdArray b = rnd.randn(f[1] ? new int[] {53, 29} : new int[] {29, 53}).astype(t);
                NdArray out = NdArray.zeros(t, 37, 53);
                a.matmul(b, f[0], f[1], out);
                assertArrayEquals(a.matmul(b, f[0], f[1]).toDoubleArray(), out.toDoubleArray(), 0.0);
            }
        }
    }

    @Test
    void anOutSharingAnOperandGetsTheRightProduct() {
        NdArray a = NdArray.array(new double[][] {{1, 2}, {3, 4}});
        NdArray expected = a.matmul(a, false, true);
        a.matmul(a, false, true, a);
        assertArrayEquals(expected.toDoubleArray(), a.toDoubleArray());
        NdArray b = NdArray.array(new double[][] {{1, 2}, {3, 4}});
        NdArray view = b.reshape(2, 2); // the same elements under another array
        NdArray left = NdArray.array(new double[][] {{0, 1}, {1, 0}});
        left.matmul(b, false, false, view);
        assertArrayEquals(new double[] {3, 4, 1, 2}, b.toDoubleArray());
    }

    @Test
    void refusesAnOutOfTheWrongShapeOrDtype() {
        NdArray a = NdArray.ones(DType.FLOAT32, 2, 3);
        NdArray b = NdArray.ones(DType.FLOAT32, 3, 4);
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> a.matmul(b, false, false, NdArray.zeros(DType.FLOAT32, 4, 2))), "out has shape (4, 2)", "(2, 4)");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> a.matmul(b, false, false, NdArray.zeros(DType.FLOAT32, 8))), "out has shape (8,)");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> a.matmul(b, false, false, NdArray.zeros(DType.FLOAT64, 2, 4))), "out is float64", "float32");
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> a.matmul(b, true, false, NdArray.zeros(DType.FLOAT32, 2, 4))), "not aligned", "depth 2 != 3");
        NdArray i = NdArray.arange(4).reshape(2, 2);
        assertMentions(assertThrows(IllegalArgumentException.class,
                () -> i.matmul(i, false, false, NdArray.zeros(DType.INT64, 2, 2))), "not floating");
    }
}
