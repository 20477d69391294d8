package dezero.utils;

import dezero.Variable;
import dezero.ndarray.Shapes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Exports the computational graph that produced a Variable as Graphviz DOT, like DeZero's
 * {@code get_dot_graph} and {@code plot_dot_graph} (step 26): variables are orange ellipses
 * labelled with their name (in verbose mode {@code name: (2, 3) float64}), functions are
 * light-blue boxes labelled with the function's name, and edges run input -> function -> output.
 * The walk is iterative, so graphs of any depth (a 100,000-function chain) are fine. Nodes are
 * numbered in the order they are first met, so the text is deterministic.
 *
 * <pre>{@code
 * Variable x = Variable.of(1.0); x.setName("x");
 * Variable y = F.tanh(x);        y.setName("y");
 * System.out.println(DotGraph.toDot(y, false));
 * // digraph g {
 * // 0 [label="y", color=orange, style=filled]
 * // 1 [label="Tanh", color=lightblue, style=filled, shape=box]
 * // 2 -> 1
 * // 1 -> 0
 * // 2 [label="x", color=orange, style=filled]
 * // }
 * DotGraph.plot(y, true, Path.of("out/tanh.png"));   // writes out/tanh.dot, runs dot -Tpng when installed
 * }</pre>
 */
public final class DotGraph {
    /** The message of the exception {@link #plot} throws when Graphviz is missing. */
    public static final String DOT_NOT_FOUND = "Graphviz 'dot' was not found on the PATH; install Graphviz"
            + " (e.g. apt-get install graphviz) or use toDot() and render the DOT text yourself";

    private static final Set<String> FORMATS = Set.of("png", "svg", "pdf");
    /** How long {@link #plot} waits for {@code dot}. */
    private static final Duration DOT_TIMEOUT = Duration.ofMinutes(10);

    private DotGraph() {
    }

    /**
     * The DOT text of the graph that produced {@code output}.
     *
     * @param verbose label variables with shape and dtype as well as name
     */
    public static String toDot(Variable output, boolean verbose) {
        Objects.requireNonNull(output, "output");
        Map<Object, Integer> ids = new IdentityHashMap<>();
        Set<Object> emitted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        StringBuilder sb = new StringBuilder("digraph g {\n");
        appendVariable(sb, output, verbose, ids, emitted);

        ArrayDeque<dezero.Function> stack = new ArrayDeque<>();
        Set<dezero.Function> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        dezero.Function start = output.creator();
        if (start != null) {
            stack.push(start);
            seen.add(start);
        }
        while (!stack.isEmpty()) {
            dezero.Function f = stack.pop();
            int fid = id(ids, f);
            sb.append(fid).append(" [label=\"").append(escape(f.name()))
                    .append("\", color=lightblue, style=filled, shape=box]\n");
            Variable[] inputs = f.inputs();
            for (Variable x : inputs) {
                sb.append(id(ids, x)).append(" -> ").append(fid).append('\n');
            }
            Variable y = f.output();
            if (y != null) {
                sb.append(fid).append(" -> ").append(id(ids, y)).append('\n');
            }
            for (Variable x : inputs) {
                appendVariable(sb, x, verbose, ids, emitted);
                dezero.Function c = x.creator();
                if (c != null && seen.add(c)) {
                    stack.push(c);
                }
            }
        }
        return sb.append("}\n").toString();
    }

    /**
     * Writes the graph as DOT next to {@code file} (same name, extension {@code .dot}) and renders
     * it to {@code file} with Graphviz ({@code dot -Tpng|svg|pdf}, from the extension). When
     * {@code file} itself ends in {@code .dot}, only the DOT text is written.
     *
     * @return {@code file}
     * @throws IllegalArgumentException for an extension other than png, svg, pdf or dot
     * @throws IllegalStateException    when {@code dot} is not on the PATH (see {@link #DOT_NOT_FOUND}; the
     *                                  .dot file has been written), or when it fails
     */
    public static Path plot(Variable output, boolean verbose, Path file) throws IOException {
        return plot(output, verbose, file, System.getenv("PATH"));
    }

    /** {@link #plot(Variable, boolean, Path)} looking for {@code dot} on the given search path (for tests). */
    static Path plot(Variable output, boolean verbose, Path file, String searchPath) throws IOException {
        return plot(output, verbose, file, searchPath, DOT_TIMEOUT);
    }

    /** As {@link #plot(Variable, boolean, Path, String)}, stopping {@code dot} after {@code timeout} (for tests). */
    static Path plot(Variable output, boolean verbose, Path file, String searchPath, Duration timeout)
            throws IOException {
        Objects.requireNonNull(file, "file");
        String name = file.getFileName().toString();
        int dotPos = name.lastIndexOf('.');
        String ext = dotPos < 0 ? "" : name.substring(dotPos + 1).toLowerCase(Locale.ROOT);
        if (!ext.equals("dot") && !FORMATS.contains(ext)) {
            throw new IllegalArgumentException("plot: cannot tell the output format from '" + name
                    + "'; use a file name ending in .png, .svg, .pdf (or .dot for the DOT text only)");
        }
        String text = toDot(output, verbose);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path dotFile = ext.equals("dot") ? file : file.resolveSibling(name.substring(0, dotPos) + ".dot");
        Files.writeString(dotFile, text, StandardCharsets.UTF_8);
        if (ext.equals("dot")) {
            return file;
        }
        Path dot = findOnPath("dot", searchPath)
                .orElseThrow(() -> new IllegalStateException(DOT_NOT_FOUND + " (the DOT text was written to "
                        + dotFile + ")"));
        // absolute paths, so that a file name starting with '-' is never taken for an option
        List<String> command = List.of(dot.toString(), "-T" + ext, dotFile.toAbsolutePath().toString(), "-o",
                file.toAbsolutePath().toString());
        // dot's output goes to a file, not a pipe: waiting for the pipe to close would wait for a hung dot
        Path log = Files.createTempFile("dezero-dot", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    stop(p);
                    throw new IllegalStateException("plot: '" + dot + "' did not finish within " + describe(timeout)
                            + " (the DOT text was written to " + dotFile + ")");
                }
            } catch (InterruptedException e) {
                stop(p);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("plot: interrupted while waiting for '" + dot + "'", e);
            }
            if (p.exitValue() != 0) {
                String out = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).strip();
                throw new IllegalStateException("plot: '" + String.join(" ", command) + "' failed with exit code "
                        + p.exitValue() + (out.isEmpty() ? "" : ": " + (out.length() > 2000 ? out.substring(0, 2000)
                                + "..." : out)));
            }
        } finally {
            Files.deleteIfExists(log);
        }
        return file;
    }

    /** Kills {@code p} and what it started (a shell script's children). */
    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static String describe(Duration d) {
        return d.toMinutes() >= 1 && d.toSecondsPart() == 0 ? d.toMinutes() + " minutes" : d.toSeconds() + " s";
    }

    /** Whether Graphviz's {@code dot} program is on the {@code PATH}, i.e. whether {@link #plot} can render images. */
    public static boolean graphvizAvailable() {
        return findOnPath("dot", System.getenv("PATH")).isPresent();
    }

    /**
     * The first executable file named {@code program} (or {@code program.exe} / {@code .bat} /
     * {@code .cmd}, for Windows) in the directories of {@code searchPath}, separated by
     * {@link File#pathSeparator}; empty when there is none or the path is null.
     */
    static Optional<Path> findOnPath(String program, String searchPath) {
        if (searchPath == null || searchPath.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = List.of(program, program + ".exe", program + ".bat", program + ".cmd");
        for (String dir : searchPath.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String n : names) {
                try {
                    Path candidate = Path.of(dir, n);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    // an unusable PATH entry: skip it
                }
            }
        }
        return Optional.empty();
    }

    private static void appendVariable(StringBuilder sb, Variable v, boolean verbose, Map<Object, Integer> ids,
            Set<Object> emitted) {
        if (!emitted.add(v)) {
            return;
        }
        sb.append(id(ids, v)).append(" [label=\"").append(escape(label(v, verbose)))
                .append("\", color=orange, style=filled]\n");
    }

    /** DeZero's label: the name (empty when unnamed); verbose adds {@code ": (2, 3) float64"}. */
    static String label(Variable v, boolean verbose) {
        String name = v.name() == null ? "" : v.name();
        if (verbose && v.data() != null) {
            if (v.name() != null) {
                name += ": ";
            }
            name += Shapes.str(v.data().shape()) + " " + v.data().dtype();
        }
        return name;
    }

    private static int id(Map<Object, Integer> ids, Object o) {
        return ids.computeIfAbsent(o, k -> ids.size());
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }
}
