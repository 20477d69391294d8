package dezero.bench;

import java.util.Locale;

/** The report: one row per metric with ours (Vector API kernel), the plain kernel, NumPy, PyTorch, the ratio and %peak. */
final class Table {
    private static final String FORMAT = "%-12s %-46s %9s %9s %9s %9s %8s %6s  %s%n";
    private final Peak peak;

    Table(Peak peak) {
        this.peak = peak;
    }

    void header() {
        System.out.printf(Locale.ROOT, FORMAT, "workload", "metric", "ours", "plain", "numpy", "pytorch", "vs best", "%peak",
                "unit");
    }

    void row(Result ours, Result plain, Result numpy, Result torch) {
        Result best = numpy;
        if (torch != null && (best == null || torch.speedup(best) > 1)) {
            best = torch;
        }
        String ratio = best == null ? "-" : String.format(Locale.ROOT, "%.2fx", ours.speedup(best));
        double p = peak == null || !ours.workload().equals("gemm") ? Double.NaN : peak.forMetric(ours.metric());
        String pct = Double.isNaN(p) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * ours.value() / p);
        System.out.printf(Locale.ROOT, FORMAT, ours.workload(), ours.metric(), Main.format(ours.value()), figure(plain),
                figure(numpy), figure(torch), ratio, pct, ours.unit());
    }

    private static String figure(Result r) {
        return r == null ? "-" : Main.format(r.value());
    }
}
