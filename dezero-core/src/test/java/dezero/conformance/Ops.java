package dezero.conformance;

import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.DType;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table from a golden case's {@code op} (the DeZero call as Python source) to the equivalent
 * Java computation. Lookup order: {@link #BY_NAME} (cases whose op text is not enough), then
 * {@link #BY_OP} (exact op text: operators, compositions), then {@link #BY_CALLEE} (the function
 * called, with its arguments taken from the case's {@code args}). Python scalars become Java
 * doubles ({@code x + 2.5} is {@code x.add(2.5)}, {@code 2.5 - x} is {@code x.rsub(2.5)}), 0-d
 * ndarray operands become {@link NdArray} operands, and DeZero's reflected {@code __radd__} /
 * {@code __rmul__} compute {@code x + c} / {@code x * c} as DeZero does.
 */
final class Ops {
    private Ops() {
    }

    static final Map<String, Op> BY_NAME = new HashMap<>();
    static final Map<String, Op> BY_OP = new HashMap<>();
    static final Map<String, Op> BY_CALLEE = new HashMap<>();

    /** The mapping for a case, or null when there is none. */
    static Op find(GoldenCase c) {
        Op op = BY_NAME.get(c.name);
        if (op == null) {
            op = BY_OP.get(c.op);
        }
        if (op == null) {
            op = BY_CALLEE.get(callee(c.op));
        }
        return op;
    }

    private static final Pattern CALL = Pattern.compile("^([A-Za-z_][A-Za-z_0-9.]*)\\(");

    /** {@code F.sum(x, axis=0)} -> {@code F.sum}; {@code x[1:3]} -> {@code x[]}; {@code x.T} -> {@code x.T}. */
    static String callee(String op) {
        String s = op.contains("  #") ? op.substring(0, op.indexOf("  #")).trim() : op.trim();
        if (s.startsWith("x[")) {
            return "x[]";
        }
        if (s.equals("x.T")) {
            return "x.T";
        }
        Matcher m = CALL.matcher(s);
        return m.find() ? m.group(1) : s;
    }

    // ------------------------------------------------------------------ helpers

    private static Variable x(GoldenCase.In in) {
        return in.v(0);
    }

    private static Variable y(GoldenCase.In in) {
        return in.v(1);
    }

    /** x ** 4 - 2 * x ** 2 (steps 29, 33 and the n-th derivative cases). */
    static Variable poly(Variable x) {
        return x.pow(4).sub(x.pow(2).mul(2));
    }

    /** Step 28: 100 * (x1 - x0 ** 2) ** 2 + (x0 - 1) ** 2. */
    static Variable rosenbrock(Variable x0, Variable x1) {
        return x1.sub(x0.pow(2)).pow(2).mul(100).add(x0.sub(1).pow(2));
    }

    /** Step 24's Goldstein-Price function, in DeZero's operation order. */
    static Variable goldstein(Variable x, Variable y) {
        Variable a = x.add(y).add(1).pow(2);
        Variable b = x.mul(14).rsub(19).add(x.pow(2).mul(3)).sub(y.mul(14)).add(x.mul(6).mul(y)).add(y.pow(2).mul(3));
        Variable c = x.mul(2).sub(y.mul(3)).pow(2);
        Variable d = x.mul(32).rsub(18).add(x.pow(2).mul(12)).add(y.mul(48)).sub(x.mul(36).mul(y)).add(y.pow(2).mul(27));
        return a.mul(b).add(1).mul(c.mul(d).add(30));
    }

    /** Step 27's Taylor-series sine: sum of (-1)^i / (2i+1)! * x^(2i+1) until a term is below the threshold. */
    static Variable mySin(Variable x, double threshold) {
        Variable y = null;
        double factorial = 1; // (2i+1)!
        for (int i = 0; i < 100000; i++) {
            if (i > 0) {
                factorial *= (2 * i) * (2 * i + 1);
            }
            double c = (i % 2 == 0 ? 1.0 : -1.0) / factorial;
            Variable t = x.pow(2 * i + 1).mul(c);
            y = y == null ? t.add(0) : y.add(t);
            if (Math.abs(t.data().item()) < threshold) {
                break;
            }
        }
        return y;
    }

    private static Variable add(Variable x, Object c) {
        return c instanceof NdArray ? x.add((NdArray) c) : x.add((double) c);
    }

    private static boolean keepdims(GoldenCase.In in) {
        return in.bool("keepdims", false);
    }

    /** A convolution argument that is an int or an (h, w) pair, as an (h, w) pair ({@code dflt} when absent). */
    static int[] pair(GoldenCase.In in, String key, int dflt) {
        int[] v = in.axes(key);
        if (v == null) {
            return new int[] {dflt, dflt};
        }
        return v.length == 1 ? new int[] {v[0], v[0]} : v;
    }

    /** The optional bias of a conv2d / deconv2d case: the third input, if there is one. */
    private static Variable bias(GoldenCase.In in) {
        return in.count() > 2 ? in.v("b") : null;
    }

    static {
        // ---------------------------------------------------------- by case name
        BY_NAME.put("step24_goldstein", in -> goldstein(in.v("x"), in.v("y")));
        BY_NAME.put("step27_my_sin_taylor", in -> mySin(in.v("x"), in.num("threshold")));

        // ---------------------------------------------------------- book steps (core)
        BY_OP.put("square(exp(square(x)))", in -> F.square(F.exp(F.square(x(in)))));
        BY_OP.put("add(square(x), square(y))", in -> F.add(F.square(x(in)), F.square(y(in))));
        BY_OP.put("add(x, x)", in -> F.add(x(in), x(in)));
        BY_OP.put("add(add(x, x), x)", in -> F.add(F.add(x(in), x(in)), x(in)));
        BY_OP.put("a = square(x); y = add(square(a), square(a))", in -> {
            Variable a = F.square(x(in));
            return F.add(F.square(a), F.square(a));
        });
        BY_OP.put("x ** 2 + y ** 2", in -> x(in).pow(2).add(y(in).pow(2)));
        BY_OP.put("0.26 * (x ** 2 + y ** 2) - 0.48 * x * y",
                in -> x(in).pow(2).add(y(in).pow(2)).mul(0.26).sub(x(in).mul(0.48).mul(y(in))));

        // ---------------------------------------------------------- operators with scalars
        BY_OP.put("x + 2.5", in -> add(x(in), in.c()));
        BY_OP.put("2.5 + x", in -> add(x(in), in.c()));
        BY_OP.put("x - 2.5", in -> x(in).sub(2.5));
        BY_OP.put("2.5 - x", in -> x(in).rsub(2.5));
        BY_OP.put("x * 3.0", in -> x(in).mul(3.0));
        BY_OP.put("3.0 * x", in -> x(in).mul(3.0));
        BY_OP.put("x / 4.0", in -> x(in).div(4.0));
        BY_OP.put("4.0 / x", in -> x(in).rdiv(4.0));
        BY_OP.put("x ** 3", in -> x(in).pow(3));
        BY_OP.put("-x", in -> x(in).neg());
        BY_OP.put("x + 2", in -> x(in).add(2));
        BY_OP.put("2 - x", in -> x(in).rsub(2));
        BY_OP.put("x * 2", in -> x(in).mul(2));
        BY_OP.put("1 / x", in -> x(in).rdiv(1));
        BY_OP.put("x * np.array(3.0)", in -> x(in).mul((NdArray) in.c()));
        BY_OP.put("np.array(3.0) * x", in -> x(in).mul((NdArray) in.c()));
        BY_OP.put("np.array(1.5) - x", in -> x(in).rsub((NdArray) in.c()));
        BY_OP.put("np.array(1.5) / x", in -> x(in).rdiv((NdArray) in.c()));
        BY_OP.put("x ** 0.5", in -> x(in).pow(0.5));
        BY_OP.put("x ** -2", in -> x(in).pow(-2));
        BY_OP.put("x + 2.0", in -> x(in).add(2.0));
        BY_OP.put("2.0 + x", in -> x(in).add(2.0));
        BY_OP.put("x / 2.0", in -> x(in).div(2.0));
        BY_OP.put("2.0 / x", in -> x(in).rdiv(2.0));
        BY_OP.put("x + np.float32(2.0)", in -> x(in).add(NdArray.scalar(2.0, DType.FLOAT32)));
        BY_OP.put("x ** 2", in -> x(in).pow(2));

        // ---------------------------------------------------------- binary operators between variables
        BY_OP.put("x + y", in -> x(in).add(y(in)));
        BY_OP.put("x - y", in -> x(in).sub(y(in)));
        BY_OP.put("x * y", in -> x(in).mul(y(in)));
        BY_OP.put("x / y", in -> x(in).div(y(in)));
        BY_OP.put("x0 + x1", in -> x(in).add(y(in)));
        BY_OP.put("x0 - x1", in -> x(in).sub(y(in)));
        BY_OP.put("x0 * x1", in -> x(in).mul(y(in)));
        BY_OP.put("x0 / x1", in -> x(in).div(y(in)));
        BY_OP.put("F.add(x, y)", in -> F.add(x(in), y(in)));
        BY_OP.put("F.sub(x, y)", in -> F.sub(x(in), y(in)));
        BY_OP.put("F.mul(x, y)", in -> F.mul(x(in), y(in)));
        BY_OP.put("F.div(x, y)", in -> F.div(x(in), y(in)));
        BY_OP.put("F.rsub(x, y)", in -> F.rsub(x(in), y(in)));
        BY_OP.put("dezero.core.rdiv(x, y)", in -> F.rdiv(x(in), y(in)));
        BY_OP.put("F.pow(x, 3)", in -> F.pow(x(in), 3));
        BY_OP.put("a + x  # a: ndarray (2,3)", in -> in.v("x").add(in.a("a")));
        BY_OP.put("(x + x) * x", in -> x(in).add(x(in)).mul(x(in)));

        // ---------------------------------------------------------- int graphs (steps 37-40)
        BY_OP.put("F.sum(x + c)", in -> F.sum(in.v("x").add(in.v("c"))));
        BY_OP.put("F.reshape(x, (6,))", in -> F.reshape(x(in), 6));

        // ---------------------------------------------------------- higher order
        BY_OP.put("x ** 4 - 2 * x ** 2", in -> poly(x(in)));
        BY_OP.put("x * y * x", in -> x(in).mul(y(in)).mul(x(in)));
        BY_OP.put("F.softmax(x) ** 2", in -> F.softmax(x(in)).pow(2));
        BY_OP.put("F.log_softmax(x) ** 2", in -> F.logSoftmax(x(in)).pow(2));
        BY_OP.put("F.sum(x ** 3, axis=1)", in -> F.sum(x(in).pow(3), 1));
        BY_OP.put("F.matmul(x, W) ** 2", in -> F.matmul(x(in), in.v("W")).pow(2));
        BY_OP.put("F.linear(x, W, b) ** 2", in -> F.linear(x(in), in.v("W"), in.v("b")).pow(2));
        BY_OP.put("x[np.array([0, 1, 1])] ** 2",
                in -> x(in).getItem(Index.array(NdArray.array(new long[] {0, 1, 1}))).pow(2));
        BY_OP.put("F.broadcast_to(x, (2, 3)) ** 2", in -> F.broadcastTo(x(in), 2, 3).pow(2));
        BY_OP.put("F.sum_to(x, (3,)) ** 2", in -> F.sumTo(x(in), 3).pow(2));
        BY_OP.put("F.max(x ** 2, axis=1)", in -> F.max(x(in).pow(2), 1));
        BY_OP.put("F.mean_squared_error(x, y) ** 2", in -> F.meanSquaredError(x(in), y(in)).pow(2));
        BY_OP.put("F.relu(x) ** 2", in -> F.relu(x(in)).pow(2));
        BY_OP.put("F.reshape(F.transpose(x), (6,)) ** 3", in -> F.reshape(F.transpose(x(in)), 6).pow(3));
        BY_OP.put("F.clip(x, -0.5, 0.5) ** 2", in -> F.clip(x(in), -0.5, 0.5).pow(2));

        // ---------------------------------------------------------- compositions (functions)
        BY_OP.put("F.sum(F.sigmoid(F.linear(x, W, b)) * 2 - 1)",
                in -> F.sum(F.sigmoid(F.linear(x(in), in.v("W"), in.v("b"))).mul(2).sub(1)));
        BY_OP.put("F.sum(x ** 2) / len(x)", in -> F.sum(x(in).pow(2)).div(x(in).len()));

        // ---------------------------------------------------------- by the function called (args from the case)
        BY_CALLEE.put("F.neg", in -> F.neg(x(in)));
        BY_CALLEE.put("F.sin", in -> F.sin(x(in)));
        BY_CALLEE.put("F.cos", in -> F.cos(x(in)));
        BY_CALLEE.put("F.tanh", in -> F.tanh(x(in)));
        BY_CALLEE.put("F.exp", in -> F.exp(x(in)));
        BY_CALLEE.put("F.log", in -> F.log(x(in)));
        BY_CALLEE.put("F.sigmoid", in -> F.sigmoid(x(in)));
        BY_CALLEE.put("F.relu", in -> F.relu(x(in)));
        BY_CALLEE.put("F.leaky_relu", in -> F.leakyRelu(x(in), in.num("slope", 0.2)));
        BY_CALLEE.put("F.clip", in -> F.clip(x(in), in.num("x_min"), in.num("x_max")));

        BY_CALLEE.put("F.reshape", in -> F.reshape(x(in), in.shape("shape")));
        BY_CALLEE.put("x.reshape", in -> x(in).reshape(in.shape("shape")));
        BY_CALLEE.put("F.transpose", in -> {
            int[] axes = in.axes("axes");
            return axes == null ? F.transpose(x(in)) : F.transpose(x(in), axes);
        });
        BY_CALLEE.put("x.T", in -> x(in).T());
        BY_CALLEE.put("x.transpose", in -> x(in).transpose(in.axes("axes")));
        BY_CALLEE.put("F.expand_dims", in -> F.expandDims(x(in), in.integer("axis", 0)));
        BY_CALLEE.put("F.flatten", in -> F.flatten(x(in)));
        BY_CALLEE.put("F.broadcast_to", in -> F.broadcastTo(x(in), in.shape("shape")));
        BY_CALLEE.put("F.sum_to", in -> F.sumTo(x(in), in.shape("shape")));

        BY_CALLEE.put("x[]", in -> x(in).getItem(in.slices()));
        BY_CALLEE.put("F.embed_id", in -> F.embedId(in.a("idx"), in.v("W")));

        BY_CALLEE.put("F.sum", in -> F.sum(x(in), in.axes("axis"), keepdims(in)));
        BY_CALLEE.put("x.sum", in -> x(in).sum(in.axes("axis"), keepdims(in)));
        BY_CALLEE.put("F.average", in -> F.average(x(in), in.axes("axis"), keepdims(in)));
        BY_CALLEE.put("F.mean", in -> F.mean(x(in), in.axes("axis"), keepdims(in)));
        BY_CALLEE.put("F.max", in -> F.max(x(in), in.axes("axis"), keepdims(in)));
        BY_CALLEE.put("F.min", in -> F.min(x(in), in.axes("axis"), keepdims(in)));
        BY_CALLEE.put("x.max", in -> {
            int[] axes = in.axes("axis");
            return axes == null ? x(in).max() : x(in).max(axes[0], keepdims(in));
        });
        BY_CALLEE.put("x.min", in -> {
            int[] axes = in.axes("axis");
            return axes == null ? x(in).min() : x(in).min(axes[0], keepdims(in));
        });

        BY_CALLEE.put("F.matmul", in -> F.matmul(x(in), in.v("W")));
        BY_CALLEE.put("x.matmul", in -> x(in).matmul(in.v("W")));
        BY_CALLEE.put("x.dot", in -> x(in).dot(in.v("W")));
        BY_CALLEE.put("F.linear", in -> in.count() == 3 ? F.linear(x(in), in.v("W"), in.v("b")) : F.linear(x(in), in.v("W")));
        BY_CALLEE.put("F.linear_simple", in -> F.linearSimple(x(in), in.v("W"), in.v("b")));

        BY_CALLEE.put("F.softmax", in -> F.softmax(x(in), in.integer("axis", 1)));
        BY_CALLEE.put("F.softmax_simple", in -> F.softmaxSimple(x(in), in.integer("axis", 1)));
        BY_CALLEE.put("F.log_softmax", in -> F.logSoftmax(x(in), in.integer("axis", 1)));
        BY_CALLEE.put("F.mean_squared_error", in -> F.meanSquaredError(x(in), y(in)));
        BY_CALLEE.put("F.mean_squared_error_simple", in -> F.meanSquaredErrorSimple(x(in), y(in)));
        BY_CALLEE.put("F.softmax_cross_entropy", in -> F.softmaxCrossEntropy(x(in), y(in)));
        BY_CALLEE.put("F.softmax_cross_entropy_simple", in -> F.softmaxCrossEntropySimple(x(in), in.a(1)));
        BY_CALLEE.put("F.sigmoid_cross_entropy", in -> F.sigmoidCrossEntropy(x(in), y(in)));
        BY_CALLEE.put("F.binary_cross_entropy", in -> F.binaryCrossEntropy(x(in), y(in)));
        BY_CALLEE.put("F.accuracy", in -> F.accuracy(x(in), y(in)));

        // ---------------------------------------------------------- issue 3 functions
        BY_CALLEE.put("F.sigmoid_simple", in -> F.sigmoidSimple(x(in)));
        BY_CALLEE.put("F.dropout", in -> F.dropout(x(in), in.num("dropout_ratio")));
        BY_CALLEE.put("F.batch_nrom", in -> F.batchNorm(x(in), in.v("gamma"), in.v("beta"), in.a("mean"), in.a("var"),
                in.num("decay", 0.9), in.num("eps", 2e-5)));
        BY_OP.put("F.batch_nrom(x, gamma, beta, mean, var) ** 2  (train mode)",
                in -> F.batchNorm(x(in), in.v("gamma"), in.v("beta"), in.a("mean"), in.a("var")).pow(2));
        // ---------------------------------------------------------- convolution (conv.json, higher_order.json)
        BY_CALLEE.put("F.conv2d", in -> F.conv2d(x(in), in.v("W"), bias(in), pair(in, "stride", 1), pair(in, "pad", 0)));
        BY_CALLEE.put("F.conv2d_simple",
                in -> F.conv2dSimple(x(in), in.v("W"), bias(in), pair(in, "stride", 1), pair(in, "pad", 0)));
        BY_CALLEE.put("F.deconv2d", in -> F.deconv2d(x(in), in.v("W"), bias(in), pair(in, "stride", 1),
                pair(in, "pad", 0), in.axes("outsize")));
        BY_CALLEE.put("F.pooling", in -> F.pooling(x(in), pair(in, "kernel_size", 1), pair(in, "stride", 1), pair(in, "pad", 0)));
        BY_CALLEE.put("F.pooling_simple",
                in -> F.poolingSimple(x(in), pair(in, "kernel_size", 1), pair(in, "stride", 1), pair(in, "pad", 0)));
        BY_CALLEE.put("F.average_pooling",
                in -> F.averagePooling(x(in), pair(in, "kernel_size", 1), pair(in, "stride", 1), pair(in, "pad", 0)));
        BY_CALLEE.put("F.im2col", in -> F.im2col(x(in), pair(in, "kernel_size", 1), pair(in, "stride", 1),
                pair(in, "pad", 0), in.bool("to_matrix", true)));
        BY_CALLEE.put("F.col2im", in -> F.col2im(x(in), in.shape("input_shape"), pair(in, "kernel_size", 1),
                pair(in, "stride", 1), pair(in, "pad", 0), in.bool("to_matrix", true)));
        BY_OP.put("F.conv2d(x, W, stride=1, pad=1) ** 2", in -> F.conv2d(x(in), in.v("W"), null, 1, 1).pow(2));
        BY_OP.put("F.pooling(x, 2, 2) ** 2", in -> F.pooling(x(in), 2, 2, 0).pow(2));
        BY_OP.put("F.average_pooling(x, 2, 2) ** 2", in -> F.averagePooling(x(in), 2, 2, 0).pow(2));
    }
}
