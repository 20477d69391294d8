package dezero.bench;

import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.DType;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.ndarray.kernel.Kernel;
import dezero.ndarray.kernel.Kernels;
import dezero.ndarray.kernel.UnaryOp;

import java.util.ArrayList;
import java.util.List;

/**
 * The workloads, each defined as in {@code numpy_ref.py} (read it for the NumPy side), reporting
 * the median of several repetitions after JIT warm-up.
 */
final class Workloads {
    private Workloads() {
    }

    static final int[] GEMM_SIZES = {256, 512, 1024, 2048, 4096};
    /** The sizes also measured into an existing C. */
    static final int[] OUT_SIZES = {512, 2048};

    /**
     * The products of the training workloads (float32): m, k, n, op(A) transposed, op(B) transposed. mlp-epoch's
     * forward 100x784 . 784x1000 and its weight gradient; cnn-step's 64x5408 . 5408x10 and both of its gradients.
     */
    static final int[][] TRAINING_PRODUCTS = {
        {100, 784, 1000, 0, 0}, {784, 100, 1000, 1, 0}, {100, 1000, 784, 0, 1},
        {64, 5408, 10, 0, 0}, {5408, 64, 10, 1, 0}, {64, 10, 5408, 0, 1},
    };

    /** n x n float32/float64 products through NdArray.matmul (which allocates C, like a @ b), then the training shapes. */
    static List<Result> gemm() {
        List<Result> out = new ArrayList<>();
        NdRandom rnd = new NdRandom(0);
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int n : GEMM_SIZES) {
                NdArray a = rnd.rand(t, n, n);
                NdArray b = rnd.rand(t, n, n);
                out.add(new Result("gemm", t + " n=" + n, product(n, n, n, () -> a.matmul(b)), "GFLOP/s"));
            }
        }
        // the same products into an existing C (np.matmul(a, b, out=c)): the kernel without the allocation
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int n : OUT_SIZES) {
                NdArray a = rnd.rand(t, n, n);
                NdArray b = rnd.rand(t, n, n);
                NdArray c = NdArray.zeros(t, n, n);
                out.add(new Result("gemm", t + " n=" + n + " into C", product(n, n, n, () -> a.matmul(b, false, false, c)),
                        "GFLOP/s"));
            }
        }
        for (int[] s : TRAINING_PRODUCTS) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            boolean ta = s[3] == 1;
            boolean tb = s[4] == 1;
            NdArray a = ta ? rnd.rand(DType.FLOAT32, k, m) : rnd.rand(DType.FLOAT32, m, k);
            NdArray b = tb ? rnd.rand(DType.FLOAT32, n, k) : rnd.rand(DType.FLOAT32, k, n);
            String name = "float32 " + (ta ? "(" + k + "x" + m + ")^T" : m + "x" + k) + " . "
                    + (tb ? "(" + n + "x" + k + ")^T" : k + "x" + n);
            out.add(new Result("gemm", name, product(m, n, k, () -> a.matmul(b, ta, tb)), "GFLOP/s"));
        }
        return out;
    }

    /**
     * GFLOP/s of an m x n x k product: the median of 5 timed runs (3 from 4096^3 on) of about 2 GFLOP of products
     * each (one product when it is larger), after at least a second of warm-up ({@link Timing}).
     */
    private static double product(int m, int n, int k, Runnable body) {
        double flops = 2.0 * m * n * k;
        int reps = (int) Math.max(1, 1e10 / flops / 5);
        double s = Timing.median(2, flops >= 1e11 ? 3 : 5, () -> {
            for (int i = 0; i < reps; i++) {
                body.run();
            }
        }) / reps;
        return flops / s / 1e9;
    }

    /** Step 28's loop: 10,000 iterations of building the graph, backward and the update, from (0, 2), lr 0.001. */
    static List<Result> rosenbrock() {
        double cold = rosenbrockLoop() * 1e3;
        double warm = Timing.median(3, 7, Workloads::rosenbrockLoop) * 1e3;
        return List.of(new Result("rosenbrock", "10000 iterations (first run, cold JIT)", cold, "ms"),
                new Result("rosenbrock", "10000 iterations", warm, "ms"));
    }

    private static double rosenbrockLoop() {
        long start = System.nanoTime();
        Variable x0 = Variable.of(0.0);
        Variable x1 = Variable.of(2.0);
        double lr = 0.001;
        for (int i = 0; i < 10_000; i++) {
            Variable y = x1.sub(x0.pow(2)).pow(2).mul(100).add(x0.sub(1).pow(2));
            x0.cleargrad();
            x1.cleargrad();
            y.backward();
            x0.setData(x0.data().sub(x0.grad().data().mul(lr)));
            x1.setData(x1.data().sub(x1.grad().data().mul(lr)));
        }
        double secs = (System.nanoTime() - start) / 1e9;
        // after 10,000 updates (the book prints 0.99449622 after 9,999)
        if (Math.abs(x0.data().item() - 0.99449844) > 1e-6) {
            throw new IllegalStateException("rosenbrock: wrong end point x0 = " + x0.data().item());
        }
        return secs;
    }

    /** exp and tanh of 4M float32 into a preallocated output (as np.exp(a, out=out)), and a broadcast add. */
    static List<Result> elementwise() {
        NdRandom rnd = new NdRandom(0);
        int n = 4 * 1024 * 1024;
        float[] a = rnd.rand(DType.FLOAT32, n).floatData();
        float[] o = new float[n];
        Kernel k = Kernels.get();
        double exp = Timing.median(5, 9, () -> k.unary(UnaryOp.EXP, a, 0, o, 0, n));
        double tanh = Timing.median(5, 9, () -> k.unary(UnaryOp.TANH, a, 0, o, 0, n));
        NdArray m = rnd.rand(DType.FLOAT32, 2048, 2048);
        NdArray row = rnd.rand(DType.FLOAT32, 2048);
        // m += row in place reads and writes as much as np.add(m, row, out=mo)
        double add = Timing.median(5, 9, () -> m.addi(row));
        return List.of(new Result("elementwise", "exp float32 4M", n * 4 / exp / 1e9, "GB/s"),
                new Result("elementwise", "tanh float32 4M", n * 4 / tanh / 1e9, "GB/s"),
                new Result("elementwise", "add (2048,2048)+(2048,) float32", m.size() * 4 / add / 1e9, "GB/s"));
    }

    /** Sums over axis 0 and axis 1 of a 2048 x 2048 float32 array. */
    static List<Result> reduce() {
        NdArray m = new NdRandom(0).rand(DType.FLOAT32, 2048, 2048);
        double s0 = Timing.median(5, 9, () -> m.sum(0, false));
        double s1 = Timing.median(5, 9, () -> m.sum(1, false));
        return List.of(new Result("reduce", "sum axis 0 (2048,2048) float32", m.size() * 4 / s0 / 1e9, "GB/s"),
                new Result("reduce", "sum axis 1 (2048,2048) float32", m.size() * 4 / s1 / 1e9, "GB/s"));
    }

    /**
     * One epoch of an MLP 784-1000(sigmoid)-10 with softmax cross-entropy and SGD (lr 0.01), batches
     * of 100 over 60,000 synthetic float32 inputs, built from F.linear, F.sigmoid and
     * F.softmaxCrossEntropy; Parameters are updated in place. The batches are cut before timing
     * (NumPy's X[i:i+100] is a view, free).
     */
    static List<Result> mlpEpoch() {
        NdRandom rnd = new NdRandom(0);
        int samples = 60_000;
        int batch = 100;
        NdArray x = rnd.rand(DType.FLOAT32, samples, 784);
        NdArray t = rnd.integers(0, 10, samples);
        List<NdArray> xs = new ArrayList<>();
        List<NdArray> ts = new ArrayList<>();
        for (int i = 0; i < samples; i += batch) {
            xs.add(x.getItem(Index.slice(i, i + batch)));
            ts.add(t.getItem(Index.slice(i, i + batch)));
        }
        Parameter w1 = new Parameter(rnd.randn(784, 1000).mul(Math.sqrt(1.0 / 784)).astype(DType.FLOAT32), "W1");
        Parameter b1 = new Parameter(NdArray.zeros(DType.FLOAT32, 1000), "b1");
        Parameter w2 = new Parameter(rnd.randn(1000, 10).mul(Math.sqrt(1.0 / 1000)).astype(DType.FLOAT32), "W2");
        Parameter b2 = new Parameter(NdArray.zeros(DType.FLOAT32, 10), "b2");
        Parameter[] params = {w1, b1, w2, b2};
        double lr = 0.01;
        Runnable epoch = () -> {
            for (int i = 0; i < xs.size(); i++) {
                // the input is a constant: no gradient for it (numpy_ref.py computes none either)
                Variable h = F.sigmoid(F.linear(Variable.constant(xs.get(i)), w1, b1));
                Variable y = F.linear(h, w2, b2);
                Variable loss = F.softmaxCrossEntropy(y, ts.get(i));
                for (Parameter p : params) {
                    p.releaseGrad(); // the next backward writes W1's gradient into this step's array
                }
                loss.backward();
                for (Parameter p : params) {
                    p.data().subiScaled(lr, p.grad().data()); // SGD.update: one pass, no lr * grad temporary
                }
            }
        };
        // three epochs of warm-up: the JIT compiles the step's many call sites during the first two (on a
        // 2-core machine its threads then compete with the kernels', and those epochs run 10-20 % slower)
        double s = Timing.median(3, 5, epoch);
        return List.of(new Result("mlp-epoch", "784-1000-10 sigmoid, batch 100, 60000 samples", s, "s"));
    }
    /**
     * One training step of a small CNN on a batch of 64 random 28x28 float32 images, as
     * {@code numpy_ref.py cnn-step}: conv 3x3 (1 -> 32, no bias) + relu + max pooling 2 (stride 2)
     * + linear (5408 -> 10, no bias) + softmax cross-entropy, backward, and the SGD update (lr 0.01)
     * in place. Built from F.conv2d, F.relu, F.pooling, F.linear and F.softmaxCrossEntropy. The
     * input image gets no gradient (NumPy computes none either).
     */
    static List<Result> cnnStep() {
        NdRandom rnd = new NdRandom(0);
        int batch = 64;
        NdArray x = rnd.rand(DType.FLOAT32, batch, 1, 28, 28);
        NdArray t = rnd.integers(0, 10, batch);
        Parameter wc = new Parameter(rnd.randn(32, 1, 3, 3).mul(Math.sqrt(2.0 / 9)).astype(DType.FLOAT32), "Wc");
        Parameter wf = new Parameter(rnd.randn(32 * 13 * 13, 10).mul(Math.sqrt(1.0 / 5408)).astype(DType.FLOAT32), "Wf");
        Parameter[] params = {wc, wf};
        double lr = 0.01;
        Variable input = Variable.constant(x);
        Runnable step = () -> {
            Variable h = F.pooling(F.relu(F.conv2d(input, wc)), 2, 2, 0);
            Variable y = F.linear(F.reshape(h, batch, -1), wf);
            Variable loss = F.softmaxCrossEntropy(y, t);
            for (Parameter p : params) {
                p.cleargrad();
            }
            loss.backward();
            for (Parameter p : params) {
                p.data().subiScaled(lr, p.grad().data()); // SGD.update: one pass, no lr * grad temporary
            }
        };
        // numpy_ref.py reports the median of 7 single steps; more here, as the machine is shared. 300 warm-up
        // steps: C2 is still compiling the step's loops for the first 150-250 (a median over steps 100-130 was
        // about 30 % above the steady state that a training run lives in)
        double ms = Timing.median(300, 31, step) * 1e3;
        return List.of(new Result("cnn-step", "conv3x3(1->32)+relu+pool2+linear, batch 64", ms, "ms"));
    }
}
