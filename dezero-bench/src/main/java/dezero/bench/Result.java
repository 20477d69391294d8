package dezero.bench;

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
}
