package dezero.spark.examples;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options of a command; unknown names and bad numbers are {@link IllegalArgumentException}s. */
final class Options {
    private final Map<String, String> values = new HashMap<>();

    Options(List<String> args, List<String> known) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || !known.contains(a.substring(2))) {
                throw new IllegalArgumentException("unknown option " + a + " (options: --" + String.join(", --", known)
                        + ")");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            values.put(a.substring(2), args.get(++i));
        }
    }

    String get(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    int getInt(String name, int otherwise, int min) {
        String v = values.get(name);
        if (v == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min) {
                throw new IllegalArgumentException("--" + name + " must be at least " + min + ", got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got " + v, e);
        }
    }

    double getDouble(String name, double otherwise) {
        String v = values.get(name);
        try {
            return v == null ? otherwise : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, got " + v, e);
        }
    }
}
