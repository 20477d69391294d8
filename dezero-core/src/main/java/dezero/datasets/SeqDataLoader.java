package dezero.datasets;

/**
 * A loader for time series and truncated backpropagation through time (DeZero's
 * {@code SeqDataLoader}): never shuffles, and batch row {@code i} of iteration {@code k} is
 * example {@code (i * jump + k) % size} with {@code jump = size / batchSize}. So each row of
 * the batch walks through its own stretch of the series, one step per iteration, and an RNN fed
 * batch after batch sees every row's sequence in order.
 *
 * <p>Truncated backpropagation through time as in step 60, sketched ({@code model} is a recurrent
 * model with a state to reset, {@code optimizer} one of {@code dezero.optimizers}):
 * <pre>{@code
 * var loader = new SeqDataLoader(new SinCurve(true), 30);
 * for (int epoch = 0; epoch < 100; epoch++) {
 *     model.resetState();
 *     Variable loss = Variable.of(0.0);
 *     int count = 0;
 *     for (Batch b : loader) {
 *         Variable y = model.forward(new Variable(b.x()));
 *         loss = loss.add(F.meanSquaredError(y, new Variable(b.t())));
 *         if (++count % 30 == 0 || count == loader.maxIter()) {
 *             model.cleargrads();
 *             loss.backward();
 *             loss.unchainBackward();       // cut the graph: the next stretch starts here
 *             optimizer.update();
 *         }
 *     }
 * }
 * }</pre>
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
