package dezero.utils;

/**
 * Bounds that {@link Npz#load} and {@link Npy#read} enforce before allocating, so a hostile
 * file (a zip bomb, a header declaring a huge shape) raises {@link NpyFormatException} instead
 * of exhausting memory. Independently of these limits, the declared size of every array is
 * also checked against the bytes the file or zip entry can really hold, and against the heap
 * still free ({@link HeapBudget}): a deflated entry of zeros can declare about 1,000 times its
 * size, and an int8 array takes 8 bytes an element in memory, so a file of 261 KB may ask for
 * 2 GiB; the error then quotes the bytes in memory it asked for.
 *
 * <pre>{@code
 * // allow at most 64 MiB of array data and 100 arrays in one file
 * Map<String, NdArray> w = Npz.load(Path.of("model.npz"), new NpzLimits(64L << 20, 100));
 * }</pre>
 *
 * @param maxTotalBytes the most bytes the loaded arrays may take in memory (summed over all
 *                      entries of one archive, or the one array of a {@code .npy}; an int8 array
 *                      counts 8 bytes an element, as it loads as int64); at least 0
 * @param maxEntries    the most entries one archive may have; at least 0
 */
public record NpzLimits(long maxTotalBytes, int maxEntries) {
    /** 2 GiB of array data and 65,536 entries: room for VGG16-sized weights. */
    public static final NpzLimits DEFAULT = new NpzLimits(2L << 30, 65_536);

    public NpzLimits {
        if (maxTotalBytes < 0 || maxEntries < 0) {
            throw new IllegalArgumentException("NpzLimits: maxTotalBytes (" + maxTotalBytes + ") and maxEntries ("
                    + maxEntries + ") must not be negative");
        }
    }
}
