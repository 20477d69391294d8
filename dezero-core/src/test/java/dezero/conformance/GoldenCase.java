package dezero.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One golden case (see the README's "Case fields"), with typed access to its fields. */
final class GoldenCase {
    final String file;
    final String name;
    final String op;
    final JsonNode json;

    GoldenCase(String file, JsonNode json) {
        this.file = file;
        this.json = json;
        this.name = json.get("name").asText();
        this.op = json.get("op").asText();
    }

    /** {@code group/name}, used in every assertion message. */
    String id() {
        return file.replace(".json", "") + "/" + name;
    }

    boolean has(String field) {
        JsonNode v = json.get(field);
        return v != null && !v.isNull();
    }

    JsonNode get(String field) {
        return json.get(field);
    }

    JsonNode args() {
        JsonNode a = json.get("args");
        return a == null || a.isNull() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : a;
    }

    JsonNode arg(String key) {
        JsonNode v = args().get(key);
        return v == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : v;
    }

    /** The README's {@code results} object (or a missing node). */
    JsonNode results() {
        JsonNode r = json.get("results");
        return r == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : r;
    }

    NdArray tensor(String field) {
        return Golden.tensor(json.get(field));
    }

    /** Input names in call order. */
    List<String> inputNames() {
        List<String> out = new ArrayList<>();
        JsonNode ins = json.get("inputs");
        if (ins != null) {
            for (JsonNode in : ins) {
                out.add(in.get("name").asText());
            }
        }
        return out;
    }

    /** Names of the inputs passed as Variables ({@code requires_grad: true}). */
    List<String> gradInputNames() {
        List<String> out = new ArrayList<>();
        for (JsonNode in : json.get("inputs")) {
            if (in.get("requires_grad").asBoolean()) {
                out.add(in.get("name").asText());
            }
        }
        return out;
    }

    /** The weakly-typed (NEP 50) result dtype: float32 when every floating input is float32, else float64. */
    DType weakFloatDType() {
        boolean any64 = false;
        for (JsonNode in : json.get("inputs")) {
            String dt = in.get("dtype").asText();
            if (dt.equals("float64")) {
                any64 = true;
            }
        }
        return any64 ? DType.FLOAT64 : DType.FLOAT32;
    }

    /** Fresh inputs: new arrays decoded from the JSON, wrapped as Variables or constants. */
    In fresh() {
        return new In(this);
    }

    @Override
    public String toString() {
        return id();
    }

    /**
     * The inputs of one evaluation of the case: each one is a fresh {@link Variable} when
     * {@code requires_grad} is true, a {@link Variable#constant constant} otherwise (labels, index
     * arrays, running statistics), plus typed access to the case's arguments.
     */
    static final class In {
        final GoldenCase c;
        private final Map<String, Variable> vars = new LinkedHashMap<>();
        private final List<Variable> ordered = new ArrayList<>();

        In(GoldenCase c) {
            this.c = c;
            JsonNode ins = c.json.get("inputs");
            if (ins != null) {
                for (JsonNode in : ins) {
                    NdArray a = Golden.tensor(in);
                    Variable v = in.get("requires_grad").asBoolean() ? new Variable(a) : Variable.constant(a);
                    vars.put(in.get("name").asText(), v);
                    ordered.add(v);
                }
            }
        }

        /** The i-th input in call order. */
        Variable v(int i) {
            return ordered.get(i);
        }

        Variable v(String name) {
            Variable v = vars.get(name);
            if (v == null) {
                throw new IllegalArgumentException(c.id() + ": no input named " + name + " (have " + vars.keySet() + ")");
            }
            return v;
        }

        /** The raw array of the i-th input. */
        NdArray a(int i) {
            return v(i).data();
        }

        NdArray a(String name) {
            return v(name).data();
        }

        int count() {
            return ordered.size();
        }

        Map<String, Variable> all() {
            return vars;
        }

        /** The scalar or 0-d array operand {@code args.c}. */
        Object c() {
            return Golden.operand(c.arg("c"));
        }

        double num(String key) {
            return Golden.number(c.arg(key));
        }

        double num(String key, double dflt) {
            JsonNode v = c.arg(key);
            return v.isNull() ? dflt : Golden.number(v);
        }

        int integer(String key, int dflt) {
            JsonNode v = c.arg(key);
            return v.isNull() ? dflt : v.asInt();
        }

        /** An axis argument: null (all axes), an int, or a tuple. */
        int[] axes(String key) {
            return Golden.ints(c.arg(key));
        }

        int[] shape(String key) {
            int[] s = Golden.ints(c.arg(key));
            if (s == null) {
                throw new IllegalArgumentException(c.id() + ": missing shape argument '" + key + "'");
            }
            return s;
        }

        boolean bool(String key, boolean dflt) {
            JsonNode v = c.arg(key);
            return v.isNull() ? dflt : v.asBoolean();
        }

        Index[] slices() {
            return Golden.index(c.arg("slices"));
        }
    }
}
