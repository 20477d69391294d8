package dezero.spark;

/**
 * Where the per-partition gradients of a step are computed and added: on a Spark cluster
 * ({@link SparkShards}) or, as the reference that a distributed run must reproduce bit for bit, in
 * this JVM ({@link LocalShards}).
 */
public sealed interface GradientBackend extends AutoCloseable permits SparkShards, LocalShards {
    /** The number of examples (the data-set positions are 0 to size - 1). */
    long size();

    /** The number of partitions (leaves of the sum tree). */
    int partitions();

    /**
     * The gradient of the mean loss of {@code batch} (data-set positions) at {@code weights}: each
     * partition's share computed by {@code task}, added in the fixed {@code SumTree} shape.
     */
    ShardGradient step(GradientTask task, FlatVector weights, int[] batch);

    /** Frees what the backend holds (cached partitions); the Spark context stays open. */
    @Override
    void close();
}
