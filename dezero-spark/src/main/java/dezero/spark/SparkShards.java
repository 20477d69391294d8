package dezero.spark;

import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A data set as Spark partitions that compute gradients: the {@link Sample}s of an RDD packed into
 * one {@link ShardData} per partition and cached in executor memory; each step one Spark job runs a
 * task per partition and the gradients come back added in the fixed {@code SumTree} shape.
 *
 * <p><b>Weights out.</b> By default a {@link Broadcast} of the flat weights per step (fetched once per
 * executor, shared by its tasks, destroyed after the step); {@link Weights#CLOSURE} captures them in
 * the task closure instead (Spark ships the closure with each stage, deserialised once per task).
 *
 * <p><b>Gradients in.</b> {@link Reduction#ORDERED_TREE} (default): with depth 1 each task's gradient
 * goes to the driver ({@code collect}, results in partition order) and is added there in partition
 * order; with depth d &gt; 1 groups of consecutive partitions are first added on executors, each group
 * in partition order (a shuffle keyed by group). Either way the sum's shape is fixed, so it is
 * reproducible bit for bit. {@link Reduction#TREE_AGGREGATE} uses Spark's {@code treeAggregate}, whose
 * additions follow task completion order: equal only up to float rounding.
 */
public final class SparkShards implements GradientBackend {
    /** How gradients are added across partitions. */
    public enum Reduction { ORDERED_TREE, TREE_AGGREGATE }

    /** How the step's weights reach the tasks. */
    public enum Weights { BROADCAST, CLOSURE }

    private final JavaSparkContext sc;
    private final JavaRDD<ShardData> shards;
    private final int partitions;
    private final long size;
    private final int depth;
    private final Reduction reduction;
    private final Weights weights;

    /** Depth 1, ordered sum, broadcast weights. */
    public SparkShards(JavaSparkContext sc, JavaRDD<Sample> samples, int[] inputShape) {
        this(sc, samples, inputShape, 1, Reduction.ORDERED_TREE, Weights.BROADCAST);
    }

    /**
     * Packs and caches the partitions of {@code samples} (this runs one Spark job) and checks that
     * their positions are 0..n-1, each once.
     *
     * @param inputShape the shape of one example's input ({@code {784}} for flat MNIST, {@code {1, 28, 28}})
     * @param depth      the sum tree's depth (1: the driver adds all partitions)
     */
    public SparkShards(JavaSparkContext sc, JavaRDD<Sample> samples, int[] inputShape, int depth, Reduction reduction,
                       Weights weights) {
        this.sc = Objects.requireNonNull(sc, "SparkShards: no Spark context");
        this.reduction = Objects.requireNonNull(reduction, "SparkShards: reduction is null");
        this.weights = Objects.requireNonNull(weights, "SparkShards: weights is null");
        int[] shape = inputShape.clone();
        this.shards = samples.mapPartitions(it -> List.of(ShardData.of(it, shape)).iterator(), true)
                .persist(StorageLevel.MEMORY_ONLY());
        this.partitions = shards.getNumPartitions();
        SumTree.fanIn(partitions, depth);
        this.depth = depth;
        this.size = checkPositions(shards.map(ShardData::runs).collect());
    }

    /**
     * The number of examples, after checking that the partitions' runs of positions ({@link ShardData#runs})
     * cover 0..n-1 with none twice.
     */
    static long checkPositions(List<int[]> partitionRuns) {
        List<long[]> runs = new ArrayList<>();
        for (int[] r : partitionRuns) {
            for (int k = 0; k < r.length; k += 2) {
                runs.add(new long[] {r[k], r[k + 1]});
            }
        }
        runs.sort(Comparator.comparingLong(r -> r[0]));
        long next = 0;
        for (long[] r : runs) {
            if (r[0] < next) {
                throw new IllegalArgumentException("SparkShards: position " + r[0] + " is in the data twice");
            }
            if (r[0] > next) {
                throw new IllegalArgumentException("SparkShards: the samples' positions are not 0..n-1 (position "
                        + next + " is missing)");
            }
            next = r[0] + r[1];
        }
        if (next == 0) {
            throw new IllegalArgumentException("SparkShards: the RDD holds no samples");
        }
        return next;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int partitions() {
        return partitions;
    }

    /** The sum tree's depth. */
    public int depth() {
        return depth;
    }

    public Reduction reduction() {
        return reduction;
    }

    public Weights weights() {
        return weights;
    }

    @Override
    public ShardGradient step(GradientTask task, FlatVector w, int[] batch) {
        Broadcast<FlatVector> shared = weights == Weights.BROADCAST ? sc.broadcast(w) : null;
        FlatVector captured = weights == Weights.CLOSURE ? w : null;
        try {
            JavaRDD<ShardGradient> leaves = shards.mapPartitionsWithIndex((i, it) -> {
                FlatVector at = shared != null ? shared.value() : captured;
                return List.of(task.compute(i, it.next(), batch, at)).iterator();
            }, true);
            if (reduction == Reduction.TREE_AGGREGATE) {
                ShardGradient zero = ShardGradient.empty(0, task.layout().count());
                return leaves.treeAggregate(zero, (a, g) -> SumTree.group(0, List.of(a, g)),
                        (a, b) -> SumTree.group(0, List.of(a, b)), depth);
            }
            JavaRDD<ShardGradient> nodes = leaves;
            int f = SumTree.fanIn(partitions, depth);
            for (int n = partitions; n > f; n = SumTree.groups(n, f)) {
                nodes = nodes.mapToPair(g -> new Tuple2<>(g.node() / f, g))
                        .groupByKey(new HashPartitioner(SumTree.groups(n, f)))
                        .map(t -> SumTree.group(t._1(), t._2()));
            }
            return SumTree.top(nodes.collect());
        } finally {
            if (shared != null) {
                shared.destroy();
            }
        }
    }

    /** Drops the cached partitions. */
    @Override
    public void close() {
        shards.unpersist(false);
    }
}
