package dezero.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The heap options the relaunch adds, for figures that are the same from one JVM launch to the
 * next: {@code -XX:+UseParallelGC -XX:+AlwaysPreTouch}, each unless the JVM options already choose
 * a collector or a pre-touch setting.
 *
 * <p>Why (measured on the Rosenbrock loop, 10,000 iterations of a graph of scalars, about 60 MB
 * of short-lived objects per loop): with the default G1 collector one launch ran it in 12-13 ms
 * and the next in 19-26 ms, the same program and options. Counting page faults per loop showed two
 * causes. (1) Loops of 35-50 ms took 16,000 minor faults each, 64 MB: allocation had reached heap
 * memory the process had never touched (after the heap grew, or G1 handed out other free regions),
 * and every 4 KB page then costs a fault and the kernel's zeroing, in the middle of the program.
 * {@code AlwaysPreTouch} touches heap memory when it is committed, at start-up (0.15 s for the
 * default initial heap of a 24 GB machine) and inside the collection that grows the heap, so the
 * program never meets an untouched page. (2) Without faults, G1 still alternated between 12 and
 * 20 ms per loop within one run (its concurrent refinement and marking threads share the cores
 * with the program); the Parallel collector, which reuses one contiguous eden from its start after
 * every collection and has no concurrent phase, ran every loop of every launch in 10.5-12 ms.
 * DeZero's programs are throughput work (training loops) where its stop-the-world young
 * collections are short, as the young generation holds little that survives.
 */
public final class HeapOptions {
    private HeapOptions() {
    }

    /** What the relaunch adds to a JVM that chose neither. */
    public static final List<String> STEADY = List.of("-XX:+UseParallelGC", "-XX:+AlwaysPreTouch");

    /** The options of {@link #STEADY} whose setting {@code jvmOptions} does not already make. */
    static List<String> missingFrom(List<String> jvmOptions) {
        List<String> out = new ArrayList<>();
        if (jvmOptions.stream().noneMatch(o -> o.matches("-XX:[+-]Use\\w*GC"))) {
            out.add(STEADY.get(0));
        }
        if (jvmOptions.stream().noneMatch(o -> o.matches("-XX:[+-]AlwaysPreTouch"))) {
            out.add(STEADY.get(1));
        }
        return out;
    }
}
