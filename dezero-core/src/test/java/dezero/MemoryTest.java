package dezero;

import dezero.functions.F;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DeZero step 17: graphs that are no longer referenced are freed. */
class MemoryTest {

    @Test
    void repeatedBigForwardPassesKeepTheRetainedHeapFlat() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        Variable x = new Variable(NdArray.ones(1_000_000));
        long baseline = 0;
        long last = 0;
        for (int i = 0; i < 10; i++) {
            Variable y = F.square(F.square(F.square(x)));
            y = null; // drop the output: the whole graph behind it must become garbage
            last = retainedHeap(mem);
            if (i == 1) {
                baseline = last;
            }
        }
        long growth = last - baseline;
        // Each pass allocates 3 x 8 MB of outputs; a leak of even one pass would show as >= 8 MB.
        assertTrue(growth < 4L * 1024 * 1024, "retained heap grew by " + growth / 1024 + " KiB over 8 passes");
    }

    @Test
    void functionsHoldTheirOutputWeakly() {
        Variable x = Variable.of(2.0);
        Variable y = F.square(x);
        Function f = y.creator();
        y = null;
        for (int i = 0; i < 20 && f.output() != null; i++) {
            System.gc();
            sleep();
        }
        assertNull(f.output(), "the function must not keep its output alive");
    }

    private static long retainedHeap(MemoryMXBean mem) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep();
            best = Math.min(best, mem.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
