package dezero.ndarray.kernel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The worker threads the kernels share: {@code THREADS - 1} daemon threads, created once, plus
 * the calling thread, which always takes tasks itself (so a 1-core machine never hands work off,
 * and a caller never sits idle while its product is computed).
 */
final class KernelThreads {
    private KernelThreads() {
    }

    /** How many threads a split uses (the available processors). */
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** Element counts from which element-wise kernels and reductions split their work. */
    static final int ELEMENTWISE_SPLIT = 1 << 18;

    /** A pool thread; one that splits work again runs it inline (queueing it could wait on itself). */
    private static final class Worker extends Thread {
        Worker(Runnable r) {
            super(r, "dezero-kernel");
            setDaemon(true);
        }
    }

    private static final ExecutorService POOL = THREADS == 1 ? null : Executors.newFixedThreadPool(THREADS - 1, Worker::new);

    /** Runs {@code body(t)} for every task t in [0, tasks) on the calling thread and the pool; returns when all are done. */
    static void run(int tasks, IntConsumer body) {
        if (tasks <= 1 || THREADS == 1 || Thread.currentThread() instanceof Worker) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(tasks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int t;
            while ((t = next.getAndIncrement()) < tasks) {
                try {
                    if (failure.get() == null) {
                        body.accept(t);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        int helpers = Math.min(THREADS - 1, tasks - 1);
        for (int h = 0; h < helpers; h++) {
            POOL.execute(worker);
        }
        worker.run();
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        } else if (e instanceof Error) {
            throw (Error) e;
        } else if (e != null) {
            throw new IllegalStateException(e);
        }
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
