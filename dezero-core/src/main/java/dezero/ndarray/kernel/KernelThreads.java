package dezero.ndarray.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The worker threads the kernels share: {@code THREADS - 1} daemon threads, created once, plus
 * the calling thread, which always takes tasks itself (so a 1-core machine never hands work off,
 * and a caller never sits idle while its product is computed).
 *
 * <p>An idle worker spins for {@link #SPIN_NANOS} before it parks. A training step calls the
 * kernels many times in a row, and waking a parked thread took 30-40 us on the 2-core test
 * machines, longer than half of many of those calls (a 100 x 1000 x 784 product takes about
 * 0.6 ms): with an executor and a latch, two 20 us tasks took 55-65 us instead of 20. The same
 * trade as OpenBLAS's spinning threads: some idle CPU for latency.
 *
 * <p>One job at a time: a caller that finds the workers busy (another thread's product, or a
 * kernel called from inside a task) runs all its tasks itself.
 */
final class KernelThreads {
    private KernelThreads() {
    }

    /** How many threads a split uses: {@code -Ddezero.threads=N}, else the available processors. */
    static final int THREADS = Math.max(1, Integer.getInteger("dezero.threads",
            Runtime.getRuntime().availableProcessors()));

    /** Element counts from which element-wise kernels and reductions split their work. */
    static final int ELEMENTWISE_SPLIT = 1 << 18;

    /** How long an idle worker waits for the next job by spinning before it parks. */
    static final long SPIN_NANOS = 200_000;

    /** The tasks [0, tasks) of one {@link #run}, taken one at a time by whichever thread is free. */
    private static final class Job {
        final IntConsumer body;
        final int tasks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(IntConsumer body, int tasks) {
            this.body = body;
            this.tasks = tasks;
        }

        void work() {
            int t;
            while ((t = next.getAndIncrement()) < tasks) {
                try {
                    if (failure.get() == null) {
                        body.accept(t);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    /** A pool thread; one that splits work again runs it inline (handing it off could wait on itself). */
    private static final class Worker extends Thread {
        private final AtomicReference<Job> job = new AtomicReference<>();
        private volatile boolean parked;

        Worker(int index) {
            super("dezero-kernel-" + index);
            setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                awaitJob().work();
            }
        }

        private Job awaitJob() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (true) {
                Job j = job.get();
                if (j != null && job.compareAndSet(j, null)) {
                    return j;
                }
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                    continue;
                }
                // publish "parked" before the last look, so offer() either sees it or we see the job
                parked = true;
                j = job.get();
                if (j == null) {
                    LockSupport.park(this);
                }
                parked = false;
                spinUntil = System.nanoTime() + SPIN_NANOS;
            }
        }

        void offer(Job j) {
            job.set(j);
            if (parked) {
                LockSupport.unpark(this);
            }
        }
    }

    private static final Worker[] WORKERS = startWorkers();
    private static final AtomicBoolean BUSY = new AtomicBoolean();

    private static Worker[] startWorkers() {
        Worker[] w = new Worker[THREADS - 1];
        for (int i = 0; i < w.length; i++) {
            w[i] = new Worker(i + 1);
            w[i].start();
        }
        return w;
    }

    /**
     * Runs {@code body(t)} for every task t in [0, tasks) on the calling thread and the workers; returns when all are
     * done.
     */
    static void run(int tasks, IntConsumer body) {
        if (tasks <= 1 || WORKERS.length == 0 || Thread.currentThread() instanceof Worker
                || !BUSY.compareAndSet(false, true)) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        Job job = new Job(body, tasks);
        try {
            int helpers = Math.min(WORKERS.length, tasks - 1);
            for (int h = 0; h < helpers; h++) {
                WORKERS[h].offer(job);
            }
            job.work();
            // the tasks the workers took: they are running now, so spin (yield once it gets long)
            for (int spins = 0; job.done.get() < tasks; spins++) {
                if (spins < 100_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        } finally {
            BUSY.set(false);
        }
        Throwable e = job.failure.get();
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        } else if (e instanceof Error) {
            throw (Error) e;
        } else if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a job handed to {@link #run} now would reach the workers: false on one thread, inside a task
     * (a convolution's per-image products), or while another thread's job holds them. A kernel that cuts
     * its work finer to share it (a product's tiles, each packing its own operands) asks first, so that
     * work run inline is not cut for nothing. A hint: the workers may be taken a moment later.
     */
    static boolean canSplit() {
        return WORKERS.length > 0 && !(Thread.currentThread() instanceof Worker) && !BUSY.get();
    }

    /** A piece [from, to) of a split range. */
    interface Range {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [0, n): in one piece below {@code minSplit} elements, otherwise in one
     * piece per thread (boundaries rounded to multiples of {@code align}).
     */
    static void split(int n, int minSplit, int align, Range body) {
        if (n < minSplit || THREADS == 1) {
            body.run(0, n);
            return;
        }
        int pieces = THREADS;
        int chunk = ((n + pieces - 1) / pieces + align - 1) / align * align;
        run(pieces, t -> {
            int from = Math.min(n, t * chunk);
            int to = Math.min(n, from + chunk);
            if (from < to) {
                body.run(from, to);
            }
        });
    }
}
