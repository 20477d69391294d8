package dezero.ndarray.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The shared worker threads: every task runs exactly once, failures reach the caller, nesting and concurrent callers work. */
class KernelThreadsTest {
    @Test
    void everyTaskRunsExactlyOnceOverManyCalls() {
        for (int tasks = 0; tasks <= 9; tasks++) {
            for (int call = 0; call < 2000; call++) {
                AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(1, tasks));
                KernelThreads.run(tasks, seen::incrementAndGet);
                for (int t = 0; t < tasks; t++) {
                    assertEquals(1, seen.get(t), "task " + t + " of " + tasks + ", call " + call);
                }
            }
        }
    }

    @Test
    void theWorkersResultsAreVisibleToTheCaller() {
        for (int call = 0; call < 5000; call++) {
            long[] out = new long[4];
            int c = call;
            KernelThreads.run(4, t -> out[t] = (long) c * 31 + t);
            assertArrayEquals(new long[] {c * 31L, c * 31L + 1, c * 31L + 2, c * 31L + 3}, out);
        }
    }

    @Test
    void failuresReachTheCallerAndThePoolKeepsWorking() {
        IllegalArgumentException boom = new IllegalArgumentException("task 1 failed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelThreads.run(3, t -> {
            if (t == 1) {
                throw boom;
            }
        }));
        assertSame(boom, e);
        assertThrows(AssertionError.class, () -> KernelThreads.run(2, t -> {
            throw new AssertionError("an Error passes through as it is");
        }));
        AtomicIntegerArray seen = new AtomicIntegerArray(2);
        KernelThreads.run(2, seen::incrementAndGet);
        assertEquals(1, seen.get(0));
        assertEquals(1, seen.get(1));
    }

    @Test
    void aTaskMaySplitAgain() {
        AtomicIntegerArray seen = new AtomicIntegerArray(16);
        KernelThreads.run(4, outer -> KernelThreads.run(4, inner -> seen.incrementAndGet(outer * 4 + inner)));
        for (int i = 0; i < 16; i++) {
            assertEquals(1, seen.get(i), "inner task " + i);
        }
    }

    @Test
    void insideATaskWorkIsNotCutForWorkersItCannotReach() {
        AtomicIntegerArray canSplit = new AtomicIntegerArray(2);
        KernelThreads.run(2, t -> canSplit.set(t, KernelThreads.canSplit() ? 1 : 0));
        assertEquals(0, canSplit.get(0), "the caller's task, while its job holds the workers");
        assertEquals(0, canSplit.get(1), "a worker's task");
        assertEquals(KernelThreads.THREADS > 1, KernelThreads.canSplit(), "outside any job");
    }

    @Test
    void theArrayLayersSplitsShareThePool() {
        AtomicIntegerArray seen = new AtomicIntegerArray(3);
        Kernels.parallel(3, seen::incrementAndGet);
        for (int t = 0; t < 3; t++) {
            assertEquals(1, seen.get(t), "task " + t);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Kernels.parallel(2, t -> {
                    throw new IllegalStateException("chunk " + t);
                }));
        assertTrue(e.getMessage().startsWith("chunk "), e.getMessage());
    }

    @Test
    void concurrentCallersEachGetAllTheirTasks() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                Callable<Integer> caller = () -> {
                    int bad = 0;
                    for (int call = 0; call < 3000; call++) {
                        AtomicIntegerArray seen = new AtomicIntegerArray(3);
                        KernelThreads.split(3000, 0, 1, (from, to) -> {
                            for (int i = from; i < to; i++) {
                                seen.addAndGet(i % 3, 1);
                            }
                        });
                        bad += seen.get(0) == 1000 && seen.get(1) == 1000 && seen.get(2) == 1000 ? 0 : 1;
                    }
                    return bad;
                };
                results.add(callers.submit(caller));
            }
            for (Future<Integer> r : results) {
                assertEquals(0, r.get());
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
