package dezero.bench;

import java.util.Locale;

/**
 * The report: one row per metric with ours (Vector API kernel), the plain kernel, NumPy, PyTorch, the ratio, %peak and
 * the spread of our figure over the rounds.
 */
final class Table {
    private static final String FORMAT = "%-12s %-46s %9s %9s %9s %9s %8s %6s %7s  %s%n";
    private final Peak peak;

    Table(Peak peak) {
        this.peak = peak;
    }

    void header() {
        System.out.printf(Locale.ROOT, FORMAT, "workload", "metric", "ours", "plain", "numpy", "pytorch", "vs best", "%peak",
                "spread", "unit");
    }

    /** One metric: the medians over the rounds, the median of the rounds' ratios, and our spread (see {@link Rounds}). */
    void row(Rounds figures) {
        Result ours = figures.ours();
        double speedup = figures.speedupOverBest();
        String ratio = Double.isNaN(speedup) ? "-" : String.format(Locale.ROOT, "%.2fx", speedup);
        double p = peak == null || !ours.workload().equals("gemm") ? Double.NaN : peak.forMetric(ours.metric());
        String pct = Double.isNaN(p) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * ours.value() / p);
        double spread = figures.spread();
        String spreadText = Double.isNaN(spread) ? "-" : String.format(Locale.ROOT, "+-%.0f%%", 100 * spread);
        System.out.printf(Locale.ROOT, FORMAT, ours.workload(), ours.metric(), Main.format(ours.value()),
                figure(figures.plain()), figure(figures.numpy()), figure(figures.torch()), ratio, pct, spreadText,
                ours.unit());
    }

    private static String figure(Result r) {
        return r == null ? "-" : Main.format(r.value());
    }
}
