package dezero.examples.ui;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A console progress bar for one epoch of training:
 * {@code epoch  3/10 [##########..........]  40/80 batches  loss 0.4521  2.1s}.
 *
 * <p>On an interactive terminal the bar redraws in place (carriage return) after every step;
 * when the output is a file, a pipe or a test buffer, only the finished line of each epoch is
 * printed, so logs stay readable.
 *
 * <pre>{@code
 * ProgressBar bar = new ProgressBar(System.out, "epoch 1/5", loader.batchCount());
 * for (...) { ...; bar.step(String.format("loss %.4f", loss)); }
 * bar.finish("loss 0.1234  accuracy 0.9710");
 * }</pre>
 */
public final class ProgressBar {
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final String label;
    private final int total;
    private final boolean interactive;
    private final long start = System.nanoTime();
    private int done;

    /** A bar over {@code total} steps, redrawn in place only when {@code out} is the console. */
    public ProgressBar(PrintStream out, String label, int total) {
        this(out, label, total, out == System.out && System.console() != null);
    }

    ProgressBar(PrintStream out, String label, int total, boolean interactive) {
        if (total < 0) {
            throw new IllegalArgumentException("progress bar: total must be >= 0, got " + total);
        }
        this.out = out;
        this.label = label;
        this.total = total;
        this.interactive = interactive;
    }

    /** Advances by one step; {@code status} (e.g. the running loss) is shown after the counter. */
    public void step(String status) {
        done = Math.min(total, done + 1);
        if (interactive) {
            out.print("\r" + line(status));
            out.flush();
        }
    }

    /** Completes the bar and ends its line with the epoch's summary. */
    public void finish(String summary) {
        done = total;
        out.print((interactive ? "\r" : "") + line(summary) + System.lineSeparator());
        out.flush();
    }

    /** The text of the bar for the current state (package-private for tests). */
    String line(String status) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String counterWidth = Integer.toString(Integer.toString(total).length());
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "%s [%s%s] %" + counterWidth + "d/%d  %s  %.1fs", label,
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, status == null ? "" : status, seconds);
    }
}
