package dezero.ndarray.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The data cache sizes of the CPU the JVM runs on, as the OS tells them: Linux's
 * {@code /sys/devices/system/cpu/cpu0/cache/index*} (level, type, size, sharing), macOS's
 * {@code sysctl hw.l1dcachesize hw.l2cachesize hw.l3cachesize}. Where neither answers, the
 * smallest caches of any x86-64 CPU with AVX2 (and of the 64-bit ARM cores that run Java): 32 KB
 * L1d, 256 KB L2, 1 MB of L3 per core. Blocking for caches smaller than the real ones costs a
 * few percent; blocking for larger ones makes a product stream from the next level down.
 *
 * <p>Each level is also given per thread of the kernel's split ({@link #l1dPerThread},
 * {@link #l2PerThread}, {@link #l3PerThread}): threads that share a cache share its room. The L3
 * is shared by a whole socket or chiplet; the L1d and L2 of a core by its SMT siblings
 * (hyperthreads), which the kernel's threads meet when they outnumber the cores, as on a virtual
 * machine whose two vCPUs are the two hyperthreads of one core. Blocking each thread for a whole
 * L1d there would make the two threads' blocks evict each other.
 */
final class CpuCaches {
    /** L1 data cache, bytes. */
    final int l1d;
    /** L2 (per core), bytes. */
    final int l2;
    /** L3 (the whole, shared) or 0 when the CPU has none, bytes. */
    final long l3;
    /** How many logical CPUs share the L3 (1 when unknown). */
    final int l3Sharers;
    /** How many logical CPUs share one L1d, and one L2: 2 or more with SMT (hyperthreads), 1 when unknown. */
    final int l1dSharers;
    final int l2Sharers;
    /** The logical CPUs the JVM may run on. */
    final int cpus;
    /** Where the sizes came from. */
    final String source;

    /** Caches private to each core's one thread (no SMT), on a machine of {@code l3Sharers} CPUs. */
    CpuCaches(int l1d, int l2, long l3, int l3Sharers, String source) {
        this(l1d, 1, l2, 1, l3, l3Sharers, Math.max(1, l3Sharers), source);
    }

    CpuCaches(int l1d, int l1dSharers, int l2, int l2Sharers, long l3, int l3Sharers, int cpus, String source) {
        this.l1d = l1d;
        this.l2 = l2;
        this.l3 = l3;
        this.l1dSharers = Math.max(1, l1dSharers);
        this.l2Sharers = Math.max(1, l2Sharers);
        this.l3Sharers = Math.max(1, l3Sharers);
        this.cpus = Math.max(1, cpus);
        this.source = source;
    }

    static final CpuCaches FALLBACK = new CpuCaches(32 << 10, 256 << 10, 1L << 20, 1,
            "not told by the OS: the smallest of current x86-64/ARM64 cores assumed");

    private static final class Holder {
        static final CpuCaches INSTANCE = detect();
    }

    /** The caches of this machine (read once). */
    static CpuCaches get() {
        return Holder.INSTANCE;
    }

    /** L3 bytes one of {@code threads} kernel threads may count on; 0 without an L3. */
    long l3PerThread(int threads) {
        return l3 / threadsSharing(l3Sharers, threads);
    }

    /** L2 bytes one of {@code threads} kernel threads may count on. */
    int l2PerThread(int threads) {
        return l2 / threadsSharing(l2Sharers, threads);
    }

    /** L1d bytes one of {@code threads} kernel threads may count on. */
    int l1dPerThread(int threads) {
        return l1d / threadsSharing(l1dSharers, threads);
    }

    /**
     * How many of {@code threads} busy threads share one cache that each group of {@code sharers} CPUs
     * has: the threads spread evenly over the groups (the OS puts a new busy thread on an idle core
     * before a busy core's sibling), so a core's L1d is shared only once the threads outnumber the cores.
     */
    int threadsSharing(int sharers, int threads) {
        int groups = Math.max(1, cpus / sharers);
        return Math.max(1, Math.min(sharers, (threads + groups - 1) / groups));
    }

    private static CpuCaches detect() {
        try {
            CpuCaches c = fromSysfs(Path.of("/sys/devices/system/cpu/cpu0/cache"),
                    allowedCpus(Path.of("/proc/self/status"), Runtime.getRuntime().availableProcessors()));
            if (c != null) {
                return c;
            }
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (os.contains("mac")) {
                c = fromSysctl();
                if (c != null) {
                    return c;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the assumed sizes
        }
        return FALLBACK;
    }

    /**
     * The CPUs this process may run on, from Linux's {@code Cpus_allowed_list} (its affinity, or a
     * container's cpuset), else {@code fallback}. Not the available processors: a container given a
     * share of a larger machine's time ({@code --cpus 2}) sees two of them, but its threads run on any
     * core, each with a core's L1d and L2 to itself.
     */
    static int allowedCpus(Path status, int fallback) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return countCpus(line.substring("Cpus_allowed_list:".length()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the fallback
        }
        return fallback;
    }

    /**
     * Reads Linux's cache description (the directory of cpu0's caches) on a machine of {@code cpus}
     * logical CPUs; null when it is not there.
     */
    static CpuCaches fromSysfs(Path dir, int cpus) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        int l1d = 0;
        int l2 = 0;
        long l3 = 0;
        int l1dSharers = 1;
        int l2Sharers = 1;
        int l3Sharers = 1;
        for (int i = 0; i < 16; i++) {
            Path d = dir.resolve("index" + i);
            if (!Files.isDirectory(d)) {
                break;
            }
            String type = read(d.resolve("type"));
            if (type.equals("Instruction")) {
                continue;
            }
            int level = Integer.parseInt(read(d.resolve("level")));
            long size = parseSize(read(d.resolve("size")));
            Path shared = d.resolve("shared_cpu_list");
            int sharers = Files.isRegularFile(shared) ? countCpus(read(shared)) : 1;
            if (level == 1) {
                l1d = (int) size;
                l1dSharers = sharers;
            } else if (level == 2) {
                l2 = (int) size;
                l2Sharers = sharers;
            } else if (level == 3) {
                l3 = size;
                l3Sharers = sharers;
            }
        }
        if (l1d <= 0 || l2 <= 0) {
            return null;
        }
        return new CpuCaches(l1d, l1dSharers, l2, l2Sharers, l3, l3Sharers, cpus,
                "the OS (" + dir + ")");
    }

    private static CpuCaches fromSysctl() throws IOException {
        Process p = new ProcessBuilder("sysctl", "-n", "hw.l1dcachesize", "hw.l2cachesize", "hw.l3cachesize")
                .redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroy();
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        String[] v = out.split("\\s+");
        if (v.length < 2) {
            return null;
        }
        try {
            long l3 = v.length > 2 ? Long.parseLong(v[2]) : 0;
            return new CpuCaches((int) Long.parseLong(v[0]), 1, (int) Long.parseLong(v[1]), 1, l3, 1,
                    Runtime.getRuntime().availableProcessors(), "the OS (sysctl)");
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.US_ASCII).trim();
    }

    /** "32K", "1024K", "32M" or a plain byte count. */
    static long parseSize(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("K")) {
            unit = 1L << 10;
        } else if (t.endsWith("M")) {
            unit = 1L << 20;
        } else if (t.endsWith("G")) {
            unit = 1L << 30;
        }
        if (unit > 1) {
            t = t.substring(0, t.length() - 1);
        }
        return Long.parseLong(t) * unit;
    }

    /** The number of CPUs in a list such as "0-3,8-11" or "0". */
    static int countCpus(String list) {
        int n = 0;
        for (String part : list.trim().split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-');
            n += dash < 0 ? 1
                    : Integer.parseInt(part.substring(dash + 1)) - Integer.parseInt(part.substring(0, dash)) + 1;
        }
        return Math.max(1, n);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "L1d %d KB%s, L2 %d KB%s, L3 %s (shared by %d CPUs), from %s",
                l1d >> 10, sharedBy(l1dSharers), l2 >> 10, sharedBy(l2Sharers),
                l3 == 0 ? "none" : (l3 >> 10) + " KB", l3Sharers, source);
    }

    private static String sharedBy(int sharers) {
        return sharers > 1 ? " (shared by " + sharers + " CPUs)" : "";
    }
}
