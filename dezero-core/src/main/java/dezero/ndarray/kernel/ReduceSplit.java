package dezero.ndarray.kernel;

/**
 * How both kernels share a reduction over the middle axis of an {@code [outer, len, inner]} block
 * among the threads of {@link KernelThreads}: by ranges of the output, so every output element is
 * computed by one thread in the order the serial loop uses, and the result does not depend on the
 * number of threads. Blocks ({@code outer}) are split when the output does not alias the input (an
 * aliased output overwrites the first block while others would still read it), else columns
 * ({@code inner}); a single long row is left to the kernel, which combines partial results.
 */
final class ReduceSplit {
    private ReduceSplit() {
    }

    /** Reduces the outputs {@code out[o * inner + i]} for o in [o0, o1), i in [i0, i1). */
    interface Block {
        void reduce(int o0, int o1, int i0, int i1);
    }

    /**
     * Runs {@code block} over the whole output, split among the threads from
     * {@link KernelThreads#ELEMENTWISE_SPLIT} input elements; {@code singleRow} when the whole
     * reduction is one long row (outer and inner 1). Column splits fall on multiples of {@code align}.
     */
    static void run(int outer, int len, int inner, boolean aliased, int align, Block block, Runnable singleRow) {
        long size = (long) outer * len * inner;
        if (size < KernelThreads.ELEMENTWISE_SPLIT || KernelThreads.THREADS == 1) {
            block.reduce(0, outer, 0, inner);
        } else if (outer == 1 && inner == 1) {
            singleRow.run();
        } else if (outer >= KernelThreads.THREADS && !aliased) {
            KernelThreads.split(outer, 0, 1, (from, to) -> block.reduce(from, to, 0, inner));
        } else if (inner >= 2 * align) {
            KernelThreads.split(inner, 0, align, (from, to) -> block.reduce(0, outer, from, to));
        } else {
            block.reduce(0, outer, 0, inner);
        }
    }
}
