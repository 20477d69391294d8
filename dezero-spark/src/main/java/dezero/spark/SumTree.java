package dezero.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fixed shape in which the per-partition gradients are added: with {@code depth} d and P
 * partitions, groups of {@code fanIn = max(2, ceil(P^(1/d)))} consecutive nodes are added (in node
 * order) into one node of the next level until at most {@code fanIn} nodes are left, which the driver
 * adds in node order. Depth 1 is "the driver adds all P in partition order". The shape depends only on
 * P and d, never on which task finished first, so a sum is the same bits on every run, and
 * {@link #reduce} reproduces it in one JVM.
 */
final class SumTree {
    private SumTree() {
    }

    /** The group size for {@code leaves} partitions and {@code depth} levels. */
    static int fanIn(int leaves, int depth) {
        if (leaves < 1 || depth < 1) {
            throw new IllegalArgumentException("SumTree: need at least one leaf and depth >= 1, got " + leaves
                    + " leaves, depth " + depth);
        }
        int f = (int) Math.ceil(Math.pow(leaves, 1.0 / depth) - 1e-9);
        return Math.max(2, f);
    }

    /** The number of levels added on the executors (before the driver's final sum). */
    static int executorLevels(int leaves, int depth) {
        int f = fanIn(leaves, depth);
        int levels = 0;
        for (int n = leaves; n > f; n = groups(n, f)) {
            levels++;
        }
        return levels;
    }

    /** The number of groups that {@code nodes} nodes make at fan-in {@code f}. */
    static int groups(int nodes, int f) {
        return (nodes + f - 1) / f;
    }

    /** One group's sum: its nodes in node order, as node {@code group}. */
    static ShardGradient group(int group, Iterable<ShardGradient> members) {
        List<ShardGradient> list = new ArrayList<>();
        members.forEach(list::add);
        list.sort(Comparator.comparingInt(ShardGradient::node));
        return ShardGradient.sumInOrder(group, list);
    }

    /** The driver's final sum of the top-level nodes (any order in, node order used). */
    static ShardGradient top(List<ShardGradient> nodes) {
        return group(0, nodes);
    }

    /** The whole tree in one JVM: the leaves (any order) reduced level by level as Spark does. */
    static ShardGradient reduce(List<ShardGradient> leaves, int depth) {
        int f = fanIn(leaves.size(), depth);
        List<ShardGradient> nodes = new ArrayList<>(leaves);
        nodes.sort(Comparator.comparingInt(ShardGradient::node));
        while (nodes.size() > f) {
            List<ShardGradient> next = new ArrayList<>();
            for (int g = 0; g < groups(nodes.size(), f); g++) {
                next.add(group(g, nodes.subList(g * f, Math.min(nodes.size(), (g + 1) * f))));
            }
            nodes = next;
        }
        return top(nodes);
    }
}
