package dezero.bench;

import dezero.launcher.VectorModule;
import dezero.ndarray.kernel.Kernels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code java -jar dezero-bench/target/dezero-bench.jar [workload ...] [options]}
 *
 * <p>Workloads: {@code all} (default), {@code gemm}, {@code rosenbrock}, {@code elementwise},
 * {@code reduce}, {@code mlp-epoch}, {@code cnn-step}; {@code probe} (alias {@code tune}) prints
 * what the kernels chose for this machine and its measured fused multiply-add peak. For each
 * workload, each run in a JVM of its own ({@link ChildRun}): our figure on the Vector API kernel
 * (median of several repetitions after warm-up),
 * the plain-Java kernel's (the same workload in a child JVM started without JVM options, as a
 * library user gets it), NumPy's ({@code numpy_ref.py}) and PyTorch's ({@code torch_ref.py}),
 * both run in the same invocation, and our ratio to the best of NumPy and PyTorch (above 1: we
 * are faster). gemm rows also give our fraction of the machine's measured FMA peak.
 *
 * <p>Options: {@code --python CMD} (the python for both scripts; default {@code python3}),
 * {@code --numpy PATH}, {@code --torch PATH} (other scripts than the two inside the jar), {@code --no-numpy}, {@code --no-torch}, {@code --no-plain},
 * {@code --threads N} (ours, NumPy's BLAS and PyTorch all on N threads; default: the cores),
 * {@code --rounds N} (measure every column of a workload N times, one after the other, and print
 * the medians over the rounds: the figures of a shared, noisy machine; see {@link Rounds}).
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

    static final String USAGE = "usage: java -jar dezero-bench.jar [all|probe|" + String.join("|", WORKLOADS.keySet())
            + " ...] [--python CMD] [--numpy PATH] [--torch PATH] [--no-numpy] [--no-torch] [--no-plain] [--threads N]"
            + " [--rounds N]\n"
            + "       java -jar dezero-bench.jar jmh [JMH options]   (kernel micro-benchmarks)";

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

    /** The parsed command line. */
    static final class Options {
        final List<String> workloads = new ArrayList<>();
        String python = "python3";
        String numpy;
        String torch;
        boolean withNumpy = true;
        boolean withTorch = true;
        boolean withPlain = true;
        boolean json;
        boolean probe;
        Integer threads;
        int rounds = 1;
    }

    /** Parses the arguments, or returns null having printed the usage (status in {@code status[0]}). */
    static Options parse(String[] args, int[] status) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            boolean hasValue = i + 1 < args.length;
            if (a.equals("--python") && hasValue) {
                o.python = args[++i];
            } else if (a.equals("--numpy") && hasValue) {
                o.numpy = args[++i];
            } else if (a.equals("--torch") && hasValue) {
                o.torch = args[++i];
            } else if (a.equals("--threads") && hasValue && args[i + 1].matches("[1-9][0-9]*")) {
                o.threads = Integer.parseInt(args[++i]);
            } else if (a.equals("--rounds") && hasValue && args[i + 1].matches("[1-9][0-9]?")) {
                o.rounds = Integer.parseInt(args[++i]);
            } else if (a.equals("--no-numpy")) {
                o.withNumpy = false;
            } else if (a.equals("--no-torch")) {
                o.withTorch = false;
            } else if (a.equals("--no-plain")) {
                o.withPlain = false;
            } else if (a.equals("--json")) {
                o.json = true;
            } else if (a.equals("probe") || a.equals("tune")) {
                o.probe = true;
            } else if (a.equals("all")) {
                o.workloads.addAll(WORKLOADS.keySet());
            } else if (WORKLOADS.containsKey(a)) {
                o.workloads.add(a);
            } else {
                if (a.equals("--rounds") || a.equals("--threads")) {
                    System.err.println("dezero-bench: " + a + " needs a count (" + (a.equals("--rounds") ? "1 to 99" : "1 or more")
                            + "), not " + (hasValue ? "'" + args[i + 1] + "'" : "nothing"));
                } else if (!a.equals("--help") && !a.equals("-h")) {
                    System.err.println("dezero-bench: unknown argument '" + a + "'");
                }
                System.err.println(USAGE);
                status[0] = a.equals("--help") || a.equals("-h") ? 0 : 2;
                return null;
            }
        }
        if (o.workloads.isEmpty() && !o.probe) {
            o.workloads.addAll(WORKLOADS.keySet());
        }
        return o;
    }

    static int run(String[] args) {
        int[] status = {0};
        Options o = parse(args, status);
        if (o == null) {
            return status[0];
        }
        if (o.threads != null) {
            // before the kernels' first use, which fixes their thread count
            System.setProperty("dezero.threads", o.threads.toString());
        }
        if (o.json) {
            // the child run of the plain kernel: figures only, one JSON line each
            for (String name : o.workloads) {
                for (Result r : WORKLOADS.get(name).get()) {
                    System.out.println(r.toJson());
                }
            }
            return 0;
        }
        int threads = Kernels.threads();
        System.out.println("dezero-bench: " + Machine.describe() + ", java " + System.getProperty("java.version"));
        if (o.probe) {
            Probe.print(threads);
            if (o.workloads.isEmpty()) {
                return 0;
            }
        }
        Peak peak = o.workloads.contains("gemm") ? Peak.measure(threads) : null;
        PythonReference numpy = o.withNumpy ? PythonReference.numpy(o.numpy, o.python, threads) : null;
        PythonReference torch = o.withTorch ? PythonReference.torch(o.torch, o.python, threads) : null;
        ChildRun ours = ChildRun.ours(threads);
        ChildRun plain = o.withPlain ? ChildRun.plain(threads) : null;
        System.out.println("threads: ours " + threads + ", NumPy's BLAS " + threads + " (its element-wise loops and"
                + " reductions: 1), PyTorch " + threads + "; kernel " + Kernels.get().name()
                + (plain != null ? ", plain = the plain-Java kernel in a JVM without options" : "")
                + "; each workload in a JVM of its own");
        if (peak != null) {
            System.out.println(peak);
        }
        System.out.println("figures are medians of several runs" + (o.rounds > 1 ? ", then the median over "
                + o.rounds + " rounds (each round measures every column once; spread = half our range over them)" : "")
                + "; vs best = ours against the better of NumPy and PyTorch (above 1: we are faster); %peak = ours /"
                + " the measured FMA peak on " + threads + (threads == 1 ? " thread" : " threads"));
        Table table = new Table(peak);
        table.header();
        for (String name : o.workloads) {
            Map<String, Rounds> byMetric = new LinkedHashMap<>();
            for (int round = 0; round < o.rounds; round++) {
                List<Result> oursFigures = ours.run(name);
                List<Result> plainFigures = plain == null ? List.of() : plain.run(name);
                List<Result> numpyFigures = numpy == null ? List.of() : numpy.run(name);
                List<Result> torchFigures = torch == null ? List.of() : torch.run(name);
                for (Result r : oursFigures) {
                    byMetric.computeIfAbsent(r.metric(), m -> new Rounds()).add(r,
                            Result.find(plainFigures, r.metric()), Result.find(numpyFigures, r.metric()),
                            Result.find(torchFigures, r.metric()));
                }
            }
            byMetric.values().forEach(table::row);
        }
        return 0;
    }

    static String format(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.1f" : v >= 1 ? "%.2f" : "%.4f", v);
    }
}
