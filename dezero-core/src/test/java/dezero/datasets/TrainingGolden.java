package dezero.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads cases of the reference's recorded {@code conformance/training.json} (schema: shared/conformance/README.md). */
final class TrainingGolden {
    private static JsonNode root;

    private TrainingGolden() {
    }

    static synchronized JsonNode testCase(String name) {
        if (root == null) {
            try (InputStream in = TrainingGolden.class.getResourceAsStream("/conformance/training.json")) {
                if (in == null) {
                    throw new IllegalStateException("conformance/training.json is not on the test classpath");
                }
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (JsonNode c : root.get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no case " + name + " in training.json");
    }

    /** A float32, float64 or int64 tensor object {@code {shape, dtype, data}}. */
    static NdArray tensor(JsonNode t) {
        JsonNode s = t.get("shape");
        int[] shape = new int[s.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = s.get(i).asInt();
        }
        JsonNode data = t.get("data");
        DType dtype = DType.fromNumpyName(t.get("dtype").asText());
        int n = data.size();
        switch (dtype) {
            case FLOAT32: {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) data.get(i).asDouble();
                }
                return NdArray.wrap(v, shape);
            }
            case FLOAT64: {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = data.get(i).asDouble();
                }
                return NdArray.wrap(v, shape);
            }
            case INT64: {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = data.get(i).asLong();
                }
                return NdArray.wrap(v, shape);
            }
            default:
                throw new IllegalArgumentException("unexpected dtype " + dtype);
        }
    }

    static int[] ints(JsonNode list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).asInt();
        }
        return out;
    }
}
