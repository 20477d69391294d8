package dezero.bench;

import java.util.List;
import java.util.Locale;

/**
 * One measured figure: {@code value} in {@code unit} for a workload's metric, the median of
 * several repetitions. Rates (GFLOP/s, GB/s) are better when higher, times (s, ms) when lower.
 */
record Result(String workload, String metric, double value, String unit) {
    boolean higherIsBetter() {
        return unit.endsWith("/s");
    }

    /** How many times faster this is than {@code reference} of the same metric (above 1: we are faster). */
    double speedup(Result reference) {
        return higherIsBetter() ? value / reference.value : reference.value / value;
    }

    /** The line the reference scripts print, so the plain-kernel child's figures read the same way. */
    String toJson() {
        return String.format(Locale.ROOT, "{\"workload\": \"%s\", \"metric\": \"%s\", \"value\": %.4f, \"unit\": \"%s\"}",
                workload, metric, value, unit);
    }

    /** The figure of {@code metric} in {@code figures}, or null. */
    static Result find(List<Result> figures, String metric) {
        for (Result r : figures) {
            if (r.metric().equals(metric)) {
                return r;
            }
        }
        return null;
    }
}
