package dezero.spark;

import java.io.Serializable;
import java.util.List;

/**
 * The gradient that one partition (or, after a level of the sum tree, a group of consecutive
 * partitions) contributes to a step: its share of the gradient of the global batch's mean loss, the
 * flags of the parameters that received a gradient, how many examples it covered, its share of the
 * mean loss, and the longest time a task spent computing it.
 *
 * <p>{@code node} is its place in the sum tree: the partition index at the leaves, the group index
 * above. {@link #sumInOrder} is the only way gradients are added, on the executors and the driver
 * alike, so a given tree shape gives the same bits wherever it runs.
 */
public final class ShardGradient implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int node;
    private final int examples;
    private final double loss;
    private final FlatVector grad;
    private final boolean[] hasGrad;
    private final long computeNanos;

    /**
     * @param grad null when the shard held none of the batch's examples ({@code examples == 0})
     */
    ShardGradient(int node, int examples, double loss, FlatVector grad, boolean[] hasGrad, long computeNanos) {
        this.node = node;
        this.examples = examples;
        this.loss = loss;
        this.grad = grad;
        this.hasGrad = hasGrad;
        this.computeNanos = computeNanos;
    }

    /** A partition none of whose examples are in the batch. */
    static ShardGradient empty(int node, int params) {
        return new ShardGradient(node, 0, 0.0, null, new boolean[params], 0L);
    }

    /**
     * The sum of {@code parts} (in the list's order: {@code ((p0 + p1) + p2) + ...}, skipping parts
     * with no examples), as node {@code node}. The vectors of {@code parts} are not changed.
     */
    static ShardGradient sumInOrder(int node, List<ShardGradient> parts) {
        FlatVector sum = null;
        boolean[] flags = null;
        int examples = 0;
        double loss = 0.0;
        long nanos = 0L;
        for (ShardGradient p : parts) {
            if (flags == null) {
                flags = new boolean[p.hasGrad.length];
            }
            nanos = Math.max(nanos, p.computeNanos);
            if (p.examples == 0) {
                continue;
            }
            examples += p.examples;
            loss += p.loss;
            sum = sum == null ? p.grad.copy() : sum.addInPlace(p.grad);
            for (int i = 0; i < flags.length; i++) {
                flags[i] |= p.hasGrad[i];
            }
        }
        if (flags == null) {
            throw new IllegalArgumentException("ShardGradient.sumInOrder: nothing to add");
        }
        return new ShardGradient(node, examples, loss, sum, flags, nanos);
    }

    public int node() {
        return node;
    }

    /** The number of examples covered. */
    public int examples() {
        return examples;
    }

    /** The contribution to the global batch's mean loss (summed over the covered examples, / global batch size). */
    public double loss() {
        return loss;
    }

    /** The gradient, or null when no example was covered. */
    public FlatVector grad() {
        return grad;
    }

    /** Per parameter, whether any covered shard gave it a gradient (a copy). */
    public boolean[] hasGrad() {
        return hasGrad.clone();
    }

    /** The longest time one task spent on the forward and backward passes. */
    public long computeNanos() {
        return computeNanos;
    }
}
