package dezero.bench;

import dezero.launcher.HeapOptions;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One workload in a JVM of its own, which prints its figures as JSON lines ({@code --json}), as
 * JMH forks one per benchmark: a workload's figures then do not depend on what ran before it in
 * the same JVM (the heap the gemm workload grew, the JIT's profiles of shared code).
 *
 * <p>{@link #ours}: this JVM's options (the Vector API module, the JIT option, the heap options of
 * the launcher's relaunch). {@link #plain}: the plain-Java kernel in a JVM without the Vector API
 * module and without the JIT option, as a library user gets it from {@code java -cp ...}, with the
 * launcher's heap options ({@link HeapOptions#STEADY}) so that its figures compare with ours.
 */
final class ChildRun {
    private final String name;
    private final List<String> jvmOptions;

    private ChildRun(String name, List<String> jvmOptions) {
        this.name = name;
        this.jvmOptions = jvmOptions;
    }

    static ChildRun ours(int threads) {
        List<String> options = new ArrayList<>();
        for (String o : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!o.startsWith("-Ddezero.threads=")) {
                options.add(o);
            }
        }
        if (options.stream().noneMatch(o -> o.startsWith("--add-modules"))
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            options.add("--add-modules=jdk.incubator.vector");
        }
        options.add("-Ddezero.threads=" + threads);
        options.add("-Ddezero.relaunch=false");
        return new ChildRun("ours", options);
    }

    static ChildRun plain(int threads) {
        List<String> options = new ArrayList<>(HeapOptions.STEADY);
        options.addAll(List.of("-Ddezero.relaunch=false", "-Ddezero.kernel=plain", "-Ddezero.threads=" + threads));
        return new ChildRun("plain kernel", options);
    }

    List<Result> run(String workload) {
        List<Result> out = new ArrayList<>();
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "--json", workload));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Process p = pb.start();
            StringBuilder other = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Result res = PythonReference.parse(line);
                    if (res != null) {
                        out.add(res);
                    } else if (!line.startsWith("WARNING: Using incubator modules")) {
                        other.append(line).append('\n');
                    }
                }
            }
            if (p.waitFor() != 0) {
                System.out.println("(" + name + " run of " + workload + " failed: " + other.toString().trim() + ")");
            }
        } catch (IOException e) {
            System.out.println("(" + name + " run skipped: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }
}
