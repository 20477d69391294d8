package dezero.datasets;

/**
 * A loader for time series and truncated backpropagation through time (DeZero's
 * {@code SeqDataLoader}): never shuffles, and batch row {@code i} of iteration {@code k} is
 * example {@code (i * jump + k) % size} with {@code jump = size / batchSize}. So each row of
 * the batch walks through its own stretch of the series, one step per iteration, and an RNN fed
 * batch after batch sees every row's sequence in order.
 *
 * <pre>{@code
 * jshell> var loader = new SeqDataLoader(new SinCurve(true), 3);    // 999 examples, jump 333
 * jshell> loader.next().x().flatten()                              // examples 0, 333, 666
 * jshell> loader.maxIter()
 * $3 ==> 333
 * }</pre>
 */
public class SeqDataLoader extends DataLoader {
    private final int jump;

    public SeqDataLoader(Dataset dataset, int batchSize) {
        super(dataset, batchSize, false);
        if (batchSize > dataSize()) {
            throw new IllegalArgumentException("SeqDataLoader: batch size " + batchSize
                    + " is larger than the dataset (" + dataSize() + " examples), so every row would be the same example");
        }
        this.jump = dataSize() / batchSize;
    }

    /** The distance between the examples of neighbouring batch rows: {@code size / batchSize}. */
    public int jump() {
        return jump;
    }

    @Override
    protected int[] batchIndices(int iteration) {
        int[] out = new int[batchSize()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) (((long) i * jump + iteration) % dataSize());
        }
        return out;
    }
}
