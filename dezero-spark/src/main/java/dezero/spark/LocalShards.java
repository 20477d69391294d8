package dezero.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * The partitions of a data set held in this JVM, their gradients computed one after the other and
 * added in the same {@code SumTree} shape as on Spark: the single-JVM run that a Spark run equals
 * bit for bit when the partitions hold the same examples (the tests' reference), and a way to try a
 * data-parallel set-up without a cluster.
 */
public final class LocalShards implements GradientBackend {
    private final List<ShardData> shards;
    private final int depth;
    private final long size;

    /**
     * @param partitions the examples of each partition, in partition order
     * @param depth      the sum tree's depth (1: add all partitions in order)
     */
    public LocalShards(List<List<Sample>> partitions, int[] inputShape, int depth) {
        this.shards = new ArrayList<>();
        long n = 0;
        for (List<Sample> p : partitions) {
            ShardData d = ShardData.of(p.iterator(), inputShape);
            shards.add(d);
            n += d.size();
        }
        SumTree.fanIn(shards.size(), depth);
        this.depth = depth;
        this.size = n;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int partitions() {
        return shards.size();
    }

    @Override
    public ShardGradient step(GradientTask task, FlatVector weights, int[] batch) {
        List<ShardGradient> leaves = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            leaves.add(task.compute(i, shards.get(i), batch, weights));
        }
        return SumTree.reduce(leaves, depth);
    }

    @Override
    public void close() {
        shards.clear();
    }
}
