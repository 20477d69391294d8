package dezero.examples;

import dezero.datasets.DownloadException;
import dezero.launcher.VectorModule;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entry point of {@code dezero-examples.jar}: {@code java -jar dezero-examples.jar <name> [options]}.
 * Without arguments or with {@code --help} it lists the examples. Exit status: 0 on success,
 * 1 when an example fails, 2 for an unknown example or bad options. A failure is one line on
 * standard error; {@code --verbose} (or {@code -Ddezero.verbose=true}) adds its stack trace.
 */
public final class Main {
    private Main() {
    }

    /** The system property that, set to {@code true}, makes a failing example print its stack trace (as {@code --verbose}). */
    public static final String VERBOSE_PROPERTY = "dezero.verbose";

    /** The examples, in the order of the book. */
    public static final List<Example> EXAMPLES = List.of(
            new Steps(),
            new Gradients(),
            new TaylorSin(),
            new Rosenbrock(),
            new Newton(),
            new TanhGraph(),
            new LinearRegression(),
            new SinRegression(),
            new SpiralClassification(),
            new MnistMlp(),
            new SaveLoad(),
            new DropoutDemo(),
            new SinLstm(),
            new MnistCnn(),
            new Gan(),
            new Vae(),
            new GradCam(),
            new StyleTransfer());

    public static void main(String[] args) {
        // A jar cannot add the Vector API module itself: without --add-modules jdk.incubator.vector
        // this re-runs the program once in a child JVM that has it (same output, same exit status;
        // -Ddezero.relaunch=false opts out and runs here on the plain kernel). See VectorModule.
        VectorModule.relaunchIfAbsent(Main.class, args);
        int status = run(args, System.out, System.err);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command line and returns the exit status (the testable part of {@link #main}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            printUsage(out);
            return 0;
        }
        Map<String, Example> byName = new LinkedHashMap<>();
        for (Example e : EXAMPLES) {
            byName.put(e.name(), e);
        }
        Example example = byName.get(args[0]);
        if (example == null) {
            err.println("error: unknown example '" + args[0] + "'. Valid names: " + String.join(", ", byName.keySet()));
            err.println();
            printUsage(err);
            return 2;
        }
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        Options options;
        try {
            options = Options.parse(rest, optionNames(example));
        } catch (Options.UsageException e) {
            err.println("error: " + example.name() + ": " + e.getMessage());
            printExampleHelp(example, err);
            return 2;
        }
        if (options.help()) {
            printExampleHelp(example, out);
            return 0;
        }
        try {
            example.run(options, out);
            return 0;
        } catch (Options.UsageException e) {
            err.println("error: " + example.name() + ": " + e.getMessage());
            printExampleHelp(example, err);
            return 2;
        } catch (Exception | Error e) {
            out.flush();
            boolean verbose = options.verbose() || Boolean.getBoolean(VERBOSE_PROPERTY);
            err.println("error: " + example.name() + ": " + describe(e, optionNames(example).contains("data"))
                    + (verbose ? "" : " (--verbose shows the stack trace)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    /**
     * A failure in one line: the message of an I/O error (it names the file or URL), else the
     * exception; for a failed download, what to do instead ({@code --data DIR} where the example has it).
     */
    static String describe(Throwable e, boolean hasDataOption) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof DownloadException) {
                return c.getMessage() + (hasDataOption ? ", or run with --data DIR, a directory holding the MNIST IDX"
                        + " files" : "");
            }
        }
        String text = e instanceof IOException && e.getMessage() != null ? e.getMessage() : e.toString();
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The option names declared in the first word of each line of {@link Example#options()}. */
    static Set<String> optionNames(Example e) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : e.options().split("\n")) {
            String t = line.strip();
            if (t.startsWith("--")) {
                int end = t.indexOf(' ');
                names.add(end < 0 ? t.substring(2) : t.substring(2, end));
            }
        }
        return names;
    }

    static void printUsage(PrintStream out) {
        out.println("DeZero for Java: the book's example programs.");
        out.println();
        out.println("usage: java -jar dezero-examples/target/dezero-examples.jar <example> [options]");
        out.println("       java -jar dezero-examples/target/dezero-examples.jar <example> --help");
        out.println();
        out.println("examples:");
        int width = 0;
        for (Example e : EXAMPLES) {
            width = Math.max(width, e.name().length());
        }
        for (Example e : EXAMPLES) {
            out.printf("  %-" + width + "s  %s%n", e.name(), e.summary());
        }
    }

    static void printExampleHelp(Example e, PrintStream out) {
        out.println("usage: java -jar dezero-examples/target/dezero-examples.jar " + e.name() + " [options]");
        out.println("  " + e.summary());
        if (!e.options().isEmpty()) {
            out.println("options:");
            for (String line : e.options().split("\n")) {
                out.println("  " + line);
            }
        }
    }
}
