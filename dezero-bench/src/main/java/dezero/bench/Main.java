package dezero.bench;

import dezero.ndarray.kernel.Kernels;
import dezero.launcher.VectorModule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code java -jar dezero-bench/target/dezero-bench.jar [workload ...] [--numpy PATH] [--python CMD] [--no-numpy]}
 *
 * <p>Workloads: {@code all} (default), {@code gemm}, {@code rosenbrock}, {@code elementwise},
 * {@code reduce}, {@code mlp-epoch}, {@code cnn-step}. For each, our figure (median of several repetitions after
 * warm-up), then the NumPy reference's figure from {@code numpy_ref.py} run in the same
 * invocation, and how many times faster we are (above 1: faster than NumPy).
 */
public final class Main {
    private Main() {
    }

    private static final Map<String, Supplier<List<Result>>> WORKLOADS = new LinkedHashMap<>();

    static {
        WORKLOADS.put("gemm", Workloads::gemm);
        WORKLOADS.put("rosenbrock", Workloads::rosenbrock);
        WORKLOADS.put("elementwise", Workloads::elementwise);
        WORKLOADS.put("reduce", Workloads::reduce);
        WORKLOADS.put("mlp-epoch", Workloads::mlpEpoch);
        WORKLOADS.put("cnn-step", Workloads::cnnStep);
    }

    /** The reference DeZero's Rosenbrock loop on these machines (issue 2), for the ratio there is no NumPy script for. */
    static final double DEZERO_ROSENBROCK_MS = 930;

    public static void main(String[] args) {
        // a jar cannot add the Vector API module: re-run in a child JVM that has it (see VectorModule)
        VectorModule.relaunchIfAbsent(Main.class, args);
        if (args.length > 0 && args[0].equals("jmh")) {
            // JMH micro-benchmarks of the kernels (dezero.bench.jmh); the remaining arguments are JMH's
            runJmh(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(run(args));
    }

    private static void runJmh(String[] jmhArgs) {
        try {
            org.openjdk.jmh.Main.main(jmhArgs.length == 0 ? new String[] {"dezero.bench.jmh"} : jmhArgs);
        } catch (Exception e) {
            System.err.println("jmh failed: " + e);
            System.exit(1);
        }
    }

    static int run(String[] args) {
        List<String> names = new ArrayList<>();
        String numpy = null;
        String python = "python3";
        boolean withNumpy = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--numpy") && i + 1 < args.length) {
                numpy = args[++i];
            } else if (a.equals("--python") && i + 1 < args.length) {
                python = args[++i];
            } else if (a.equals("--no-numpy")) {
                withNumpy = false;
            } else if (a.equals("all")) {
                names.addAll(WORKLOADS.keySet());
            } else if (WORKLOADS.containsKey(a)) {
                names.add(a);
            } else {
                System.err.println("usage: java -jar dezero-bench.jar [all|" + String.join("|", WORKLOADS.keySet())
                        + " ...] [--numpy PATH] [--python CMD] [--no-numpy]");
                System.err.println("       java -jar dezero-bench.jar jmh [JMH options]   (kernel micro-benchmarks)");
                return a.equals("--help") || a.equals("-h") ? 0 : 2;
            }
        }
        if (names.isEmpty()) {
            names.addAll(WORKLOADS.keySet());
        }
        System.out.println("dezero-bench: kernel " + Kernels.get().name() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, java " + System.getProperty("java.version"));
        NumpyReference ref = withNumpy ? NumpyReference.find(numpy, python) : null;
        System.out.println("figures are medians of several runs; speedup = how many times faster than NumPy (above 1: faster)");
        System.out.printf(Locale.ROOT, "%-12s %-48s %12s %12s %8s  %s%n", "workload", "metric", "ours", "numpy", "speedup", "unit");
        for (String name : names) {
            List<Result> ours = WORKLOADS.get(name).get();
            // numpy_ref.py has no scalar-autograd workload: Rosenbrock is compared with the reference DeZero's figure
            List<Result> theirs = ref == null || name.equals("rosenbrock") ? List.of() : ref.run(name);
            for (Result r : ours) {
                Result match = null;
                String base = r.metric().replace(" (plain kernel)", "");
                for (Result t : theirs) {
                    if (t.metric().equals(base)) {
                        match = t;
                    }
                }
                String numpyFigure = match == null ? "-" : format(match.value());
                String speedup = match == null ? "-" : String.format(Locale.ROOT, "%.2fx", r.speedup(match));
                if (match == null && name.equals("rosenbrock")) {
                    numpyFigure = "(DeZero " + format(DEZERO_ROSENBROCK_MS) + ")";
                    speedup = String.format(Locale.ROOT, "%.1fx", DEZERO_ROSENBROCK_MS / r.value());
                }
                System.out.printf(Locale.ROOT, "%-12s %-48s %12s %12s %8s  %s%n", r.workload(), r.metric(), format(r.value()),
                        numpyFigure, speedup, r.unit());
            }
        }
        return 0;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.1f" : v >= 1 ? "%.2f" : "%.4f", v);
    }
}
