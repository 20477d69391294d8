package dezero.bench;

import dezero.launcher.HeapOptions;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Our figures on the plain-Java kernel: the same workload in a child JVM without the Vector API
 * module and without the JIT option it wants, as a library user gets it from {@code java -cp ...},
 * on the same threads. It gets the launcher's heap options ({@link HeapOptions#STEADY}), so its
 * figures compare with ours rather than with the default collector's launch-to-launch swings.
 * It prints its figures as JSON lines ({@code --json}).
 */
final class PlainChild {
    private final int threads;

    PlainChild(int threads) {
        this.threads = threads;
    }

    List<Result> run(String workload) {
        List<Result> out = new ArrayList<>();
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        command.addAll(HeapOptions.STEADY);
        command.addAll(List.of("-Ddezero.relaunch=false", "-Ddezero.kernel=plain", "-Ddezero.threads=" + threads,
                Main.class.getName(), "--json", workload));
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
                    } else {
                        other.append(line).append('\n');
                    }
                }
            }
            if (p.waitFor() != 0) {
                System.out.println("(plain kernel run of " + workload + " failed: " + other.toString().trim() + ")");
            }
        } catch (IOException e) {
            System.out.println("(plain kernel run skipped: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }
}
