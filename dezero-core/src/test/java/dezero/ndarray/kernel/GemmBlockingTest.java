package dezero.ndarray.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache sizes read from the OS and the blocking derived from them (no timing: the model's arithmetic). */
class GemmBlockingTest {
    private static void cache(Path dir, int index, int level, String type, String size, String shared) throws IOException {
        Path d = Files.createDirectories(dir.resolve("index" + index));
        Files.writeString(d.resolve("level"), level + "\n");
        Files.writeString(d.resolve("type"), type + "\n");
        Files.writeString(d.resolve("size"), size + "\n");
        Files.writeString(d.resolve("shared_cpu_list"), shared + "\n");
    }

    @Test
    void readsLinuxCacheDescriptions(@TempDir Path dir) throws IOException {
        cache(dir, 0, 1, "Data", "48K", "0-1");
        cache(dir, 1, 1, "Instruction", "32K", "0-1");
        cache(dir, 2, 2, "Unified", "2048K", "0-1");
        cache(dir, 3, 3, "Unified", "105M", "0-1,4-5");
        CpuCaches c = CpuCaches.fromSysfs(dir, 4);
        assertEquals(48 << 10, c.l1d);
        assertEquals(2 << 20, c.l2);
        assertEquals(105L << 20, c.l3);
        assertEquals(2, c.l1dSharers);
        assertEquals(2, c.l2Sharers);
        assertEquals(4, c.l3Sharers);
        assertEquals((105L << 20) / 2, c.l3PerThread(2));
        assertTrue(c.toString().startsWith("L1d 48 KB (shared by 2 CPUs), L2 2048 KB (shared by 2 CPUs)"), c.toString());
        assertNull(CpuCaches.fromSysfs(dir.resolve("absent"), 4));
        assertEquals(1, CpuCaches.countCpus("3"));
        assertEquals(32L << 20, CpuCaches.parseSize("32M"));
    }

    @Test
    void theCpusAreThoseTheProcessMayRunOn(@TempDir Path dir) throws IOException {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nCpus_allowed:\tffff\nCpus_allowed_list:\t0-15\nMems_allowed:\t1\n");
        assertEquals(16, CpuCaches.allowedCpus(status, 2)); // a CPU quota of 2 leaves all 16 cores to run on
        Files.writeString(status, "Cpus_allowed_list:\t0,8\n");
        assertEquals(2, CpuCaches.allowedCpus(status, 16));
        assertEquals(3, CpuCaches.allowedCpus(dir.resolve("absent"), 3));
    }

    @Test
    void smtSiblingsShareTheirCoresCachesOnceThreadsOutnumberTheCores() {
        // four CPUs: two cores of two hyperthreads each (L1d and L2 per core), one L3
        CpuCaches c = new CpuCaches(48 << 10, 2, 2 << 20, 2, 105L << 20, 4, 4, "test");
        assertEquals(48 << 10, c.l1dPerThread(1));
        assertEquals(48 << 10, c.l1dPerThread(2)); // one thread per core
        assertEquals(24 << 10, c.l1dPerThread(3)); // some core runs two
        assertEquals(24 << 10, c.l1dPerThread(4));
        assertEquals(1 << 20, c.l2PerThread(4));
        assertEquals((105L << 20) / 4, c.l3PerThread(4));
        assertEquals(105L << 20, c.l3PerThread(1));
        // a VM whose two vCPUs are the hyperthreads of one core: two threads get half of L1d and L2 each
        CpuCaches vm = new CpuCaches(48 << 10, 2, 2 << 20, 2, 260L << 20, 2, 2, "test");
        GemmBlocking two = GemmBlocking.derive(4, 16, 32, vm, 2);
        GemmBlocking one = GemmBlocking.derive(4, 16, 32, vm, 1);
        assertEquals(1536, one.kc); // the A sliver 8 x kc floats fills the 48 KB
        assertEquals(768, two.kc);  // ... or its half
        assertTrue((long) two.mc * two.kc * 4 <= (1 << 20) / 4, two.toString());
        assertTrue(two.why.contains("this thread's 1/2 of L1d (24 KB)"), two.why);
        GemmBlocking plainTwo = GemmBlocking.rowUpdates(4, 8, vm, 2);
        assertEquals(384, plainTwo.nc); // eight rows of B in half of 24 KB
        assertEquals(768, GemmBlocking.rowUpdates(4, 8, vm, 1).nc);
    }

    @Test
    void blockingFollowsTheCachesAndTheRegisters() {
        // an AVX-512 machine with 32 KB L1d and 1 MB L2 (float32: 16 lanes)
        CpuCaches amd = new CpuCaches(32 << 10, 1 << 20, 32L << 20, 2, "test");
        GemmBlocking f = GemmBlocking.derive(4, 16, 32, amd, 2);
        assertEquals(8, f.mr);
        assertEquals(48, f.nr);
        assertEquals(1024, f.kc); // the A sliver 8 x kc floats fills L1d
        assertEquals(64, f.mc);   // the A block mc x kc floats is a quarter of L2
        assertTrue((long) f.kc * f.nc * 4 <= (16L << 20) / 2, f.toString());
        // a larger L1d and L2 (48 KB, 2 MB) give deeper and taller blocks, never wider micro-tiles
        GemmBlocking g = GemmBlocking.derive(4, 16, 32, new CpuCaches(48 << 10, 2 << 20, 0, 1, "test"), 2);
        assertEquals(1536, g.kc);
        assertTrue(g.mc > f.mc, g.toString());
        // 16 registers (AVX2): the 6 x 2-vector micro-tile
        GemmBlocking h = GemmBlocking.derive(8, 4, 16, amd, 1);
        assertEquals(6, h.mr);
        assertEquals(8, h.nr);
        assertEquals(0, h.kc % 8);
    }

    @Test
    void plainKernelBlockingFollowsTheCaches() {
        CpuCaches amd = new CpuCaches(32 << 10, 1 << 20, 32L << 20, 2, "test");
        GemmBlocking f = GemmBlocking.rowUpdates(4, 8, amd, 2);
        assertEquals(512, f.nc);  // eight rows of 512 floats: half of L1d
        assertEquals(256, f.mc);  // 256 accumulator rows of 512 floats: half of L2
        assertEquals(256, f.kc);
        GemmBlocking d = GemmBlocking.rowUpdates(8, 8, amd, 2);
        assertEquals(256, d.nc);  // the same bytes, half the elements
        assertEquals(256, d.mc);
        assertEquals(0, d.kc % 8, d.toString()); // whole passes of eight rows
        // an Intel core with 48 KB L1d and 2 MB L2: longer rows and as many of them
        GemmBlocking g = GemmBlocking.rowUpdates(4, 8, new CpuCaches(48 << 10, 2 << 20, 0, 1, "test"), 1);
        assertEquals(768, g.nc);
        assertTrue(g.mc >= 256, g.toString());
        assertTrue(g.toString().startsWith("8 rows of B per row update"), g.toString());
        assertTrue(g.why.contains("half of L1d"), g.why);
    }
}
