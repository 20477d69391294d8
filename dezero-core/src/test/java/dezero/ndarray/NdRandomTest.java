package dezero.ndarray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every expected value was produced by NumPy 2.4 (legacy {@code np.random.seed} / {@code np.random.*})
 * on Linux x86-64 with glibc 2.36, and is compared bit for bit.
 */
class NdRandomTest {

    private static void assertBits(double[] expected, NdArray actual) {
        assertEquals(DType.FLOAT64, actual.dtype());
        double[] got = actual.doubleData();
        assertEquals(expected.length, got.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(got[i]),
                    "element " + i + ": expected " + expected[i] + " got " + got[i]);
        }
    }

    @Test
    void randMatchesNumpySeed0() {
        NdRandom r = new NdRandom(0);
        NdArray a = r.rand(3);
        assertArrayEquals(new int[] {3}, a.shape());
        assertBits(new double[] {0.5488135039273248, 0.7151893663724195, 0.6027633760716439}, a);
    }

    @Test
    void randnMatchesNumpySeed0() {
        assertBits(new double[] {1.764052345967664, 0.4001572083672233, 0.9787379841057392, 2.240893199201458,
            1.8675579901499675}, new NdRandom(0).randn(5));
    }

    @Test
    void longRandnStreamMatchesNumpyIncludingHardLogs() {
        // These positions are where java.lang.Math.log differs from glibc's log in the last bit.
        double[] v = new NdRandom(0).randn(50000).doubleData();
        assertEquals(0.45248909263964643, v[662], 0);
        assertEquals(0.0978961454126271, v[663], 0);
        assertEquals(-0.14711307593695994, v[9008], 0);
        assertEquals(-0.3678592222981023, v[9009], 0);
        assertEquals(-0.533279619594086, v[10276], 0);
        assertEquals(1.342054792081476, v[13177], 0);
        assertEquals(-1.3048652590380458, v[46267], 0);
        assertEquals(-1.2508269634858589, v[49999], 0);
    }

    @Test
    void gaussCachePersistsAcrossCallsAndSeedResetsIt() {
        NdRandom r = new NdRandom(0);
        assertEquals(1.764052345967664, r.randn(1).doubleData()[0], 0);
        assertEquals(0.4001572083672233, r.randn(1).doubleData()[0], 0);
        assertEquals(0.9787379841057392, r.nextGaussian(), 0);
        r.seed(0);
        r.randn(1); // leaves a cached value
        r.seed(0);
        assertBits(new double[] {1.764052345967664, 0.4001572083672233}, r.randn(2));
    }

    @Test
    void scalarDrawsAndZeroDimensionalArrays() {
        NdRandom r = new NdRandom(0);
        assertEquals(0.5488135039273248, r.nextDouble(), 0);
        NdArray a = r.rand();
        assertEquals(0, a.ndim());
        assertEquals(0.7151893663724195, a.item(), 0);
    }

    @Test
    void float32OverloadsCastFloat64Draws() {
        NdArray a = new NdRandom(0).rand(DType.FLOAT32, 2, 3);
        assertEquals(DType.FLOAT32, a.dtype());
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new float[] {(float) 0.54881352186203, (float) 0.7151893377304077, (float) 0.6027633547782898,
            (float) 0.5448831915855408, (float) 0.42365479469299316, (float) 0.6458941102027893}, a.floatData());
        NdArray u = new NdRandom(0).uniform(DType.FLOAT32, -1, 1, 3);
        assertArrayEquals(new float[] {(float) 0.09762700647115707, (float) 0.4303787350654602,
            (float) 0.20552675426006317}, u.floatData());
        NdArray n = new NdRandom(0).randn(DType.FLOAT32, 2);
        assertArrayEquals(new float[] {(float) 1.764052345967664, (float) 0.4001572083672233}, n.floatData());
        assertThrows(IllegalArgumentException.class, () -> new NdRandom(0).rand(DType.INT64, 2));
    }

    @Test
    void randintSmallRanges() {
        NdArray a = new NdRandom(1).randint(0, 10, 8);
        assertEquals(DType.INT64, a.dtype());
        assertArrayEquals(new long[] {5, 8, 9, 5, 0, 0, 1, 7}, a.longData());
        assertArrayEquals(new long[] {2, 0, 1, -3, -2, 0}, new NdRandom(1).randint(-3, 3, 6).longData());
        assertArrayEquals(new long[] {2, 0, 1, -3, -2, 0}, new NdRandom(1).integers(-3, 3, 6).longData());
    }

    @Test
    void randintWideRanges() {
        assertArrayEquals(new long[] {163196666086L, 1095766950788L, 876169207424L},
                new NdRandom(1).randint(-5, 1L << 40, 3).longData());
        assertArrayEquals(new long[] {1791095845L, 4282876139L, 3093770124L},
                new NdRandom(1).randint(0, 1L << 32, 3).longData());
        assertArrayEquals(new long[] {-1530673954295414549L, 4064269471072392264L, -9221262077785750647L},
                new NdRandom(1).randint(Long.MIN_VALUE, Long.MAX_VALUE, 3).longData());
    }

    @Test
    void randintOfOneValueDrawsNothing() {
        NdRandom r = new NdRandom(1);
        assertArrayEquals(new long[] {5, 5, 5}, r.randint(5, 6, 3).longData());
        assertBits(new double[] {0.417022004702574}, r.rand(1));
    }

    @Test
    void permutationAndShuffle() {
        NdArray p = new NdRandom(0).permutation(10);
        assertEquals(DType.INT64, p.dtype());
        assertArrayEquals(new long[] {2, 8, 4, 9, 1, 6, 7, 3, 0, 5}, p.longData());
        assertArrayEquals(new long[] {1, 4, 2, 0, 3}, new NdRandom(42).permutation(5).longData());
        int[] v = {0, 1, 2, 3, 4, 5, 6};
        new NdRandom(3).shuffle(v);
        assertArrayEquals(new int[] {4, 6, 5, 3, 1, 0, 2}, v);
        NdArray m = NdArray.wrap(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 4, 3);
        new NdRandom(3).shuffle(m);
        assertArrayEquals(new double[] {9, 10, 11, 3, 4, 5, 0, 1, 2, 6, 7, 8}, m.doubleData());
        assertEquals(0, new NdRandom(0).permutation(0).size());
    }

    @Test
    void mixedSequenceFromOneSeed() {
        NdRandom r = new NdRandom(7);
        assertBits(new double[] {0.07630828937395717, 0.7799187922401146}, r.rand(2));
        assertBits(new double[] {1.690525703800356, -0.4659373705408328, 0.0328201636785844}, r.randn(3));
        assertArrayEquals(new long[] {72, 89, 42, 90}, r.randint(0, 100, 4).longData());
        assertArrayEquals(new long[] {1, 2, 3, 5, 4, 0}, r.permutation(6).longData());
        assertBits(new double[] {0.40751628299650783, -0.16313207477419955}, r.randn(2));
        assertBits(new double[] {1.7287805831588408, -0.3598439392602535}, r.uniform(-1, 2, 2));
        assertBits(new double[] {9.832881205011523, 10.374390537811594, 9.95843208381856}, r.normal(10, 0.5, 3));
    }

    @Test
    void globalGeneratorAndSeedRange() {
        NdRandom.seedGlobal(0);
        assertBits(new double[] {0.5488135039273248, 0.7151893663724195}, NdRandom.global().rand(2));
        assertTrue(NdRandom.global() == NdRandom.global());
        assertBits(new double[] {0.0976320289940138, 0.9123828453026218}, new NdRandom(4294967295L).rand(2));
        assertThrows(IllegalArgumentException.class, () -> new NdRandom(-1));
        assertThrows(IllegalArgumentException.class, () -> new NdRandom(1L << 32));
        assertNotEquals(new NdRandom().nextDouble(), new NdRandom().nextDouble());
    }

    @Test
    void argumentErrors() {
        NdRandom r = new NdRandom(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.rand(2, -1));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.randn(-3));
        e = assertThrows(IllegalArgumentException.class, () -> r.randint(3, 3));
        assertTrue(e.getMessage().contains("low >= high"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.normal(0, -1, 2));
        assertTrue(e.getMessage().contains("std"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.permutation(-1));
        assertThrows(IllegalArgumentException.class, () -> r.uniform(0, Double.POSITIVE_INFINITY, 2));
        // As in NumPy, low > high is allowed for uniform.
        NdArray u = r.uniform(2, 1, 3);
        for (double d : u.doubleData()) {
            assertTrue(d > 1 && d <= 2, "value " + d);
        }
    }
}
