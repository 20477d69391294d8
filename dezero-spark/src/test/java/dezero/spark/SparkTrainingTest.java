package dezero.spark;

import dezero.models.Model;
import dezero.ndarray.DType;
import dezero.optimizers.Adam;
import dezero.optimizers.MomentumSGD;
import dezero.optimizers.Optimizer;
import dezero.optimizers.SGD;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training on Spark ({@code local[2,2]}) gives the single-JVM result: bit for bit against the same
 * partitions summed in the same order in one JVM, and within float rounding against the plain loop
 * on whole batches. 60 examples in batches of 16 are 4 steps per epoch (the last of 12), so 10 steps
 * cross two epoch boundaries.
 */
class SparkTrainingTest {
    private static final List<Sample> DATA = TestSpark.samples(60, 7);
    private static final int[] SHAPE = {TestSpark.WIDTH};
    private static final int BATCH = 16;
    private static final long SEED = 3;
    private static final int STEPS = 10;

    static FlatVector trainOn(GradientBackend backend, DType dtype, Supplier<Optimizer> optimizer, int steps) {
        Model model = TestSpark.initialModel(dtype, 1);
        DataParallelTrainer trainer = DataParallelTrainer.builder(model, TestSpark.factory(), backend)
                .optimizer(optimizer.get()).batchSize(BATCH).seed(SEED).build();
        List<StepStats> stats = trainer.train(steps);
        assertEquals(steps, stats.size());
        assertEquals(12, stats.get(3).examples());
        return trainer.layout().weights(model);
    }

    static FlatVector singleJvm(DType dtype, Supplier<Optimizer> optimizer, int steps) {
        Model model = TestSpark.initialModel(dtype, 1);
        SingleJvmTrainer t = new SingleJvmTrainer(model, optimizer.get(), Loss.softmaxCrossEntropy(), DATA, SHAPE,
                BATCH, SEED);
        t.train(steps);
        return ParamLayout.of(model).weights(model);
    }

    static FlatVector onSpark(DType dtype, Supplier<Optimizer> optimizer, int partitions, int depth,
                              SparkShards.Reduction reduction, SparkShards.Weights weights) {
        JavaRDD<Sample> rdd = TestSpark.rdd(DATA, partitions);
        try (SparkShards shards = new SparkShards(TestSpark.sc(), rdd, SHAPE, depth, reduction, weights)) {
            return trainOn(shards, dtype, optimizer, STEPS);
        }
    }

    static FlatVector local(DType dtype, Supplier<Optimizer> optimizer, int partitions, int depth) {
        List<List<Sample>> parts = TestSpark.partitionsOf(TestSpark.rdd(DATA, partitions));
        try (LocalShards shards = new LocalShards(parts, SHAPE, depth)) {
            return trainOn(shards, dtype, optimizer, STEPS);
        }
    }

    private static void assertBitwise(FlatVector expected, FlatVector actual) {
        assertTrue(expected.bitwiseEquals(actual), "max |diff| " + expected.maxAbsDiff(actual));
    }

    private static void assertClose(FlatVector expected, FlatVector actual, double relTol) {
        double diff = expected.maxAbsDiff(actual);
        double scale = expected.maxAbs();
        assertTrue(diff <= relTol * scale, "max |diff| " + diff + " > " + relTol + " x max |w| " + scale);
    }

    @Test
    void sparkEqualsTheSamePartitionsSummedInOrderInOneJvm() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            FlatVector spark = onSpark(dtype, Adam::new, 2, 1, SparkShards.Reduction.ORDERED_TREE,
                    SparkShards.Weights.BROADCAST);
            assertBitwise(local(dtype, Adam::new, 2, 1), spark);
        }
    }

    @Test
    void aDeeperTreeOnFourPartitionsIsStillExact() {
        assertEquals(2, SumTree.fanIn(4, 2));
        assertEquals(1, SumTree.executorLevels(4, 2));
        FlatVector spark = onSpark(DType.FLOAT32, () -> new MomentumSGD(0.1, 0.9), 4, 2,
                SparkShards.Reduction.ORDERED_TREE, SparkShards.Weights.BROADCAST);
        assertBitwise(local(DType.FLOAT32, () -> new MomentumSGD(0.1, 0.9), 4, 2), spark);
    }

    @Test
    void weightsInTheClosureGiveTheSameBitsAsABroadcast() {
        FlatVector closure = onSpark(DType.FLOAT32, Adam::new, 2, 1, SparkShards.Reduction.ORDERED_TREE,
                SparkShards.Weights.CLOSURE);
        assertBitwise(local(DType.FLOAT32, Adam::new, 2, 1), closure);
    }

    @Test
    void sparkEqualsThePlainSingleJvmLoopUpToRounding() {
        // The shards' products and the weighting by share / batch size round differently from one
        // whole-batch product. Measured after 10 steps: float32 SGD 1.8e-8 of max |w| (under one float32
        // ulp), float64 SGD 3e-17, float64 Adam on 3 partitions 1.4e-16; the bounds leave a margin.
        FlatVector start = ParamLayout.of(TestSpark.initialModel(DType.FLOAT32, 1))
                .weights(TestSpark.initialModel(DType.FLOAT32, 1));
        FlatVector sgd32 = singleJvm(DType.FLOAT32, () -> new SGD(0.1), STEPS);
        assertTrue(sgd32.maxAbsDiff(start) > 0.01, "the weights moved: " + sgd32.maxAbsDiff(start));
        assertClose(sgd32, onSpark(DType.FLOAT32, () -> new SGD(0.1), 2, 1, SparkShards.Reduction.ORDERED_TREE,
                SparkShards.Weights.BROADCAST), 5e-7);
        assertClose(singleJvm(DType.FLOAT64, () -> new SGD(0.1), STEPS),
                onSpark(DType.FLOAT64, () -> new SGD(0.1), 2, 1, SparkShards.Reduction.ORDERED_TREE,
                        SparkShards.Weights.BROADCAST), 1e-14);
        assertClose(singleJvm(DType.FLOAT64, Adam::new, STEPS),
                onSpark(DType.FLOAT64, Adam::new, 3, 1, SparkShards.Reduction.ORDERED_TREE,
                        SparkShards.Weights.BROADCAST), 1e-14);
    }

    @Test
    void sparksTreeAggregateIsWithinRounding() {
        // its additions follow task completion order, so only rounding-level agreement is promised
        assertClose(singleJvm(DType.FLOAT32, () -> new SGD(0.1), STEPS),
                onSpark(DType.FLOAT32, () -> new SGD(0.1), 4, 2, SparkShards.Reduction.TREE_AGGREGATE,
                        SparkShards.Weights.BROADCAST), 5e-7);
    }
}
