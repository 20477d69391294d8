package dezero.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dezero.ndarray.DType;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;
import dezero.ndarray.Shapes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the golden cases recorded from the reference DeZero ({@code src/test/resources/conformance/*.json},
 * schema in {@code shared/conformance/README.md}) and compares arrays against them.
 *
 * <ul>
 *   <li>tensors {@code {shape, dtype, data}} become {@link NdArray}s (float64, float32, int64, bool;
 *       {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} strings; {@code -0.0}; 0-d arrays);</li>
 *   <li>non-tensor arguments (ints, tuples as JSON arrays, {@code {"slice": [a, b, c]}},
 *       {@code {"list": [...]}}, {@code {"ellipsis": true}}, {@code {"ndarray": ...}}, null) become
 *       Java values or {@link Index} items;</li>
 *   <li>{@link #assertClose} compares with the README's tolerances: float64 {@code rtol 1e-10, atol 1e-12},
 *       float32 (either side) {@code rtol 1e-6} (plus {@code atol 1e-7} for values near zero), integers and
 *       booleans exactly; NaN equals NaN, infinities must match exactly, shapes must match exactly.</li>
 * </ul>
 */
final class Golden {
    private Golden() {
    }

    static final double RTOL_F64 = 1e-10;
    static final double ATOL_F64 = 1e-12;
    static final double RTOL_F32 = 1e-6;
    static final double ATOL_F32 = 1e-7;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The parsed group file, e.g. {@code load("core.json")}. */
    static JsonNode load(String file) {
        String path = "/conformance/" + file;
        try (InputStream in = Golden.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("golden file not found on the test classpath: " + path);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The cases of a group file, wrapped. */
    static List<GoldenCase> cases(String file) {
        JsonNode root = load(file);
        List<GoldenCase> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            out.add(new GoldenCase(file, c));
        }
        return out;
    }

    // ------------------------------------------------------------------ tensors

    /** Whether {@code node} looks like a tensor object {@code {shape, dtype, data}}. */
    static boolean isTensor(JsonNode node) {
        return node != null && node.isObject() && node.has("shape") && node.has("dtype") && node.has("data");
    }

    /** Decodes a tensor object into a fresh array. */
    static NdArray tensor(JsonNode t) {
        if (!isTensor(t)) {
            throw new IllegalArgumentException("not a tensor object: " + abbreviate(t));
        }
        int[] shape = ints(t.get("shape"));
        DType dtype = DType.fromNumpyName(t.get("dtype").asText());
        JsonNode data = t.get("data");
        int n = data.size();
        if (n != Shapes.size(shape)) {
            throw new IllegalArgumentException("tensor data has " + n + " values for shape " + Shapes.str(shape));
        }
        switch (dtype) {
            case FLOAT64: {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = number(data.get(i));
                }
                return NdArray.wrap(d, shape);
            }
            case FLOAT32: {
                float[] d = new float[n];
                for (int i = 0; i < n; i++) {
                    d[i] = (float) number(data.get(i));
                }
                return NdArray.wrap(d, shape);
            }
            case INT64: {
                long[] d = new long[n];
                for (int i = 0; i < n; i++) {
                    d[i] = data.get(i).asLong();
                }
                return NdArray.wrap(d, shape);
            }
            default: {
                boolean[] d = new boolean[n];
                for (int i = 0; i < n; i++) {
                    JsonNode v = data.get(i);
                    d[i] = v.isBoolean() ? v.booleanValue() : v.asDouble() != 0;
                }
                return NdArray.wrap(d, shape);
            }
        }
    }

    /** A JSON number, or one of the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. */
    static double number(JsonNode v) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            switch (v.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? 1.0 : 0.0;
        }
        throw new IllegalArgumentException("not a number: " + v);
    }

    // ------------------------------------------------------------------ arguments

    /** An int, or a tuple of ints (a JSON array); {@code null} stays {@code null} (e.g. {@code axis=None}). */
    static int[] ints(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            int[] out = new int[v.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = v.get(i).asInt();
            }
            return out;
        }
        if (v.isIntegralNumber()) {
            return new int[] {v.asInt()};
        }
        throw new IllegalArgumentException("expected an int or a tuple of ints, got " + abbreviate(v));
    }

    /** A whole NumPy index ({@code slices} of get_item): a tuple is a JSON array, anything else is one item. */
    static Index[] index(JsonNode slices) {
        if (slices.isArray()) {
            Index[] out = new Index[slices.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = indexItem(slices.get(i));
            }
            return out;
        }
        return new Index[] {indexItem(slices)};
    }

    /** One item of an index: int, None, slice, list (fancy), ellipsis or ndarray (int64 or bool). */
    static Index indexItem(JsonNode v) {
        if (v == null || v.isNull()) {
            return Index.newAxis();
        }
        if (v.isIntegralNumber()) {
            return Index.at(v.asInt());
        }
        if (v.isObject()) {
            if (v.has("slice")) {
                JsonNode s = v.get("slice");
                return Index.slice(optInt(s.get(0)), optInt(s.get(1)), optInt(s.get(2)));
            }
            if (v.has("list")) {
                JsonNode l = v.get("list");
                int[] pos = new int[l.size()];
                for (int i = 0; i < pos.length; i++) {
                    if (!l.get(i).isIntegralNumber()) {
                        throw new IllegalArgumentException("only flat int lists are supported as fancy indices: " + v);
                    }
                    pos[i] = l.get(i).asInt();
                }
                return Index.of(pos);
            }
            if (v.has("ellipsis")) {
                return Index.ellipsis();
            }
            if (v.has("ndarray")) {
                return Index.array(tensor(v.get("ndarray")));
            }
        }
        throw new IllegalArgumentException("unsupported index item: " + abbreviate(v));
    }

    private static Integer optInt(JsonNode v) {
        return v == null || v.isNull() ? null : v.asInt();
    }

    /** A Python scalar operand ({@code c}) or a 0-d {@code {"ndarray": ...}} operand. */
    static Object operand(JsonNode v) {
        if (v.isObject() && v.has("ndarray")) {
            return tensor(v.get("ndarray"));
        }
        return number(v);
    }

    // ------------------------------------------------------------------ comparison

    /**
     * Asserts that {@code actual} matches the golden {@code expected} array: same shape, values within
     * the tolerance of the less precise of the two dtypes. The dtypes are not compared here (see
     * {@link #assertDType}).
     *
     * @param what names the case and the tensor, e.g. {@code "functions/sin: grads[x]"}
     */
    static void assertClose(String what, NdArray expected, NdArray actual) {
        boolean f32 = expected.dtype() == DType.FLOAT32 || actual.dtype() == DType.FLOAT32;
        assertClose(what, expected, actual, f32 ? RTOL_F32 : RTOL_F64, f32 ? ATOL_F32 : ATOL_F64);
    }

    static void assertClose(String what, NdArray expected, NdArray actual, double rtol, double atol) {
        if (actual == null) {
            throw new AssertionError(what + ": expected an array of shape " + Shapes.str(expected.shape())
                    + " but got null");
        }
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            throw new AssertionError(what + ": shape mismatch: expected " + Shapes.str(expected.shape()) + " but got "
                    + Shapes.str(actual.shape()) + " (expected " + preview(expected) + ", got " + preview(actual) + ")");
        }
        boolean exact = !expected.dtype().isFloating() && !actual.dtype().isFloating();
        int[] shape = expected.shape();
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.getFlat(i);
            double a = actual.getFlat(i);
            if (!close(e, a, exact ? 0 : rtol, exact ? 0 : atol)) {
                throw new AssertionError(what + ": first mismatch at " + position(shape, i) + ": expected " + e
                        + " but got " + a + " (|diff| " + Math.abs(e - a) + ", rtol " + rtol + ", atol " + atol
                        + "; expected " + expected.dtype() + " " + preview(expected) + ", got " + actual.dtype() + " "
                        + preview(actual) + ")");
            }
        }
    }

    /** numpy.isclose with NaN == NaN and exact infinities. */
    static boolean close(double e, double a, double rtol, double atol) {
        if (Double.isNaN(e) || Double.isNaN(a)) {
            return Double.isNaN(e) && Double.isNaN(a);
        }
        if (Double.isInfinite(e) || Double.isInfinite(a)) {
            return e == a;
        }
        return Math.abs(e - a) <= atol + rtol * Math.abs(e);
    }

    static void assertDType(String what, DType expected, NdArray actual) {
        if (actual.dtype() != expected) {
            throw new AssertionError(what + ": dtype mismatch: expected " + expected + " but got " + actual.dtype());
        }
    }

    /** {@code [i, j, k]} for the row-major flat position {@code flat}; {@code []} for 0-d. */
    static String position(int[] shape, int flat) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] > 0) {
                idx[d] = flat % shape[d];
                flat /= shape[d];
            }
        }
        return Arrays.toString(idx);
    }

    /** The first few values, for messages (does not rely on the array formatter). */
    static String preview(NdArray a) {
        StringBuilder sb = new StringBuilder("[");
        int n = Math.min(a.size(), 8);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(a.getFlat(i));
        }
        if (a.size() > n) {
            sb.append(", ... (").append(a.size()).append(" values)");
        }
        return sb.append("]").toString();
    }

    static String abbreviate(JsonNode v) {
        String s = String.valueOf(v);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
