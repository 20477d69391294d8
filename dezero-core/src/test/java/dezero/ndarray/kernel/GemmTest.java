package dezero.ndarray.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * gemm of both kernels against a naive triple loop in double: every transA/transB combination,
 * operand offsets and leading dimensions larger than the rows, float32 and float64, on awkward
 * sizes (around the micro-tile and vector widths, thin shapes of an output layer and a batch of
 * one, and sizes that cross the packing blocks and the thread split).
 */
@Tag("vector-api") // needs the incubator module: not in the plain-kernel run
class GemmTest {
    static final int[] AWKWARD = {1, 3, 7, 8, 13, 16, 25};
    /** (m, n, k) beyond the small sizes: block edges, thin shapes, the parallel split. */
    static final int[][] SHAPES = {
        {207, 10, 60}, {100, 10, 300}, {1, 207, 100}, {2, 1023, 5}, {3, 50, 257}, {20, 60, 300}, {130, 97, 30},
        {1023, 1, 16}, {9, 1600, 3}, {100, 300, 40},
        // one panel of B with op(A) read in place: depth over several blocks, n = V and below, row remainders
        {64, 10, 5408}, {600, 16, 64}, {37, 9, 700}, {1000, 10, 100},
        // the blocking derived from the caches (GemmBlocking): depth over more than one kc block (kc is
        // 256 to 2048 on current CPUs) with B read in place (few rows) and packed (rows over several mc blocks)
        {100, 200, 2100}, {300, 100, 2100},
        // a last panel of B two vectors wide or less (n - 48j in 17..32 for float32's 3V = 48, 9..16 for float64's
        // 24): the 8 x 2V micro-kernels, A packed in rows or 8-row panels, B in place or packed, several depth blocks
        {100, 80, 2100}, {300, 170, 1100}, {70, 60, 40},
        // dot products along the depth (n below a vector, VectorGemmDot): blocks of 4 x 5, 4 x 2, 4 x 1 columns,
        // rows left over, a depth with a tail after the last vector, B packed (from a depth of 8 vectors) or read
        // transposed; on two threads or more, B packed by columns per thread (6 + 7 columns: 5 + 1 and 5 + 2)
        {100, 10, 1000}, {101, 3, 77}, {97, 15, 64}, {130, 9, 100}, {64, 7, 300}, {6, 4, 130}, {20, 13, 200},
        {42, 13, 4001},
        // op(A) transposed with n below a vector (VectorGemmNarrow): blocks of 5 columns and single ones,
        // rows left over after the blocks of 2V, a one-step depth
        {1000, 10, 100}, {77, 6, 1}, {33, 15, 9},
    };

    final Kernel[] kernels = {new PlainKernel(), new VectorKernel()};
    final Random rnd = new Random(11);

    /** op(A)[i][p] * op(B)[p][j] summed in double. */
    static double[] reference(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, int lda,
                              double[] b, int bo, int ldb) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[ao + p * lda + i] : a[ao + i * lda + p];
                    double y = tb ? b[bo + j * ldb + p] : b[bo + p * ldb + j];
                    s += x * y;
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    void check(int m, int n, int k) {
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 1) != 0;
            boolean tb = (t & 2) != 0;
            int aRows = ta ? k : m;
            int aCols = ta ? m : k;
            int bRows = tb ? n : k;
            int bCols = tb ? k : n;
            int lda = aCols + (m % 3);
            int ldb = bCols + 2;
            int ldc = n + 1;
            int ao = 5;
            int bo = 2;
            int co = 3;
            double[] a = new double[ao + aRows * lda];
            double[] b = new double[bo + bRows * ldb];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (rnd.nextDouble() * 2 - 1);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) (rnd.nextDouble() * 2 - 1);
            }
            double[] ref = reference(ta, tb, m, n, k, a, ao, lda, b, bo, ldb);
            float[] af = new float[a.length];
            float[] bf = new float[b.length];
            for (int i = 0; i < a.length; i++) {
                af[i] = (float) a[i];
            }
            for (int i = 0; i < b.length; i++) {
                bf[i] = (float) b[i];
            }
            for (Kernel kern : kernels) {
                double[] c = new double[co + m * ldc + 1];
                float[] cf = new float[co + m * ldc + 1];
                java.util.Arrays.fill(c, 42);
                java.util.Arrays.fill(cf, 42);
                kern.gemm(ta, tb, m, n, k, a, ao, lda, b, bo, ldb, c, co, ldc);
                kern.gemm(ta, tb, m, n, k, af, ao, lda, bf, bo, ldb, cf, co, ldc);
                String what = kern.name() + " " + m + "x" + n + "x" + k + " transA=" + ta + " transB=" + tb;
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double e = ref[i * n + j];
                        assertEquals(e, c[co + i * ldc + j], 1e-12 * k, what + " at " + i + "," + j);
                        assertEquals(e, cf[co + i * ldc + j], 2e-6 * Math.sqrt(k) * 2, what + " float at " + i + "," + j);
                    }
                    if (n < ldc) {
                        // the gap between rows is left alone
                        assertEquals(42, c[co + i * ldc + n], 0.0, what + " wrote past row " + i);
                        assertEquals(42, cf[co + i * ldc + n], 0.0f, what + " float wrote past row " + i);
                    }
                }
                assertEquals(42, c[co - 1], 0.0, what + " wrote before C");
                assertEquals(42, c[c.length - 1], 0.0, what + " wrote after C");
            }
        }
    }

    @Test
    void awkwardSizes() {
        for (int m : AWKWARD) {
            for (int n : AWKWARD) {
                for (int k : new int[] {1, 8, 25}) {
                    check(m, n, k);
                }
            }
        }
    }

    @Test
    void blockEdgesThinShapesAndThreads() {
        for (int[] s : SHAPES) {
            check(s[0], s[1], s[2]);
        }
    }

    @Test
    void emptyDepthGivesZerosAndBadArgumentsAreRefused() {
        for (Kernel kern : kernels) {
            double[] c = {7, 7, 7, 7};
            kern.gemm(false, false, 2, 2, 0, new double[0], 0, 0, new double[0], 0, 2, c, 0, 2);
            assertEquals(0.0, c[3], 0.0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> kern.gemm(false, false, 2, 2, 2, new float[3], 0, 2, new float[4], 0, 2, new float[4], 0, 2));
            assertEquals(true, e.getMessage().contains("gemm: A is 2 x 2"), e.getMessage());
        }
    }
}
