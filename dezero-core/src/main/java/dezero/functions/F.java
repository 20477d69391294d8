package dezero.functions;

import dezero.Config;
import dezero.Variable;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;

import java.util.Arrays;

/**
 * DeZero's {@code dezero.functions} as static methods, named as in DeZero (camelCase).
 * Each method builds one graph node (or a small composition of them).
 *
 * <pre>{@code
 * jshell> import static dezero.functions.F.*;
 * jshell> var x = Variable.of(new double[] {1, 2, 3});
 * jshell> var y = sum(mul(x, x));
 * jshell> y.backward(); x.grad()
 * $4 ==> variable([2. 4. 6.])
 * }</pre>
 */
public final class F {
    private F() {
    }

    /** Wraps a raw array as a constant operand (no gradient is computed for it). */
    public static Variable asVariable(NdArray a) {
        return Variable.constant(a);
    }

    // ------------------------------------------------------------------ arithmetic

    public static Variable add(Variable x0, Variable x1) {
        return new Add().apply(x0, x1);
    }

    public static Variable sub(Variable x0, Variable x1) {
        return new Sub().apply(x0, x1);
    }

    /** DeZero's {@code rsub(x0, x1)}: {@code x1 - x0}. */
    public static Variable rsub(Variable x0, Variable x1) {
        return new Sub().apply(x1, x0);
    }

    public static Variable mul(Variable x0, Variable x1) {
        return new Mul().apply(x0, x1);
    }

    public static Variable div(Variable x0, Variable x1) {
        return new Div().apply(x0, x1);
    }

    /** DeZero's {@code rdiv(x0, x1)}: {@code x1 / x0}. */
    public static Variable rdiv(Variable x0, Variable x1) {
        return new Div().apply(x1, x0);
    }

    public static Variable neg(Variable x) {
        return new Neg().apply(x);
    }

    /** {@code x ** c} for a constant exponent. */
    public static Variable pow(Variable x, double c) {
        return new Pow(c).apply(x);
    }

    /** {@code x0 ** x1} element-wise with broadcasting, differentiable in both. */
    public static Variable pow(Variable x0, Variable x1) {
        return new PowVar().apply(x0, x1);
    }

    public static Variable square(Variable x) {
        return new Square().apply(x);
    }

    // ------------------------------------------------------------------ math

    public static Variable exp(Variable x) {
        return new Exp().apply(x);
    }

    public static Variable log(Variable x) {
        return new Log().apply(x);
    }

    public static Variable sin(Variable x) {
        return new Sin().apply(x);
    }

    public static Variable cos(Variable x) {
        return new Cos().apply(x);
    }

    public static Variable tanh(Variable x) {
        return new Tanh().apply(x);
    }

    // ------------------------------------------------------------------ shapes

    /** Reshapes (one dimension may be -1); returns {@code x} itself when the shape is unchanged, as DeZero does. */
    public static Variable reshape(Variable x, int... shape) {
        if (Arrays.equals(x.shape(), shape)) {
            return x;
        }
        return new Reshape(shape).apply(x);
    }

    /** Reverses all axes. */
    public static Variable transpose(Variable x) {
        return new Transpose(null).apply(x);
    }

    /** Permutes axes (negative allowed). */
    public static Variable transpose(Variable x, int... axes) {
        return new Transpose(axes).apply(x);
    }

    /** Broadcasts to {@code shape}; returns {@code x} itself when the shape is unchanged. */
    public static Variable broadcastTo(Variable x, int... shape) {
        if (Arrays.equals(x.shape(), shape)) {
            return x;
        }
        return new BroadcastTo(shape).apply(x);
    }

    /** Sums back to {@code shape} (the inverse of broadcasting); returns {@code x} itself when the shape is unchanged. */
    public static Variable sumTo(Variable x, int... shape) {
        if (Arrays.equals(x.shape(), shape)) {
            return x;
        }
        return new SumTo(shape).apply(x);
    }

    // ------------------------------------------------------------------ reductions

    /** Sum of all elements (a 0-d result). */
    public static Variable sum(Variable x) {
        return new Sum(null, false).apply(x);
    }

    public static Variable sum(Variable x, int axis) {
        return new Sum(new int[] {axis}, false).apply(x);
    }

    /** Sum over {@code axes} ({@code null} for all), keeping reduced axes as 1 when {@code keepdims}. */
    public static Variable sum(Variable x, int[] axes, boolean keepdims) {
        return new Sum(axes, keepdims).apply(x);
    }

    /** Mean of all elements, as DeZero's {@code average}: {@code sum(x) * (y.size / x.size)}. */
    public static Variable mean(Variable x) {
        return mean(x, null, false);
    }

    public static Variable mean(Variable x, int[] axes, boolean keepdims) {
        Variable y = sum(x, axes, keepdims);
        return y.mul((double) y.size() / x.size());
    }

    /** DeZero's name for {@link #mean(Variable)}. */
    public static Variable average(Variable x) {
        return mean(x);
    }

    public static Variable average(Variable x, int[] axes, boolean keepdims) {
        return mean(x, axes, keepdims);
    }

    // ------------------------------------------------------------------ activations

    /** The logistic function (fused, stable). */
    public static Variable sigmoid(Variable x) {
        return new Sigmoid().apply(x);
    }

    public static Variable relu(Variable x) {
        return new ReLU().apply(x);
    }

    /** Leaky ReLU with DeZero's default slope 0.2. */
    public static Variable leakyRelu(Variable x) {
        return leakyRelu(x, 0.2);
    }

    public static Variable leakyRelu(Variable x, double slope) {
        return new LeakyReLU(slope).apply(x);
    }

    /** Softmax over axis 1 (DeZero's default). */
    public static Variable softmax(Variable x) {
        return softmax(x, 1);
    }

    public static Variable softmax(Variable x, int axis) {
        return new Softmax(axis).apply(x);
    }

    /** The book's unfused softmax: {@code exp(x) / sum(exp(x), axis)}. */
    public static Variable softmaxSimple(Variable x, int axis) {
        Variable y = exp(x);
        return y.div(sum(y, new int[] {axis}, true));
    }

    public static Variable logSoftmax(Variable x) {
        return logSoftmax(x, 1);
    }

    public static Variable logSoftmax(Variable x, int axis) {
        return new LogSoftmax(axis).apply(x);
    }

    // ------------------------------------------------------------------ losses and metrics

    /** {@code sum((x0 - x1)^2) / len(x0)} (fused). */
    public static Variable meanSquaredError(Variable x0, Variable x1) {
        return new MeanSquaredError().apply(x0, x1);
    }

    /** The book's unfused mean squared error. */
    public static Variable meanSquaredErrorSimple(Variable x0, Variable x1) {
        InputChecks.requireBroadcastable("meanSquaredErrorSimple", x0.data(), x1.data());
        Variable diff = x0.sub(x1);
        return sum(diff.pow(2)).div(diff.len());
    }

    /** Softmax cross-entropy of logits (N, C) against int64 class labels (N) or (N, 1) (fused, stable). */
    public static Variable softmaxCrossEntropy(Variable x, Variable t) {
        return new SoftmaxCrossEntropy().apply(x, t);
    }

    public static Variable softmaxCrossEntropy(Variable x, NdArray t) {
        return softmaxCrossEntropy(x, asVariable(t));
    }

    /** The book's unfused softmax cross-entropy (softmax, clip to [1e-15, 1], log, pick, mean). */
    public static Variable softmaxCrossEntropySimple(Variable x, NdArray t) {
        int n = x.shape()[0];
        NdArray labels = SoftmaxCrossEntropy.labels("softmaxCrossEntropySimple", x.data(), t);
        Variable logP = log(clip(softmax(x), 1e-15, 1.0));
        Variable picked = getItem(logP, Index.array(NdArray.arange(n)), Index.array(labels));
        return sum(picked).mul(-1.0).div(n);
    }

    /**
     * Binary cross-entropy of logits {@code x} against targets {@code t} in [0, 1]: the sigmoid is
     * clipped to [1e-15, 1] and the sum is divided by {@code len(x)}, as DeZero does. {@code t} is
     * reshaped to x's shape when the numbers of dimensions differ (labels (N) for logits (N, 1));
     * otherwise the shapes must be equal.
     *
     * <pre>{@code
     * jshell> F.sigmoidCrossEntropy(Variable.of(new double[][] {{0}, {2}}), NdArray.array(new long[] {0, 1}))
     * $1 ==> variable(0.41003759580145893)
     * }</pre>
     *
     * @throws IllegalArgumentException when t's shape does not match x's (naming both shapes)
     */
    public static Variable sigmoidCrossEntropy(Variable x, Variable t) {
        t = InputChecks.targetLike("sigmoidCrossEntropy", x, t);
        Variable p = clip(sigmoid(x), 1e-15, 1.0);
        return crossEntropyOfProbabilities(p, t, x.len());
    }

    public static Variable sigmoidCrossEntropy(Variable x, NdArray t) {
        return sigmoidCrossEntropy(x, asVariable(t));
    }

    /**
     * Binary cross-entropy of probabilities {@code p}, clipped to [1e-15, 0.999] as DeZero does
     * (so a p above 0.999 gets no gradient); the sum is divided by {@code len(t)}. {@code t} is
     * reshaped to p's shape when the numbers of dimensions differ; otherwise the shapes must be equal.
     *
     * <pre>{@code
     * jshell> F.binaryCrossEntropy(Variable.of(new double[][] {{0.5}, {0.9}}), NdArray.array(new long[] {1, 0}))
     * $1 ==> variable(1.4978661367769956)
     * }</pre>
     *
     * @throws IllegalArgumentException when t's shape does not match p's (naming both shapes)
     */
    public static Variable binaryCrossEntropy(Variable p, Variable t) {
        t = InputChecks.targetLike("binaryCrossEntropy", p, t);
        return crossEntropyOfProbabilities(clip(p, 1e-15, 0.999), t, t.len());
    }

    public static Variable binaryCrossEntropy(Variable p, NdArray t) {
        return binaryCrossEntropy(p, asVariable(t));
    }

    private static Variable crossEntropyOfProbabilities(Variable p, Variable t, int n) {
        Variable tlogp = t.mul(log(p)).add(t.rsub(1.0).mul(log(p.rsub(1.0))));
        return sum(tlogp).mul(-1.0).div(n);
    }

    /**
     * The fraction of rows of {@code y} (N, C) whose argmax equals the label in {@code t} (shape
     * (N) or (N, 1)). Not differentiable: the result has no creator.
     *
     * <pre>{@code
     * jshell> F.accuracy(Variable.of(new double[][] {{0.1, 0.9}, {0.8, 0.2}, {0.3, 0.7}}), NdArray.array(new long[] {1, 1, 1}))
     * $1 ==> variable(0.6666666666666666)
     * }</pre>
     *
     * @throws IllegalArgumentException when y is not at least 2-d or t does not hold one label per row
     * @throws IndexOutOfBoundsException when a label is outside {@code [0, C)}, as {@link #softmaxCrossEntropy}
     */
    public static Variable accuracy(Variable y, NdArray t) {
        InputChecks.requireOneLabelPerRow("accuracy", y.data(), t);
        InputChecks.requireLabelsInRange("accuracy", t, y.data().shape(1), y.data().shape());
        NdArray pred = y.data().argmax(1).reshape(t.shape());
        return new Variable(pred.eq(t).mean());
    }

    public static Variable accuracy(Variable y, Variable t) {
        return accuracy(y, t.data());
    }

    // ------------------------------------------------------------------ layers' functions

    /** {@code x @ W + b} (fused); {@code b} may be null. */
    public static Variable linear(Variable x, Variable w, Variable b) {
        return b == null ? new Linear().apply(x, w) : new Linear().apply(x, w, b);
    }

    public static Variable linear(Variable x, Variable w) {
        return linear(x, w, null);
    }

    /** The book's unfused linear: matmul then add; the intermediate product's data is released. */
    public static Variable linearSimple(Variable x, Variable w, Variable b) {
        Variable t = matmul(x, w);
        if (b == null) {
            return t;
        }
        Variable y = t.add(b);
        t.setData(null);
        return y;
    }

    /**
     * Batch normalisation (DeZero's {@code batch_nrom}) of {@code (N, C)} or {@code (N, C, H, W)} input,
     * per channel, with DeZero's defaults {@code decay = 0.9}, {@code eps = 2e-5}. In train mode it uses
     * the batch statistics and updates {@code mean} and {@code var} in place; in test mode
     * ({@code Config.testMode()}) it normalises with them.
     *
     * <pre>{@code
     * jshell> var mean = NdArray.zeros(3); var var_ = NdArray.ones(3);
     * jshell> var y = F.batchNorm(x, gamma, beta, mean, var_);   // x (N, 3); mean, var_ updated
     * }</pre>
     */
    public static Variable batchNorm(Variable x, Variable gamma, Variable beta, NdArray mean, NdArray var) {
        return batchNorm(x, gamma, beta, mean, var, 0.9, 2e-5);
    }

    public static Variable batchNorm(Variable x, Variable gamma, Variable beta, NdArray mean, NdArray var,
                                     double decay, double eps) {
        return new BatchNorm(mean, var, decay, eps).apply(x, gamma, beta);
    }

    /** Rows of {@code w} selected by the int64 ids {@code x}: {@code W[x]}. */
    public static Variable embedId(NdArray x, Variable w) {
        InputChecks.requireIds("embedId", x, w.data());
        return getItem(w, Index.array(x));
    }

    // ------------------------------------------------------------------ max, min, clip, shapes

    /** Maximum of all elements; the gradient goes to every tied maximum. */
    public static Variable max(Variable x) {
        return new Max(null, false).apply(x);
    }

    public static Variable max(Variable x, int axis) {
        return max(x, new int[] {axis}, false);
    }

    public static Variable max(Variable x, int[] axes, boolean keepdims) {
        return new Max(axes, keepdims).apply(x);
    }

    public static Variable min(Variable x) {
        return new Max(null, false, true).apply(x);
    }

    public static Variable min(Variable x, int axis) {
        return min(x, new int[] {axis}, false);
    }

    public static Variable min(Variable x, int[] axes, boolean keepdims) {
        return new Max(axes, keepdims, true).apply(x);
    }

    /** Clamps to [min, max]; the gradient passes inside the bounds, bounds included. */
    public static Variable clip(Variable x, double min, double max) {
        return new Clip(min, max).apply(x);
    }

    /** Inserts an axis of length 1 (NumPy's rule for negative axes). */
    public static Variable expandDims(Variable x, int axis) {
        return reshape(x, ShapeRules.expandDims(x.shape(), axis));
    }

    /** Keeps the first axis and flattens the rest: (N, ...) to (N, -1). */
    public static Variable flatten(Variable x) {
        if (x.ndim() == 0) {
            throw new IllegalArgumentException("flatten: x must have at least one axis (N, ...), got shape ()");
        }
        return reshape(x, x.shape()[0], -1);
    }

    // ------------------------------------------------------------------ linear algebra and indexing

    public static Variable matmul(Variable x, Variable w) {
        return new MatMul().apply(x, w);
    }

    /** DeZero's alias of {@link #matmul}. */
    public static Variable dot(Variable x, Variable w) {
        return matmul(x, w);
    }

    /** {@code x[index]} with NumPy semantics; repeated indices accumulate in the gradient. */
    public static Variable getItem(Variable x, Index... index) {
        return new GetItem(index).apply(x);
    }

    // ------------------------------------------------------------------ issue 3 functions
    // dropout, the book's unfused variants and overloads (kept in one block so that additions merge cleanly)

    /** {@link #dropout(Variable, double)} with DeZero's default ratio 0.5. */
    public static Variable dropout(Variable x) {
        return dropout(x, 0.5);
    }

    /**
     * Dropout with the mask drawn from {@link NdRandom#global()}, the counterpart of NumPy's global
     * {@code np.random} that DeZero uses: seed it with {@link NdRandom#seedGlobal(long)} (as a
     * script calls {@code np.random.seed}) and the masks are DeZero's, bit for bit. In train mode
     * ({@link Config#train()}, the default) each element is zeroed with probability {@code ratio}
     * and the others are scaled by {@code 1 / (1 - ratio)}; inside {@code Config.testMode()} the
     * input itself is returned (no graph node), as in DeZero.
     *
     * <pre>{@code
     * jshell> NdRandom.seedGlobal(0);                      // np.random.seed(0)
     * jshell> F.dropout(new Variable(NdArray.ones(10)))
     * $2 ==> variable([2. 2. 2. 2. 0. 2. 0. 2. 2. 0.])
     * jshell> try (var s = Config.testMode()) { System.out.println(F.dropout(new Variable(NdArray.ones(3)))); }
     * variable([1. 1. 1.])
     * }</pre>
     *
     * @throws IllegalArgumentException when ratio is not in [0, 1) or x is not float32/float64
     */
    public static Variable dropout(Variable x, double ratio) {
        return dropout(x, ratio, NdRandom.global());
    }

    /**
     * Dropout with the mask drawn from {@code rng} (for example {@code new NdRandom(seed)}, which
     * is {@code np.random.RandomState(seed)}), so that masks do not depend on the global state.
     */
    public static Variable dropout(Variable x, double ratio, NdRandom rng) {
        Dropout d = new Dropout(ratio, rng); // validates the arguments in test mode too
        return Config.train() ? d.apply(x) : x;
    }

    /**
     * The book's unfused logistic function {@code 1 / (1 + exp(-x))}, built from exp, add and
     * div (its gradients come from theirs); {@link #sigmoid} is the fused, stabler one.
     *
     * <pre>{@code
     * jshell> F.sigmoidSimple(Variable.of(new double[] {0, 2}))
     * $1 ==> variable([0.5        0.88079708])
     * }</pre>
     */
    public static Variable sigmoidSimple(Variable x) {
        return exp(neg(x)).add(1.0).rdiv(1.0);
    }

    /**
     * {@link #softmaxSimple(Variable, int)} over axis 1 (DeZero's default).
     *
     * <pre>{@code
     * jshell> F.softmaxSimple(Variable.of(new double[][] {{0, 1, 2}}))
     * $1 ==> variable([[0.09003057 0.24472847 0.66524096]])
     * }</pre>
     */
    public static Variable softmaxSimple(Variable x) {
        return softmaxSimple(x, 1);
    }

    /**
     * {@link #softmaxCrossEntropySimple(Variable, NdArray)} with the labels in a Variable (they get
     * no gradient).
     *
     * <pre>{@code
     * jshell> F.softmaxCrossEntropySimple(Variable.of(new double[][] {{0, 1, 2}, {1, 1, 1}}),
     *    ...>     new Variable(NdArray.array(new long[] {2, 0})))
     * $1 ==> variable(0.7531091265562451)
     * }</pre>
     */
    public static Variable softmaxCrossEntropySimple(Variable x, Variable t) {
        return softmaxCrossEntropySimple(x, t.data());
    }

    /**
     * Mean over one axis (DeZero's {@code average(x, axis)}).
     *
     * <pre>{@code
     * jshell> F.mean(Variable.of(new double[][] {{1, 2}, {3, 4}}), 0)
     * $1 ==> variable([2. 3.])
     * }</pre>
     */
    public static Variable mean(Variable x, int axis) {
        return mean(x, new int[] {axis}, false);
    }

    /** DeZero's name for {@link #mean(Variable, int)}. */
    public static Variable average(Variable x, int axis) {
        return mean(x, axis);
    }

    // ------------------------------------------------------------------ convolution
    // NCHW images. Stride, padding and kernel size are an int (both axes) or an (h, w) pair; DeZero's
    // defaults are stride 1, pad 0, no bias. Output size per axis: (size + 2*pad - kernel) / stride + 1.

    /** {@code conv2d(x, W)} with stride 1, no padding, no bias. */
    public static Variable conv2d(Variable x, Variable w) {
        return conv2d(x, w, null, 1, 0);
    }

    /**
     * 2-d convolution: x (N, C, H, W), W (OC, C, KH, KW), b (OC,) or null; gives (N, OC, OH, OW).
     *
     * <pre>{@code
     * jshell> var x = new Variable(NdArray.ones(1, 1, 4, 4)); var w = new Variable(NdArray.ones(1, 1, 3, 3));
     * jshell> F.conv2d(x, w, null, 1, 1).data()        // 3x3 box sums with zero padding
     * $3 ==> [[[[4. 6. 6. 4.]
     *    [6. 9. 9. 6.]
     *    [6. 9. 9. 6.]
     *    [4. 6. 6. 4.]]]]
     * }</pre>
     */
    public static Variable conv2d(Variable x, Variable w, Variable b, int stride, int pad) {
        return conv2d(x, w, b, convPair(stride), convPair(pad));
    }

    /** {@link #conv2d(Variable, Variable, Variable, int, int)} with (h, w) pairs. */
    public static Variable conv2d(Variable x, Variable w, Variable b, int[] stride, int[] pad) {
        Conv2d f = new Conv2d(stride, pad);
        return b == null ? f.apply(x, w) : f.apply(x, w, b);
    }

    /** The book's conv2d from differentiable pieces: im2col, linear with W as (C*KH*KW, OC), reshape, transpose. */
    public static Variable conv2dSimple(Variable x, Variable w, Variable b, int stride, int pad) {
        return conv2dSimple(x, w, b, convPair(stride), convPair(pad));
    }

    /** {@link #conv2dSimple(Variable, Variable, Variable, int, int)} with (h, w) pairs. */
    public static Variable conv2dSimple(Variable x, Variable w, Variable b, int[] stride, int[] pad) {
        int[] xs = x.shape();
        int[] ws = w.shape();
        if (xs.length != 4 || ws.length != 4) {
            throw new IllegalArgumentException("conv2d_simple: x and W must be 4-d, got shapes "
                    + dezero.ndarray.Shapes.str(xs) + " and " + dezero.ndarray.Shapes.str(ws));
        }
        dezero.ndarray.ConvWindow g = dezero.ndarray.ConvWindow.of("conv2d_simple", operands("x", x),
                new int[] {ws[2], ws[3]}, stride, pad);
        Variable col = new Im2col(g, true).apply(x);
        Variable y = linear(col, transpose(reshape(w, ws[0], -1)), b);
        return transpose(reshape(y, xs[0], g.outHeight(xs[2]), g.outWidth(xs[3]), ws[0]), 0, 3, 1, 2);
    }

    /** {@code deconv2d(x, W)} with stride 1, no padding, no bias, the default output size. */
    public static Variable deconv2d(Variable x, Variable w) {
        return deconv2d(x, w, null, 1, 0, null);
    }

    /**
     * Transposed convolution: x (N, C, H, W), W (C, OC, KH, KW), b (OC,) or null; gives
     * (N, OC, outH, outW), by default {@code stride*(H-1) + KH - 2*pad} per axis, or {@code outSize}
     * (outH, outW) when not null.
     *
     * <pre>{@code
     * jshell> F.deconv2d(x, w, null, 2, 1, null).shape()    // x (1, 2, 3, 3), W (2, 3, 3, 3)
     * $1 ==> int[4] { 1, 3, 5, 5 }
     * }</pre>
     */
    public static Variable deconv2d(Variable x, Variable w, Variable b, int stride, int pad, int[] outSize) {
        return deconv2d(x, w, b, convPair(stride), convPair(pad), outSize);
    }

    /** {@link #deconv2d(Variable, Variable, Variable, int, int, int[])} with (h, w) pairs. */
    public static Variable deconv2d(Variable x, Variable w, Variable b, int[] stride, int[] pad, int[] outSize) {
        Deconv2d f = new Deconv2d(stride, pad, outSize);
        return b == null ? f.apply(x, w) : f.apply(x, w, b);
    }

    /** Max pooling with stride 1 and no padding (DeZero's defaults). */
    public static Variable pooling(Variable x, int kernel) {
        return pooling(x, kernel, 1, 0);
    }

    /**
     * Max pooling; the gradient goes to the first maximum of each window. Padding is zeros and takes
     * part in the maximum, as in DeZero.
     *
     * <pre>{@code
     * jshell> F.pooling(new Variable(NdArray.arange(0, 16, 1).reshape(1, 1, 4, 4)), 2, 2, 0).data()
     * $1 ==> [[[[ 5.  7.]
     *    [13. 15.]]]]
     * }</pre>
     */
    public static Variable pooling(Variable x, int kernel, int stride, int pad) {
        return pooling(x, convPair(kernel), convPair(stride), convPair(pad));
    }

    /** Max pooling with (h, w) pairs, e.g. a (2, 3) window. */
    public static Variable pooling(Variable x, int[] kernel, int[] stride, int[] pad) {
        return new Pooling(dezero.ndarray.ConvWindow.of("pooling", operands("x", x), kernel, stride, pad)).apply(x);
    }

    /** The book's max pooling from im2col and {@link #max}: the gradient goes to every tied maximum. */
    public static Variable poolingSimple(Variable x, int kernel, int stride, int pad) {
        return poolingSimple(x, convPair(kernel), convPair(stride), convPair(pad));
    }

    /** {@link #poolingSimple(Variable, int, int, int)} with (h, w) pairs. */
    public static Variable poolingSimple(Variable x, int[] kernel, int[] stride, int[] pad) {
        dezero.ndarray.ConvWindow g = dezero.ndarray.ConvWindow.of("pooling_simple", operands("x", x), kernel, stride,
                pad);
        int[] xs = x.shape();
        Variable col = reshape(new Im2col(g, true).apply(x), -1, g.kh * g.kw);
        Variable y = max(col, 1);
        return transpose(reshape(y, xs[0], g.outHeight(xs[2]), g.outWidth(xs[3]), xs[1]), 0, 3, 1, 2);
    }

    /** Average pooling with stride 1 and no padding. */
    public static Variable averagePooling(Variable x, int kernel) {
        return averagePooling(x, kernel, 1, 0);
    }

    /** Average pooling: window sums over KH*KW (padding counts as zeros). */
    public static Variable averagePooling(Variable x, int kernel, int stride, int pad) {
        return averagePooling(x, convPair(kernel), convPair(stride), convPair(pad));
    }

    /** Average pooling with (h, w) pairs; any kernel shape works forwards and backwards. */
    public static Variable averagePooling(Variable x, int[] kernel, int[] stride, int[] pad) {
        dezero.ndarray.ConvWindow g = dezero.ndarray.ConvWindow.of("average_pooling", operands("x", x), kernel, stride, pad);
        return new AveragePooling(g).apply(x);
    }

    /**
     * The patches of x (N, C, H, W): (N*OH*OW, C*KH*KW) when {@code toMatrix}, else
     * (N, C, KH, KW, OH, OW). Differentiable (the gradient is {@link #col2im}).
     */
    public static Variable im2col(Variable x, int kernel, int stride, int pad, boolean toMatrix) {
        return im2col(x, convPair(kernel), convPair(stride), convPair(pad), toMatrix);
    }

    /** {@link #im2col(Variable, int, int, int, boolean)} with (h, w) pairs. */
    public static Variable im2col(Variable x, int[] kernel, int[] stride, int[] pad, boolean toMatrix) {
        dezero.ndarray.ConvWindow g = dezero.ndarray.ConvWindow.of("im2col", operands("x", x), kernel, stride, pad);
        return new Im2col(g, toMatrix).apply(x);
    }

    /** Sums patches back onto an image of {@code imageShape} (N, C, H, W): the adjoint of {@link #im2col}. */
    public static Variable col2im(Variable col, int[] imageShape, int kernel, int stride, int pad, boolean toMatrix) {
        return col2im(col, imageShape, convPair(kernel), convPair(stride), convPair(pad), toMatrix);
    }

    /** {@link #col2im(Variable, int[], int, int, int, boolean)} with (h, w) pairs. */
    public static Variable col2im(Variable col, int[] imageShape, int[] kernel, int[] stride, int[] pad,
                                  boolean toMatrix) {
        dezero.ndarray.ConvWindow g = dezero.ndarray.ConvWindow.of("col2im", operands("col", col), kernel, stride, pad);
        return new Col2im(imageShape, g, toMatrix).apply(col);
    }

    /** "x (2, 3, 5, 5)": the operand named in a convolution's error messages. */
    private static String operands(String name, Variable v) {
        return name + " " + dezero.ndarray.Shapes.str(v.shape());
    }

    private static int[] convPair(int v) {
        return new int[] {v, v};
    }
}
