package dezero.conformance;

import org.junit.jupiter.api.Assumptions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * THE one place that lists what the golden cases use but this project does not have yet. A case
 * whose {@code op} mentions one of these calls is reported as a dynamic test aborted with the
 * reason (shown as skipped), never silently dropped or faked. When a function lands, delete its
 * line here and add its mapping to {@link Ops}.
 */
final class NotBuilt {
    private NotBuilt() {
    }

    /** Text that appears in a case's {@code op} -> why it cannot run yet. */
    static final Map<String, String> CALLS = new LinkedHashMap<>();

    static {
    }

    /** The reason the op cannot run yet, or null when everything it calls exists. */
    static String reason(String op) {
        for (Map.Entry<String, String> e : CALLS.entrySet()) {
            if (op.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Aborts the current dynamic test (reported as skipped) when the op uses something not built yet. */
    static void abortIfNotBuilt(GoldenCase c) {
        String why = reason(c.op);
        if (why != null) {
            Assumptions.abort(why);
        }
    }
}
