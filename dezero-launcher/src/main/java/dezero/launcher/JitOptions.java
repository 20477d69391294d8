package dezero.launcher;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HotSpot option the Vector API kernel needs to stay fast in a long-running JVM, and a check
 * of whether this JVM has it.
 *
 * <p>Why: C2 adds up the "class check" deoptimizations recorded in every method it inlines into a
 * compilation, and above {@code -XX:PerMethodTrapLimit} (default 100) it stops guarding calls with
 * cheap traps and emits real virtual calls instead. The Vector API's shared entry points
 * ({@code VectorSupport.binaryOp}, {@code load}, {@code store}...) collect such traps during
 * every program's warm-up, while the kernels still run interpreted; a large loop inlines dozens
 * of them and crosses the limit, a vector then reaches an intrinsic through a virtual call,
 * and the intrinsic falls back to scalar Java for good. Measured on JDK 17 (2 cores, AVX-512):
 * float32 tanh over 4M elements at 3.5 GB/s instead of 17, row sums at 7.6 GB/s instead of 96,
 * after float32 matmuls had run in the same JVM. A high limit keeps the traps; each bytecode
 * still traps at most a few times (C2 stops speculating at a bytecode once it has trapped), so
 * the recompilations stay bounded.
 *
 * <pre>{@code
 * java --add-modules jdk.incubator.vector -XX:PerMethodTrapLimit=100000 -cp app.jar Main
 * }</pre>
 *
 * <p>{@link VectorModule#relaunchIfAbsent} adds the option to the JVM it starts, and checks it
 * (with {@link #checkAndAdvise()}) in a JVM that already has the module.
 */
public final class JitOptions {
    private static final Logger LOG = Logger.getLogger(JitOptions.class.getName());

    private JitOptions() {
    }

    /** The value the launchers pass: one kernel's cumulative count was 196 when measured, and can reach thousands. */
    public static final long TRAP_LIMIT = 100_000;

    /** The HotSpot options for the Vector API kernel, as command-line arguments. */
    public static final List<String> VECTOR_KERNEL_OPTIONS = List.of("-XX:PerMethodTrapLimit=" + TRAP_LIMIT);

    /** This JVM's {@code PerMethodTrapLimit}, or empty when it cannot be read (not HotSpot, no jdk.management). */
    static OptionalLong perMethodTrapLimit() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean hotspot =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return hotspot == null ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(hotspot.getVMOption("PerMethodTrapLimit").getValue()));
        } catch (RuntimeException | LinkageError e) {
            return OptionalLong.empty();
        }
    }

    /** Null when the limit is high enough (or unknown), otherwise what to add to the command line and why. */
    static String advice(OptionalLong limit) {
        if (limit.isEmpty() || limit.getAsLong() >= TRAP_LIMIT) {
            return null;
        }
        return "the Vector API kernel can fall back to scalar code after warm-up in this JVM (PerMethodTrapLimit="
                + limit.getAsLong() + "); start java with " + String.join(" ", VECTOR_KERNEL_OPTIONS)
                + " (see the javadoc of " + JitOptions.class.getName() + ")";
    }

    /**
     * Logs {@link #advice} at INFO when this JVM's trap limit is too low, on a daemon thread:
     * reading a VM option starts the management beans (about 20 ms), which a program's start
     * need not wait for.
     */
    public static void checkAndAdvise() {
        Thread check = new Thread(() -> {
            String advice = advice(perMethodTrapLimit());
            if (advice != null) {
                LOG.log(Level.INFO, "dezero: {0}", advice);
            }
        }, "dezero-jit-options-check");
        check.setDaemon(true);
        check.start();
    }

    /** Whether the JVM options already set the trap limit (then the launcher leaves it as given). */
    static boolean setIn(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:PerMethodTrapLimit="));
    }
}
