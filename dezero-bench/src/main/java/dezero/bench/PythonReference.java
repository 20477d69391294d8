package dezero.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference script run in the same invocation ({@code PYTHON script.py <workload>}), whose JSON
 * lines are read: {@code numpy_ref.py} (hand-written NumPy) and {@code torch_ref.py} (PyTorch
 * eager). Both run with the same python and the same thread count as ours: {@code THREADS} for
 * PyTorch, {@code OPENBLAS_NUM_THREADS}/{@code OMP_NUM_THREADS}/{@code MKL_NUM_THREADS} for the
 * BLAS under NumPy (its element-wise loops and reductions use one thread whatever the count). The
 * scripts ship inside the jar ({@code dezero/bench/python/}); {@code --numpy}/{@code --torch} run
 * others. A missing python or package leaves the column empty with a note saying how to get it.
 */
final class PythonReference {
    private static final Pattern LINE = Pattern.compile(
            "\\{\"workload\": \"([^\"]*)\", \"metric\": \"([^\"]*)\", \"value\": ([-0-9.eE+]+), \"unit\": \"([^\"]*)\"\\}");

    /** What torch_ref.py exits with when PyTorch is not installed for its python. */
    static final int NO_PACKAGE = 3;

    final String name;
    private final Path script;
    private final String python;
    private final int threads;
    private final String installHint;
    /** Set once the package turned out missing: the other workloads are not tried. */
    private boolean missing;

    private PythonReference(String name, Path script, String python, int threads, String installHint) {
        this.name = name;
        this.script = script;
        this.python = python;
        this.threads = threads;
        this.installHint = installHint;
    }

    /** The NumPy reference (numpy_ref.py), or null having printed why it is skipped. */
    static PythonReference numpy(String configured, String python, int threads) {
        return find("NumPy", "numpy_ref.py", configured, python, threads, "install NumPy for " + python
                + " (pip install numpy)");
    }

    /** The PyTorch reference (torch_ref.py), or null having printed why it is skipped. */
    static PythonReference torch(String configured, String python, int threads) {
        return find("PyTorch", "torch_ref.py", configured, python, threads, "PyTorch is not installed for " + python
                + ": python3 -m venv venv && venv/bin/pip install torch (the CPU wheel), then pass --python venv/bin/python");
    }

    private static PythonReference find(String name, String file, String configured, String python, int threads,
                                        String hint) {
        if (configured != null) {
            Path p = Path.of(configured);
            if (Files.isRegularFile(p)) {
                return new PythonReference(name, p, python, threads, hint);
            }
            System.out.println("(" + name + " reference skipped: no script at " + configured + ")");
            return null;
        }
        try {
            return new PythonReference(name, bundled(file), python, threads, hint);
        } catch (IOException e) {
            System.out.println("(" + name + " reference skipped: cannot write the bundled " + file + ": "
                    + e.getMessage() + ")");
            return null;
        }
    }

    /** The script shipped inside the jar, written to a temporary file that goes when the JVM exits. */
    private static Path bundled(String file) throws IOException {
        try (InputStream in = PythonReference.class.getResourceAsStream("python/" + file)) {
            if (in == null) {
                throw new IOException("python/" + file + " is not in the jar");
            }
            Path p = Files.createTempFile("dezero-bench-", "-" + file);
            p.toFile().deleteOnExit();
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            return p;
        }
    }

    /** The reference figures of one workload; empty (with a note, once) when python or the package is missing. */
    List<Result> run(String workload) {
        List<Result> out = new ArrayList<>();
        if (missing) {
            return out;
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(python, script.toString(), workload).redirectErrorStream(true);
            String n = Integer.toString(threads);
            pb.environment().put("THREADS", n);
            pb.environment().put("OPENBLAS_NUM_THREADS", n);
            pb.environment().put("OMP_NUM_THREADS", n);
            pb.environment().put("MKL_NUM_THREADS", n);
            Process p = pb.start();
            StringBuilder other = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Result res = parse(line);
                    if (res != null) {
                        out.add(res);
                    } else {
                        other.append(line).append('\n');
                    }
                }
            }
            int status = p.waitFor();
            if (status != 0 && out.isEmpty() && other.toString().contains("unknown workload")) {
                return out; // a workload this script does not have (NumPy has no Rosenbrock loop)
            }
            if (status != 0 && out.isEmpty()) {
                missing = status == NO_PACKAGE || other.toString().contains("No module named");
                String why = missing ? installHint : "exit status " + status + ": " + other.toString().trim();
                System.out.println("(" + name + " reference skipped: " + why + ")");
            }
        } catch (IOException e) {
            missing = true;
            System.out.println("(" + name + " reference skipped: cannot run " + python + ": " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    /** One JSON line of the reference scripts (and of our own --json output), or null. */
    static Result parse(String line) {
        Matcher m = LINE.matcher(line.trim());
        return m.matches() ? new Result(m.group(1), m.group(2), Double.parseDouble(m.group(3)), m.group(4)) : null;
    }
}
