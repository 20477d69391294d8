package dezero.utils;

/**
 * Whether an allocation of a given size can succeed, asked before reading a file whose header
 * declares a large array ({@link Npy}, {@link Npz}, IDX files): a declared size beyond the heap
 * becomes an error that quotes the bytes requested instead of an {@link OutOfMemoryError} half way
 * through, or a JVM that spends minutes collecting garbage before it gives up.
 *
 * <pre>{@code
 * String problem = HeapBudget.shortfall(3L << 30);
 * // "3221225472 bytes do not fit in the 1912602624 bytes of heap still free (maximum heap 2147483648 bytes;
 * //  raise it with -Xmx)", or null when they fit
 * }</pre>
 */
public final class HeapBudget {
    private HeapBudget() {
    }

    /** Bytes the heap can still give: the maximum heap less what is in use now (garbage included). */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Null when {@code bytes} fit in the heap still free, else a sentence for an error message that
     * quotes {@code bytes}, the free heap and the maximum heap. When the estimate says no, garbage
     * is collected once and the heap asked again, so garbage alone never refuses an allocation.
     */
    public static String shortfall(long bytes) {
        if (bytes <= available()) {
            return null;
        }
        System.gc();
        long free = available();
        if (bytes <= free) {
            return null;
        }
        return bytes + " bytes do not fit in the " + free + " bytes of heap still free (maximum heap "
                + Runtime.getRuntime().maxMemory() + " bytes; raise it with -Xmx)";
    }
}
