package dezero.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One metric's figures over the rounds of a run ({@code --rounds N}): each round measures ours,
 * the plain kernel, NumPy and PyTorch one after the other, so a stretch of noise on a shared
 * machine (another VM's memory traffic, say) falls on one round's figures, which the medians
 * over the rounds then leave out. The ratio to the best peer is the median of the rounds' own
 * ratios, each comparing figures measured minutes apart at most.
 */
final class Rounds {
    /** Per round (null where that column has no figure in that round). */
    private final List<Result> ours = new ArrayList<>();
    private final List<Result> plain = new ArrayList<>();
    private final List<Result> numpy = new ArrayList<>();
    private final List<Result> torch = new ArrayList<>();

    /** Adds one round's figures of this metric. */
    void add(Result oursFigure, Result plainFigure, Result numpyFigure, Result torchFigure) {
        ours.add(oursFigure);
        plain.add(plainFigure);
        numpy.add(numpyFigure);
        torch.add(torchFigure);
    }

    /** Our median over the rounds (a Result of the first round's names), or null if no round measured it. */
    Result ours() {
        return median(ours);
    }

    Result plain() {
        return median(plain);
    }

    Result numpy() {
        return median(numpy);
    }

    Result torch() {
        return median(torch);
    }

    /** The median over the rounds of ours against the better of NumPy and PyTorch in that round; NaN if none. */
    double speedupOverBest() {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            Result best = better(numpy.get(i), torch.get(i));
            if (ours.get(i) != null && best != null) {
                ratios.add(ours.get(i).speedup(best));
            }
        }
        return ratios.isEmpty() ? Double.NaN : median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Half the range of our figures over the rounds, relative to their median: NaN with fewer than two. */
    double spread() {
        double[] v = values(ours);
        if (v.length < 2) {
            return Double.NaN;
        }
        Arrays.sort(v);
        return (v[v.length - 1] - v[0]) / 2 / median(v);
    }

    /** The faster of two figures of one metric (either may be null). */
    static Result better(Result a, Result b) {
        if (a == null) {
            return b;
        }
        return b != null && b.speedup(a) > 1 ? b : a;
    }

    private static Result median(List<Result> figures) {
        double[] v = values(figures);
        if (v.length == 0) {
            return null;
        }
        Result first = figures.stream().filter(r -> r != null).findFirst().orElseThrow();
        return new Result(first.workload(), first.metric(), median(v), first.unit());
    }

    private static double[] values(List<Result> figures) {
        return figures.stream().filter(r -> r != null).mapToDouble(Result::value).toArray();
    }

    /** The median (the mean of the middle two for an even count). */
    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
