package dezero.bench.jmh;

import dezero.ndarray.kernel.BinaryOp;
import dezero.ndarray.kernel.Kernel;
import dezero.ndarray.kernel.Kernels;
import dezero.ndarray.kernel.ReduceOp;
import dezero.ndarray.kernel.UnaryOp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * JMH micro-benchmarks of the two {@link Kernel} implementations side by side, on the operations
 * the workloads spend their time in: gemm, a contiguous and a broadcast binary op, exp and tanh,
 * and a row reduction. Run through the bench jar:
 *
 * <pre>{@code
 * java -jar dezero-bench/target/dezero-bench.jar jmh                      # everything (a few minutes)
 * java -jar dezero-bench/target/dezero-bench.jar jmh 'gemm' -p n=256       # JMH's own options follow
 * }</pre>
 *
 * The forked JVMs get {@code --add-modules jdk.incubator.vector}, so {@code kernel=vector} is the
 * Vector API implementation; {@code kernel=plain} is the plain-Java one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:PerMethodTrapLimit=100000", "-Xmx2g",
    "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch"})
public class KernelBenchmarks {
    @Param({"plain", "vector"})
    public String kernel;

    /** Side of the square matrices of {@link #gemm}. */
    @Param({"256"})
    public int n;

    /** Elements of the element-wise and reduction operands. */
    @Param({"1048576"})
    public int size;

    private Kernel k;
    private float[] a;
    private float[] b;
    private float[] c;
    private float[] x;
    private float[] y;
    private float[] out;
    private float[] rowSums;

    @Setup
    public void setUp() {
        if (kernel.equals("plain")) {
            k = Kernels.plain();
        } else {
            k = Kernels.get();
            if (k == Kernels.plain() || k.name().equals(Kernels.plain().name())) {
                throw new IllegalStateException("kernel=vector asked for, but the Vector API kernel is not in use: "
                        + "run with --add-modules jdk.incubator.vector");
            }
        }
        SplittableRandom r = new SplittableRandom(42);
        a = random(r, n * n);
        b = random(r, n * n);
        c = new float[n * n];
        x = random(r, size);
        y = random(r, size);
        out = new float[size];
        rowSums = new float[size / 1024];
    }

    private static float[] random(SplittableRandom r, int len) {
        float[] v = new float[len];
        for (int i = 0; i < len; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }

    /** C = A B, n x n float32 (2 n^3 flops). */
    @Benchmark
    public float[] gemm() {
        k.gemm(false, false, n, n, n, a, 0, n, b, 0, n, c, 0, n);
        return c;
    }

    /** C = A^T B: the transposed operand is handled by packing, not by a copy. */
    @Benchmark
    public float[] gemmTransposedA() {
        k.gemm(true, false, n, n, n, a, 0, n, b, 0, n, c, 0, n);
        return c;
    }

    /** out = x + y, contiguous. */
    @Benchmark
    public float[] add() {
        k.binary(BinaryOp.ADD, x, 0, 1, y, 0, 1, out, 0, size);
        return out;
    }

    /** out = x * s with s a broadcast scalar (stride 0). */
    @Benchmark
    public float[] mulBroadcastScalar() {
        k.binary(BinaryOp.MUL, x, 0, 1, y, 0, 0, out, 0, size);
        return out;
    }

    @Benchmark
    public float[] exp() {
        k.unary(UnaryOp.EXP, x, 0, out, 0, size);
        return out;
    }

    @Benchmark
    public float[] tanh() {
        k.unary(UnaryOp.TANH, x, 0, out, 0, size);
        return out;
    }

    /** Sums of rows of 1024 (sum over the last axis). */
    @Benchmark
    public float[] rowSum() {
        k.reduce(ReduceOp.SUM, x, 0, size / 1024, 1024, 1, rowSums, 0);
        return rowSums;
    }
}
