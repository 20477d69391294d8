package dezero.conformance;

import org.junit.jupiter.api.DynamicTest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds one dynamic test per golden case of a group file. For each case, in order:
 * <ol>
 *   <li>if its op uses something {@link NotBuilt not built yet}, the test is aborted with the reason;</li>
 *   <li>a divergence handler (registered by name, and listed in {@code DIVERGENCES-cases.txt})
 *       checks our own, deliberately different behaviour;</li>
 *   <li>a script handler (registered by name) runs a multi-step recipe;</li>
 *   <li>otherwise the group's default runner runs (usually the standard function recipe with the op
 *       from {@link Ops}).</li>
 * </ol>
 * A last test checks that the divergence handlers and {@code DIVERGENCES-cases.txt} agree.
 */
final class Suite {
    /** A way to check one case. */
    @FunctionalInterface
    interface Runner {
        void run(GoldenCase c) throws Exception;
    }

    private final String file;
    private final Map<String, Runner> divergences = new LinkedHashMap<>();
    private final Map<String, Runner> scripts = new LinkedHashMap<>();
    private final Function<GoldenCase, Runner> defaults;

    Suite(String file, Function<GoldenCase, Runner> defaults) {
        this.file = file;
        this.defaults = defaults;
    }

    /** A case where we deliberately differ from the reference; it must be listed in DIVERGENCES-cases.txt. */
    Suite divergence(String name, Runner r) {
        divergences.put(name, r);
        return this;
    }

    /** A multi-step (script) case. */
    Suite script(String name, Runner r) {
        scripts.put(name, r);
        return this;
    }

    /** The standard function recipe with the op from {@link Ops}. */
    static Runner standard(GoldenCase c, FunctionCases.Dtypes dtypes) {
        return k -> {
            Op op = Ops.find(k);
            if (op == null) {
                throw new AssertionError(k.id() + ": no Java mapping for op '" + k.op + "' (add one to Ops)");
            }
            FunctionCases.run(k, op, dtypes);
        };
    }

    /** The mapped op for a case, failing with a clear message when there is none. */
    static Op op(GoldenCase c) {
        Op op = Ops.find(c);
        if (op == null) {
            throw new AssertionError(c.id() + ": no Java mapping for op '" + c.op + "' (add one to Ops)");
        }
        return op;
    }

    List<DynamicTest> tests() {
        List<DynamicTest> out = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (GoldenCase c : Golden.cases(file)) {
            seen.add(c.name);
            out.add(DynamicTest.dynamicTest(c.name, () -> {
                NotBuilt.abortIfNotBuilt(c);
                Runner r = divergences.get(c.name);
                if (r == null) {
                    r = scripts.get(c.name);
                }
                if (r == null) {
                    r = defaults.apply(c);
                }
                r.run(c);
            }));
        }
        out.add(DynamicTest.dynamicTest("[DIVERGENCES-cases.txt agrees with the divergence handlers]", () -> {
            String group = file.replace(".json", "");
            Set<String> listed = new TreeSet<>();
            for (String id : listedDivergences()) {
                if (id.startsWith(group + "/")) {
                    listed.add(id.substring(group.length() + 1));
                }
            }
            Set<String> handled = new TreeSet<>(divergences.keySet());
            for (String n : handled) {
                if (!seen.contains(n)) {
                    throw new AssertionError("divergence handler for unknown case " + group + "/" + n);
                }
            }
            if (!listed.equals(handled)) {
                Set<String> missing = new TreeSet<>(handled);
                missing.removeAll(listed);
                Set<String> extra = new TreeSet<>(listed);
                extra.removeAll(handled);
                throw new AssertionError(group + ": DIVERGENCES-cases.txt does not match the handlers: not listed "
                        + missing + ", listed without a handler " + extra);
            }
        }));
        return out;
    }

    /** The {@code group/name} ids at the start of each line of DIVERGENCES-cases.txt. */
    static List<String> listedDivergences() {
        List<String> ids = new ArrayList<>();
        try (InputStream in = Suite.class.getResourceAsStream("/conformance/DIVERGENCES-cases.txt")) {
            if (in == null) {
                throw new IllegalStateException("conformance/DIVERGENCES-cases.txt is not on the test classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int dash = line.indexOf(" \u2014 ");
                ids.add((dash < 0 ? line : line.substring(0, dash)).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }
}
