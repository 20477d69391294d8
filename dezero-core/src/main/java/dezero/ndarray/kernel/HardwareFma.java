package dezero.ndarray.kernel;

import java.lang.management.ManagementFactory;

/**
 * Whether this JVM computes fused multiply-adds with the CPU's instructions: HotSpot's
 * {@code UseFMA}, which it turns on where the CPU has them (x86-64 since Haswell and Zen, every
 * 64-bit ARM). Where it is off (an older CPU, or a virtual machine whose CPU model hides FMA, as
 * QEMU's {@code kvm64}/{@code qemu64} do), {@code Math.fma} is computed exactly in software with
 * {@code BigDecimal} (about a microsecond each) and the Vector API's {@code fma} lane by lane the
 * same way: the Vector API kernel's products would run thousands of times slower (measured with
 * {@code -XX:-UseFMA} on an AMD EPYC: its float32 gemm at 0.03 GFLOP/s instead of 150-200). The kernels
 * then do without fused multiply-adds: {@code VectorKernel.unsupportedReason} refuses the Vector
 * API kernel, and the plain kernel's float32 exp, tanh and sigmoid ({@link ScalarMath}) call
 * {@code Math}'s functions instead of the polynomials written with {@code Math.fma}.
 *
 * <p>Read once, on first use (starting the management beans takes about 25 ms). On a JVM that
 * does not say (not HotSpot), fused multiply-adds are assumed to be in hardware.
 */
final class HardwareFma {
    private HardwareFma() {
    }

    private static final class Holder {
        static final boolean AVAILABLE = inHardware(useFmaOption());
    }

    /** Whether {@code Math.fma} and the Vector API's {@code fma} run as CPU instructions here. */
    static boolean available() {
        return Holder.AVAILABLE;
    }

    /** The decision, from HotSpot's UseFMA value ("true", "false", or null when it cannot be read). */
    static boolean inHardware(String useFma) {
        return useFma == null || Boolean.parseBoolean(useFma.trim());
    }

    /** This JVM's {@code UseFMA}, or null (not HotSpot, or the management module is missing). */
    static String useFmaOption() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean hotspot =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return hotspot == null ? null : hotspot.getVMOption("UseFMA").getValue();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Why the kernels avoid fused multiply-adds here, for the log and {@code dezero-bench probe}. */
    static final String MISSING = "the JVM computes fused multiply-adds in software here (UseFMA is off: the CPU,"
            + " or the CPU model a virtual machine shows, has no FMA instructions), thousands of times slower than"
            + " a multiply and an add";
}
