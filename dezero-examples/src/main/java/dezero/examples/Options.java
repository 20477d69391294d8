package dezero.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A tiny {@code --key value} parser for the examples; {@code --help} and {@code --verbose} (a
 * failure's stack trace) are always accepted and take no value.
 */
public final class Options {
    /** Bad command-line usage: {@link Main} prints it and exits with status 2. */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /** No options: every getter returns its default. */
    public static Options empty() {
        return new Options(new LinkedHashMap<>());
    }

    /**
     * Parses {@code args}; every option except {@code --help} takes one value.
     *
     * @param allowed the option names (without dashes) this example understands
     */
    public static Options parse(String[] args, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                values.put("help", "true");
                continue;
            }
            if (a.equals("--verbose")) {
                values.put("verbose", "true");
                continue;
            }
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String key = a.substring(2);
            String value = null;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            if (!allowed.contains(key)) {
                throw new UsageException("unknown option '--" + key + "'"
                        + (allowed.isEmpty() ? " (this example takes no options)" : "; valid: --" + String.join(", --", allowed)));
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("option '--" + key + "' needs a value");
                }
                value = args[++i];
            }
            values.put(key, value);
        }
        return new Options(values);
    }

    public boolean help() {
        return values.containsKey("help");
    }

    /** Whether {@code --verbose} was given: a failure then shows its stack trace. */
    public boolean verbose() {
        return values.containsKey("verbose");
    }

    public String get(String key, String def) {
        return values.getOrDefault(key, def);
    }

    public int getInt(String key, int def) {
        String v = values.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("option '--" + key + "' needs an integer, got '" + v + "'");
        }
    }

    public long getLong(String key, long def) {
        String v = values.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("option '--" + key + "' needs an integer, got '" + v + "'");
        }
    }

    public double getDouble(String key, double def) {
        String v = values.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("option '--" + key + "' needs a number, got '" + v + "'");
        }
    }

    /** An integer that must be at least {@code min}. */
    public int getInt(String key, int def, int min) {
        int v = getInt(key, def);
        if (v < min) {
            throw new UsageException("option '--" + key + "' must be at least " + min + ", got " + v);
        }
        return v;
    }
}
