package dezero.examples;

import java.io.PrintStream;

/**
 * One runnable program of the book. {@link Main} lists and dispatches them by {@link #name()}.
 * Each implementation also exposes a static method with explicit parameters (iterations, output
 * directory) that the smoke tests call directly.
 */
public interface Example {
    /** The command-line name, e.g. {@code linear-regression}. */
    String name();

    /** One line for the list printed by {@code --help}. */
    String summary();

    /** The options this example accepts, one per line ({@code --iters N  ...}); empty if none. */
    default String options() {
        return "";
    }

    /** Runs the example, writing its report to {@code out}. Throws {@link Options.UsageException} on bad options. */
    void run(Options options, PrintStream out) throws Exception;
}
