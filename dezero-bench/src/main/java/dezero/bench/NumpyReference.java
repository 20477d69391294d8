package dezero.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the NumPy reference script ({@code numpy_ref.py <workload>}) in the same invocation and
 * reads its JSON lines. The script is looked for at the given path, else at
 * {@code ../shared/bench/numpy_ref.py} and {@code shared/bench/numpy_ref.py} relative to the
 * working directory; without python3, NumPy or the script the reference is skipped with a note.
 */
final class NumpyReference {
    static final List<String> DEFAULT_LOCATIONS = List.of("../shared/bench/numpy_ref.py", "shared/bench/numpy_ref.py");

    private static final Pattern LINE = Pattern.compile(
            "\\{\"workload\": \"([^\"]*)\", \"metric\": \"([^\"]*)\", \"value\": ([-0-9.eE+]+), \"unit\": \"([^\"]*)\"\\}");

    private final Path script;
    private final String python;

    private NumpyReference(Path script, String python) {
        this.script = script;
        this.python = python;
    }

    /** The reference at {@code configured} (or a default location), or null, having printed why it is skipped. */
    static NumpyReference find(String configured, String python) {
        List<String> candidates = configured != null ? List.of(configured) : DEFAULT_LOCATIONS;
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isRegularFile(p)) {
                return new NumpyReference(p, python);
            }
        }
        System.out.println("(NumPy reference skipped: no script at " + String.join(" or ", candidates)
                + "; pass --numpy PATH)");
        return null;
    }

    /** The reference figures of one workload; empty (with a note) when python3 or NumPy is missing. */
    List<Result> run(String workload) {
        List<Result> out = new ArrayList<>();
        try {
            Process p = new ProcessBuilder(python, script.toString(), workload).redirectErrorStream(true).start();
            StringBuilder other = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = LINE.matcher(line.trim());
                    if (m.matches()) {
                        out.add(new Result(m.group(1), m.group(2), Double.parseDouble(m.group(3)), m.group(4)));
                    } else {
                        other.append(line).append('\n');
                    }
                }
            }
            int status = p.waitFor();
            if (status != 0 && out.isEmpty()) {
                String why = other.toString().contains("No module named") ? "NumPy is not installed" : "exit status " + status;
                System.out.println("(NumPy reference skipped: " + python + " " + script + " " + workload + ": " + why + ")");
            }
        } catch (IOException e) {
            System.out.println("(NumPy reference skipped: cannot run " + python + ": " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }
}
