package dezero.ndarray;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A seedable random generator for arrays that reproduces NumPy's <em>legacy</em> global
 * generator ({@code np.random.seed}, {@code np.random.rand}, ..., i.e. {@code RandomState} on
 * MT19937) bit for bit, so that a Java program seeded like a DeZero Python script draws the same
 * numbers in the same order.
 *
 * <pre>{@code
 * jshell> NdRandom.seedGlobal(0)                      // np.random.seed(0)
 * jshell> NdRandom.global().rand(3)                   // np.random.rand(3)
 * $2 ==> [0.5488135  0.71518937 0.60276338]
 * jshell> NdRandom.global().randn(DType.FLOAT32, 2)   // np.random.randn(2).astype(np.float32)
 * jshell> new NdRandom(42).permutation(5)             // np.random.RandomState(42).permutation(5)
 * $4 ==> [1 4 2 0 3]
 * }</pre>
 *
 * <p>What is reproduced exactly:
 * <ul>
 *   <li>seeding with an integer in {@code [0, 2**32 - 1]} ({@code init_genrand}, as NumPy's
 *       {@code _legacy_seeding} does for an int; other values are rejected like NumPy does);</li>
 *   <li>{@code random_sample}/{@code rand}/{@code uniform}: 53-bit doubles from two 32-bit draws;</li>
 *   <li>{@code randn}/{@code normal}: the Marsaglia polar method of {@code legacy_gauss}, including
 *       the cached second value, which survives across calls and is cleared by {@link #seed};</li>
 *   <li>{@code randint}: the legacy masked rejection sampling ({@code random_bounded_uint64_fill}
 *       with {@code use_masked}), with 32-bit draws when the range fits in 32 bits;</li>
 *   <li>{@code permutation}/{@code shuffle}: the legacy Fisher-Yates with {@code random_interval}.</li>
 * </ul>
 * The float32 overloads draw in float64 and round, like {@code .astype(np.float32)}.
 *
 * <p>Instances are thread-safe (each call holds the instance's lock, like NumPy's).
 */
public final class NdRandom {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private static final AtomicLong COUNTER = new AtomicLong(0x9E3779B97F4A7C15L);
    private static final NdRandom GLOBAL = new NdRandom();

    private final int[] mt = new int[N];
    private int mti;
    private boolean hasGauss;
    private double gauss;

    /** A generator seeded like {@code np.random.RandomState(seed)}; {@code seed} must be in [0, 2**32 - 1]. */
    public NdRandom(long seed) {
        seed(seed);
    }

    /** A generator seeded from the clock and a process-wide counter (not reproducible). */
    public NdRandom() {
        long s = System.nanoTime() ^ COUNTER.getAndAdd(0x9E3779B97F4A7C15L);
        initByArray(new int[] {(int) s, (int) (s >>> 32)});
        hasGauss = false;
        gauss = 0.0;
    }

    /** The shared process-wide generator, the counterpart of NumPy's global {@code np.random.*} state. */
    public static NdRandom global() {
        return GLOBAL;
    }

    /** {@code np.random.seed(seed)}: reseeds the {@linkplain #global() global} generator. */
    public static void seedGlobal(long seed) {
        GLOBAL.seed(seed);
    }

    /**
     * Reseeds this generator as {@code np.random.seed(seed)} does (and forgets a cached Gaussian).
     *
     * @throws IllegalArgumentException unless {@code 0 <= seed <= 2**32 - 1} (NumPy's range)
     */
    public synchronized void seed(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("seed must be between 0 and 2**32 - 1, got " + seed);
        }
        initGenrand((int) seed);
        hasGauss = false;
        gauss = 0.0;
    }

    // ------------------------------------------------------------------ MT19937 core

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        mti = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = UPPER_MASK;
        mti = N;
    }

    private void generate() {
        int kk;
        int y;
        for (kk = 0; kk < N - M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        for (; kk < N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        mti = 0;
    }

    /** The next 32-bit output of MT19937 (as a signed int holding the unsigned bits). */
    private int next32() {
        if (mti >= N) {
            generate();
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private long nextUint32() {
        return next32() & 0xFFFFFFFFL;
    }

    private long nextUint64() {
        long hi = nextUint32();
        long lo = nextUint32();
        return (hi << 32) | lo;
    }

    private double nextDoubleUnlocked() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    private double gaussUnlocked() {
        if (hasGauss) {
            double t = gauss;
            hasGauss = false;
            gauss = 0.0;
            return t;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDoubleUnlocked() - 1.0;
            x2 = 2.0 * nextDoubleUnlocked() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * GlibcLog.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** NumPy's {@code random_interval(max)}: uniform in [0, max] by masked rejection. */
    private long randomInterval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = genMask(max);
        long value;
        if (Long.compareUnsigned(max, 0xFFFFFFFFL) <= 0) {
            do {
                value = nextUint32() & mask;
            } while (Long.compareUnsigned(value, max) > 0);
        } else {
            do {
                value = nextUint64() & mask;
            } while (Long.compareUnsigned(value, max) > 0);
        }
        return value;
    }

    private static long genMask(long max) {
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        return mask;
    }

    // ------------------------------------------------------------------ scalar draws

    /** {@code np.random.random_sample()}: a float64 in [0, 1). */
    public synchronized double nextDouble() {
        return nextDoubleUnlocked();
    }

    /** {@code np.random.standard_normal()} of the legacy generator (uses/sets the cached value). */
    public synchronized double nextGaussian() {
        return gaussUnlocked();
    }

    // ------------------------------------------------------------------ arrays

    private static int[] checkShape(int[] shape, String op) {
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(op + ": negative dimensions are not allowed (shape "
                        + Shapes.str(shape) + ")");
            }
        }
        return shape.clone();
    }

    private static NdArray cast(double[] values, int[] shape, DType dtype, String op) {
        if (dtype == DType.FLOAT64) {
            return new NdArray(DType.FLOAT64, shape, values);
        }
        if (dtype == DType.FLOAT32) {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            return new NdArray(DType.FLOAT32, shape, f);
        }
        throw new IllegalArgumentException(op + ": dtype must be float64 or float32, got " + dtype);
    }

    /** {@code np.random.rand(*shape)}: float64 uniform in [0, 1). */
    public NdArray rand(int... shape) {
        return rand(DType.FLOAT64, shape);
    }

    /** {@code np.random.rand(*shape).astype(dtype)} (dtype float64 or float32). */
    public NdArray rand(DType dtype, int... shape) {
        return uniform(dtype, 0.0, 1.0, shape);
    }

    /** {@code np.random.randn(*shape)}: float64 standard normal. */
    public NdArray randn(int... shape) {
        return randn(DType.FLOAT64, shape);
    }

    /** {@code np.random.randn(*shape).astype(dtype)} (dtype float64 or float32). */
    public NdArray randn(DType dtype, int... shape) {
        int[] s = checkShape(shape, "randn");
        double[] v = new double[Shapes.size(s)];
        synchronized (this) {
            for (int i = 0; i < v.length; i++) {
                v[i] = gaussUnlocked();
            }
        }
        return cast(v, s, dtype, "randn");
    }

    /**
     * {@code np.random.uniform(low, high, shape)}: {@code low + (high - low) * random_sample()}. As in
     * NumPy, {@code low > high} is allowed (values then lie in (high, low]).
     */
    public NdArray uniform(double low, double high, int... shape) {
        return uniform(DType.FLOAT64, low, high, shape);
    }

    /** {@code np.random.uniform(low, high, shape).astype(dtype)} (dtype float64 or float32). */
    public NdArray uniform(DType dtype, double low, double high, int... shape) {
        int[] s = checkShape(shape, "uniform");
        double range = high - low;
        if (!Double.isFinite(range)) {
            throw new IllegalArgumentException("uniform: range high - low must be finite (low=" + low + ", high="
                    + high + ")");
        }
        double[] v = new double[Shapes.size(s)];
        synchronized (this) {
            for (int i = 0; i < v.length; i++) {
                v[i] = low + range * nextDoubleUnlocked();
            }
        }
        return cast(v, s, dtype, "uniform");
    }

    /** {@code np.random.normal(mean, std, shape)}: {@code mean + std * gauss}. */
    public NdArray normal(double mean, double std, int... shape) {
        return normal(DType.FLOAT64, mean, std, shape);
    }

    /** {@code np.random.normal(mean, std, shape).astype(dtype)} (dtype float64 or float32). */
    public NdArray normal(DType dtype, double mean, double std, int... shape) {
        int[] s = checkShape(shape, "normal");
        if (!(std >= 0)) {
            throw new IllegalArgumentException("normal: std (scale) must be >= 0, got " + std);
        }
        double[] v = new double[Shapes.size(s)];
        synchronized (this) {
            for (int i = 0; i < v.length; i++) {
                v[i] = mean + std * gaussUnlocked();
            }
        }
        return cast(v, s, dtype, "normal");
    }

    /**
     * {@code np.random.randint(low, high, shape)}: int64 uniform in [low, high), drawn with NumPy's
     * legacy masked rejection sampling.
     */
    public NdArray randint(long low, long high, int... shape) {
        int[] s = checkShape(shape, "randint");
        if (low >= high) {
            throw new IllegalArgumentException("randint: low >= high (low=" + low + ", high=" + high + ")");
        }
        long[] out = new long[Shapes.size(s)];
        long rng = high - 1 - low; // unsigned, at most 2**64 - 2
        synchronized (this) {
            if (rng == 0) {
                java.util.Arrays.fill(out, low);
            } else if (Long.compareUnsigned(rng, 0xFFFFFFFFL) <= 0) {
                if (rng == 0xFFFFFFFFL) {
                    for (int i = 0; i < out.length; i++) {
                        out[i] = low + nextUint32();
                    }
                } else {
                    long mask = genMask(rng);
                    for (int i = 0; i < out.length; i++) {
                        long val;
                        do {
                            val = nextUint32() & mask;
                        } while (val > rng);
                        out[i] = low + val;
                    }
                }
            } else {
                long mask = genMask(rng);
                for (int i = 0; i < out.length; i++) {
                    long val;
                    do {
                        val = nextUint64() & mask;
                    } while (Long.compareUnsigned(val, rng) > 0);
                    out[i] = low + val;
                }
            }
        }
        return new NdArray(DType.INT64, s, out);
    }

    /** The same as {@link #randint(long, long, int...)} (NumPy's legacy generator has no {@code integers}). */
    public NdArray integers(long low, long high, int... shape) {
        return randint(low, high, shape);
    }

    /** {@code np.random.permutation(n)}: a shuffled {@code arange(n)} (int64). */
    public NdArray permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation: n must be non-negative, got " + n);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        synchronized (this) {
            for (int i = n - 1; i >= 1; i--) {
                int j = (int) randomInterval(i);
                long t = v[i];
                v[i] = v[j];
                v[j] = t;
            }
        }
        return new NdArray(DType.INT64, new int[] {n}, v);
    }

    /** {@code np.random.shuffle(values)}: shuffles in place, drawing as NumPy does for a 1-d array. */
    public synchronized void shuffle(int[] values) {
        for (int i = values.length - 1; i >= 1; i--) {
            int j = (int) randomInterval(i);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /**
     * {@code np.random.shuffle(a)}: shuffles the array in place along its first axis (rows of a
     * matrix stay intact), with NumPy's draws. A 0-d array is rejected, as NumPy does.
     */
    public void shuffle(NdArray a) {
        if (a.shape.length == 0) {
            throw new IllegalArgumentException("shuffle: cannot shuffle a 0-d array");
        }
        int n = a.shape[0];
        if (a.size == 0) {
            return;
        }
        int row = a.size / n;
        Storage buf = Storage.alloc(a.dtype, row);
        synchronized (this) {
            for (int i = n - 1; i >= 1; i--) {
                int j = (int) randomInterval(i);
                if (i == j) {
                    continue;
                }
                a.data.copyTo(j * row, buf, 0, row);
                a.data.copyTo(i * row, a.data, j * row, row);
                buf.copyTo(0, a.data, i * row, row);
            }
        }
    }

    /**
     * Natural logarithm computed exactly as glibc (2.28 and later) computes {@code log} on x86-64
     * with FMA, which is what NumPy's {@code legacy_gauss} calls there. {@link Math#log} differs from
     * it in the last bit for roughly one input in a thousand, which would make {@code randn} drift
     * from NumPy. The algorithm, the polynomial coefficients and the table are those of Arm's
     * optimized-routines {@code log} (Copyright (c) 2018, Arm Limited, MIT licence) as shipped in
     * glibc; the FMA contractions follow the instructions of glibc's {@code __log_fma}. Checked
     * against glibc 2.36 on 1.5 million inputs with no difference. Only used for arguments in
     * (0, 1), where no special cases arise; anything else goes to {@link Math#log}.
     */
    static final class GlibcLog {
        private GlibcLog() {
        }

        private static final double LN2HI = 0x1.62e42fefa3800p-1;
        private static final double LN2LO = 0x1.ef35793c76730p-45;
        private static final double[] A = {
            -0x1.0000000000001p-1, 0x1.555555551305bp-2, -0x1.fffffffeb4590p-3, 0x1.999b324f10111p-3,
            -0x1.55575e506c89fp-3};
        private static final double[] B = {
            -0x1.0000000000000p-1, 0x1.5555555555577p-2, -0x1.ffffffffffdcbp-3,
            0x1.999999995dd0cp-3, -0x1.55555556745a7p-3, 0x1.24924a344de30p-3,
            -0x1.fffffa4423d65p-4, 0x1.c7184282ad6cap-4, -0x1.999eb43b068ffp-4,
            0x1.78182f7afd085p-4, -0x1.5521375d145cdp-4,
        };
        /** {invc, logc} pairs, 128 subintervals. */
        private static final double[] TAB = {
            0x1.734f0c3e0de9fp+0, -0x1.7cc7f79e69000p-2,
            0x1.713786a2ce91fp+0, -0x1.76feec20d0000p-2,
            0x1.6f26008fab5a0p+0, -0x1.713e31351e000p-2,
            0x1.6d1a61f138c7dp+0, -0x1.6b85b38287800p-2,
            0x1.6b1490bc5b4d1p+0, -0x1.65d5590807800p-2,
            0x1.69147332f0cbap+0, -0x1.602d076180000p-2,
            0x1.6719f18224223p+0, -0x1.5a8ca86909000p-2,
            0x1.6524f99a51ed9p+0, -0x1.54f4356035000p-2,
            0x1.63356aa8f24c4p+0, -0x1.4f637c36b4000p-2,
            0x1.614b36b9ddc14p+0, -0x1.49da7fda85000p-2,
            0x1.5f66452c65c4cp+0, -0x1.445923989a800p-2,
            0x1.5d867b5912c4fp+0, -0x1.3edf439b0b800p-2,
            0x1.5babccb5b90dep+0, -0x1.396ce448f7000p-2,
            0x1.59d61f2d91a78p+0, -0x1.3401e17bda000p-2,
            0x1.5805612465687p+0, -0x1.2e9e2ef468000p-2,
            0x1.56397cee76bd3p+0, -0x1.2941b3830e000p-2,
            0x1.54725e2a77f93p+0, -0x1.23ec58cda8800p-2,
            0x1.52aff42064583p+0, -0x1.1e9e129279000p-2,
            0x1.50f22dbb2bddfp+0, -0x1.1956d2b48f800p-2,
            0x1.4f38f4734ded7p+0, -0x1.141679ab9f800p-2,
            0x1.4d843cfde2840p+0, -0x1.0edd094ef9800p-2,
            0x1.4bd3ec078a3c8p+0, -0x1.09aa518db1000p-2,
            0x1.4a27fc3e0258ap+0, -0x1.047e65263b800p-2,
            0x1.4880524d48434p+0, -0x1.feb224586f000p-3,
            0x1.46dce1b192d0bp+0, -0x1.f474a7517b000p-3,
            0x1.453d9d3391854p+0, -0x1.ea4443d103000p-3,
            0x1.43a2744b4845ap+0, -0x1.e020d44e9b000p-3,
            0x1.420b54115f8fbp+0, -0x1.d60a22977f000p-3,
            0x1.40782da3ef4b1p+0, -0x1.cc00104959000p-3,
            0x1.3ee8f5d57fe8fp+0, -0x1.c202956891000p-3,
            0x1.3d5d9a00b4ce9p+0, -0x1.b81178d811000p-3,
            0x1.3bd60c010c12bp+0, -0x1.ae2c9ccd3d000p-3,
            0x1.3a5242b75dab8p+0, -0x1.a45402e129000p-3,
            0x1.38d22cd9fd002p+0, -0x1.9a877681df000p-3,
            0x1.3755bc5847a1cp+0, -0x1.90c6d69483000p-3,
            0x1.35dce49ad36e2p+0, -0x1.87120a645c000p-3,
            0x1.34679984dd440p+0, -0x1.7d68fb4143000p-3,
            0x1.32f5cceffcb24p+0, -0x1.73cb83c627000p-3,
            0x1.3187775a10d49p+0, -0x1.6a39a9b376000p-3,
            0x1.301c8373e3990p+0, -0x1.60b3154b7a000p-3,
            0x1.2eb4ebb95f841p+0, -0x1.5737d76243000p-3,
            0x1.2d50a0219a9d1p+0, -0x1.4dc7b8fc23000p-3,
            0x1.2bef9a8b7fd2ap+0, -0x1.4462c51d20000p-3,
            0x1.2a91c7a0c1babp+0, -0x1.3b08abc830000p-3,
            0x1.293726014b530p+0, -0x1.31b996b490000p-3,
            0x1.27dfa5757a1f5p+0, -0x1.2875490a44000p-3,
            0x1.268b39b1d3bbfp+0, -0x1.1f3b9f879a000p-3,
            0x1.2539d838ff5bdp+0, -0x1.160c8252ca000p-3,
            0x1.23eb7aac9083bp+0, -0x1.0ce7f57f72000p-3,
            0x1.22a012ba940b6p+0, -0x1.03cdc49fea000p-3,
            0x1.2157996cc4132p+0, -0x1.f57bdbc4b8000p-4,
            0x1.201201dd2fc9bp+0, -0x1.e370896404000p-4,
            0x1.1ecf4494d480bp+0, -0x1.d17983ef94000p-4,
            0x1.1d8f5528f6569p+0, -0x1.bf9674ed8a000p-4,
            0x1.1c52311577e7cp+0, -0x1.adc79202f6000p-4,
            0x1.1b17c74cb26e9p+0, -0x1.9c0c3e7288000p-4,
            0x1.19e010c2c1ab6p+0, -0x1.8a646b372c000p-4,
            0x1.18ab07bb670bdp+0, -0x1.78d01b3ac0000p-4,
            0x1.1778a25efbcb6p+0, -0x1.674f145380000p-4,
            0x1.1648d354c31dap+0, -0x1.55e0e6d878000p-4,
            0x1.151b990275fddp+0, -0x1.4485cdea1e000p-4,
            0x1.13f0ea432d24cp+0, -0x1.333d94d6aa000p-4,
            0x1.12c8b7210f9dap+0, -0x1.22079f8c56000p-4,
            0x1.11a3028ecb531p+0, -0x1.10e4698622000p-4,
            0x1.107fbda8434afp+0, -0x1.ffa6c6ad20000p-5,
            0x1.0f5ee0f4e6bb3p+0, -0x1.dda8d4a774000p-5,
            0x1.0e4065d2a9fcep+0, -0x1.bbcece4850000p-5,
            0x1.0d244632ca521p+0, -0x1.9a1894012c000p-5,
            0x1.0c0a77ce2981ap+0, -0x1.788583302c000p-5,
            0x1.0af2f83c636d1p+0, -0x1.5715e67d68000p-5,
            0x1.09ddb98a01339p+0, -0x1.35c8a49658000p-5,
            0x1.08cabaf52e7dfp+0, -0x1.149e364154000p-5,
            0x1.07b9f2f4e28fbp+0, -0x1.e72c082eb8000p-6,
            0x1.06ab58c358f19p+0, -0x1.a55f152528000p-6,
            0x1.059eea5ecf92cp+0, -0x1.63d62cf818000p-6,
            0x1.04949cdd12c90p+0, -0x1.228fb8caa0000p-6,
            0x1.038c6c6f0ada9p+0, -0x1.c317b20f90000p-7,
            0x1.02865137932a9p+0, -0x1.419355daa0000p-7,
            0x1.0182427ea7348p+0, -0x1.81203c2ec0000p-8,
            0x1.008040614b195p+0, -0x1.0040979240000p-9,
            0x1.fe01ff726fa1ap-1, 0x1.feff384900000p-9,
            0x1.fa11cc261ea74p-1, 0x1.7dc41353d0000p-7,
            0x1.f6310b081992ep-1, 0x1.3cea3c4c28000p-6,
            0x1.f25f63ceeadcdp-1, 0x1.b9fc114890000p-6,
            0x1.ee9c8039113e7p-1, 0x1.1b0d8ce110000p-5,
            0x1.eae8078cbb1abp-1, 0x1.58a5bd001c000p-5,
            0x1.e741aa29d0c9bp-1, 0x1.95c8340d88000p-5,
            0x1.e3a91830a99b5p-1, 0x1.d276aef578000p-5,
            0x1.e01e009609a56p-1, 0x1.07598e598c000p-4,
            0x1.dca01e577bb98p-1, 0x1.253f5e30d2000p-4,
            0x1.d92f20b7c9103p-1, 0x1.42edd8b380000p-4,
            0x1.d5cac66fb5ccep-1, 0x1.606598757c000p-4,
            0x1.d272caa5ede9dp-1, 0x1.7da76356a0000p-4,
            0x1.cf26e3e6b2ccdp-1, 0x1.9ab434e1c6000p-4,
            0x1.cbe6da2a77902p-1, 0x1.b78c7bb0d6000p-4,
            0x1.c8b266d37086dp-1, 0x1.d431332e72000p-4,
            0x1.c5894bd5d5804p-1, 0x1.f0a3171de6000p-4,
            0x1.c26b533bb9f8cp-1, 0x1.067152b914000p-3,
            0x1.bf583eeece73fp-1, 0x1.147858292b000p-3,
            0x1.bc4fd75db96c1p-1, 0x1.2266ecdca3000p-3,
            0x1.b951e0c864a28p-1, 0x1.303d7a6c55000p-3,
            0x1.b65e2c5ef3e2cp-1, 0x1.3dfc33c331000p-3,
            0x1.b374867c9888bp-1, 0x1.4ba366b7a8000p-3,
            0x1.b094b211d304ap-1, 0x1.5933928d1f000p-3,
            0x1.adbe885f2ef7ep-1, 0x1.66acd2418f000p-3,
            0x1.aaf1d31603da2p-1, 0x1.740f8ec669000p-3,
            0x1.a82e63fd358a7p-1, 0x1.815c0f51af000p-3,
            0x1.a5740ef09738bp-1, 0x1.8e92954f68000p-3,
            0x1.a2c2a90ab4b27p-1, 0x1.9bb3602f84000p-3,
            0x1.a01a01393f2d1p-1, 0x1.a8bed1c2c0000p-3,
            0x1.9d79f24db3c1bp-1, 0x1.b5b515c01d000p-3,
            0x1.9ae2505c7b190p-1, 0x1.c2967ccbcc000p-3,
            0x1.9852ef297ce2fp-1, 0x1.cf635d5486000p-3,
            0x1.95cbaeea44b75p-1, 0x1.dc1bd3446c000p-3,
            0x1.934c69de74838p-1, 0x1.e8c01b8cfe000p-3,
            0x1.90d4f2f6752e6p-1, 0x1.f5509c0179000p-3,
            0x1.8e6528effd79dp-1, 0x1.00e6c121fb800p-2,
            0x1.8bfce9fcc007cp-1, 0x1.071b80e93d000p-2,
            0x1.899c0dabec30ep-1, 0x1.0d46b9e867000p-2,
            0x1.87427aa2317fbp-1, 0x1.13687334bd000p-2,
            0x1.84f00acb39a08p-1, 0x1.1980d67234800p-2,
            0x1.82a49e8653e55p-1, 0x1.1f8ffe0cc8000p-2,
            0x1.8060195f40260p-1, 0x1.2595fd7636800p-2,
            0x1.7e22563e0a329p-1, 0x1.2b9300914a800p-2,
            0x1.7beb377dcb5adp-1, 0x1.3187210436000p-2,
            0x1.79baa679725c2p-1, 0x1.377266dec1800p-2,
            0x1.77907f2170657p-1, 0x1.3d54ffbaf3000p-2,
            0x1.756cadbd6130cp-1, 0x1.432eee32fe000p-2,
        };

        private static final long OFF = 0x3fe6000000000000L;
        private static final long NEAR1_LO = Double.doubleToRawLongBits(1.0 - 0x1p-4);
        private static final long NEAR1_HI = Double.doubleToRawLongBits(1.0 + 0x1.09p-4);

        static double log(double x) {
            long ix = Double.doubleToRawLongBits(x);
            if (Long.compareUnsigned(ix - NEAR1_LO, NEAR1_HI - NEAR1_LO) < 0) {
                if (x == 1.0) {
                    return 0.0;
                }
                double r = x - 1.0;
                double r2 = r * r;
                double r3 = r * r2;
                double p3 = Math.fma(r3, B[10], Math.fma(r2, B[9], Math.fma(r, B[8], B[7])));
                double p2 = Math.fma(r3, p3, Math.fma(r2, B[6], Math.fma(r, B[5], B[4])));
                double p1 = Math.fma(r3, p2, Math.fma(r2, B[3], Math.fma(r, B[2], B[1])));
                double w = r * 0x1p27;
                double rhi = r + w - w;
                double rlo = r - rhi;
                w = rhi * rhi * B[0];
                double hi = r + w;
                double lo = r - hi + w;
                lo = Math.fma(B[0] * rlo, rhi + r, lo);
                return Math.fma(r3, p1, lo) + hi;
            }
            if (!(x >= Double.MIN_NORMAL) || x == Double.POSITIVE_INFINITY) {
                return Math.log(x);
            }
            long tmp = ix - OFF;
            int i = (int) ((tmp >>> 45) & 127);
            int k = (int) (tmp >> 52);
            long iz = ix - (tmp & (0xfffL << 52));
            double invc = TAB[2 * i];
            double logc = TAB[2 * i + 1];
            double z = Double.longBitsToDouble(iz);
            double r = Math.fma(z, invc, -1.0);
            double kd = k;
            double w = Math.fma(kd, LN2HI, logc);
            double hi = w + r;
            double lo = Math.fma(kd, LN2LO, w - hi + r);
            double r2 = r * r;
            double p = Math.fma(r2, Math.fma(r, A[4], A[3]), Math.fma(r, A[2], A[1]));
            return Math.fma(r * r2, p, Math.fma(r2, A[0], lo)) + hi;
        }
    }
}
