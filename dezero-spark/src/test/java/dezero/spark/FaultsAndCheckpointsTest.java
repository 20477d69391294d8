package dezero.spark;

import dezero.functions.F;
import dezero.models.Model;
import dezero.ndarray.DType;
import dezero.optimizers.Adam;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A task that fails mid-step is retried by Spark and the run ends with the fault-free weights; a
 * run stopped after a checkpoint and restarted from it (new process state: other initial weights, a
 * fresh optimizer) ends with the weights of an uninterrupted run, bit for bit.
 */
class FaultsAndCheckpointsTest {
    private static final List<Sample> DATA = TestSpark.samples(60, 11);
    private static final int[] SHAPE = {TestSpark.WIDTH};
    private static final int BATCH = 16;
    private static final long SEED = 5;

    /** Partition 1's calls of the loss so far, and whether the one failure has been thrown. */
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    /** Softmax cross entropy that throws once, in the first attempt of partition 1's third task. */
    private static final Loss FAILS_ONCE = (model, x, t) -> {
        TaskContext ctx = TaskContext.get();
        if (ctx != null && ctx.partitionId() == 1 && CALLS.incrementAndGet() == 3 && ctx.attemptNumber() == 0
                && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure in step 3, partition 1, attempt 0");
        }
        return F.softmaxCrossEntropy(model.apply(x), t);
    };

    private static DataParallelTrainer trainer(Model model, GradientBackend backend, Loss loss, Path ckpt, int every) {
        DataParallelTrainer.Builder b = DataParallelTrainer.builder(model, TestSpark.factory(), backend)
                .optimizer(new Adam(0.01)).loss(loss).batchSize(BATCH).seed(SEED);
        return (ckpt == null ? b : b.checkpoints(ckpt, every)).build();
    }

    private static FlatVector uninterrupted(int steps) {
        try (LocalShards shards = new LocalShards(TestSpark.partitionsOf(TestSpark.rdd(DATA, 2)), SHAPE, 1)) {
            Model model = TestSpark.initialModel(DType.FLOAT32, 2);
            trainer(model, shards, Loss.softmaxCrossEntropy(), null, 0).train(steps);
            return ParamLayout.of(model).weights(model);
        }
    }

    @Test
    void aFailedTaskIsRetriedAndTheResultIsTheFaultFreeOne() {
        CALLS.set(0);
        FAILED.set(false);
        try (SparkShards shards = new SparkShards(TestSpark.sc(), TestSpark.rdd(DATA, 2), SHAPE)) {
            Model model = TestSpark.initialModel(DType.FLOAT32, 2);
            trainer(model, shards, FAILS_ONCE, null, 0).train(6);
            assertTrue(FAILED.get(), "the failure was injected");
            assertTrue(uninterrupted(6).bitwiseEquals(ParamLayout.of(model).weights(model)));
        }
    }

    @Test
    void aRunRestartedFromACheckpointEndsWhereAnUninterruptedOneDoes(@TempDir Path dir) throws Exception {
        FlatVector expected = uninterrupted(10);
        try (SparkShards shards = new SparkShards(TestSpark.sc(), TestSpark.rdd(DATA, 2), SHAPE)) {
            // the first run writes checkpoints after steps 3 and 6, then stops (crashes) after step 7
            DataParallelTrainer first = trainer(TestSpark.initialModel(DType.FLOAT32, 2), shards,
                    Loss.softmaxCrossEntropy(), dir, 3);
            first.train(7);
            assertEquals(6, new Checkpoints(dir).latestStep());
            assertTrue(Files.exists(dir.resolve("weights-00000006.npz")));
            assertTrue(Files.exists(dir.resolve("optimizer-00000006.npz")));

            // a new process: other initial weights, a fresh Adam; resume replays the batch order to step 6
            Model model = TestSpark.initialModel(DType.FLOAT32, 99);
            DataParallelTrainer second = trainer(model, shards, Loss.softmaxCrossEntropy(), dir, 3);
            assertEquals(6, second.resume());
            assertEquals(6, ((Adam) second.optimizer()).t());
            second.train(4);
            assertEquals(10, second.steps());
            assertTrue(expected.bitwiseEquals(ParamLayout.of(model).weights(model)),
                    "max |diff| " + expected.maxAbsDiff(ParamLayout.of(model).weights(model)));
            // steps 3, 6 and 9 were written; the two newest are kept
            assertFalse(Files.exists(dir.resolve("weights-00000003.npz")));
            assertTrue(Files.exists(dir.resolve("weights-00000009.npz")));
        }
    }

    @Test
    void resumingARunOfOtherSettingsIsAnError(@TempDir Path dir) throws Exception {
        List<List<Sample>> parts = TestSpark.partitionsOf(TestSpark.rdd(DATA, 2));
        try (LocalShards shards = new LocalShards(parts, SHAPE, 1)) {
            trainer(TestSpark.initialModel(DType.FLOAT32, 2), shards, Loss.softmaxCrossEntropy(), dir, 2).train(2);
            DataParallelTrainer otherBatch = DataParallelTrainer.builder(TestSpark.initialModel(DType.FLOAT32, 2),
                    TestSpark.factory(), shards).optimizer(new Adam(0.01)).batchSize(BATCH + 1).seed(SEED)
                    .checkpoints(dir, 2).build();
            assertThrows(IllegalStateException.class, otherBatch::resume);
            DataParallelTrainer otherLr = DataParallelTrainer.builder(TestSpark.initialModel(DType.FLOAT32, 2),
                    TestSpark.factory(), shards).optimizer(new Adam(0.02)).batchSize(BATCH).seed(SEED)
                    .checkpoints(dir, 2).build();
            assertThrows(IllegalArgumentException.class, otherLr::resume);
        }
    }

    @Test
    void noCheckpointMeansAFreshStart(@TempDir Path dir) throws Exception {
        List<List<Sample>> parts = TestSpark.partitionsOf(TestSpark.rdd(DATA, 2));
        try (LocalShards shards = new LocalShards(parts, SHAPE, 1)) {
            assertEquals(0, trainer(TestSpark.initialModel(DType.FLOAT32, 2), shards, Loss.softmaxCrossEntropy(),
                    dir.resolve("none"), 2).resume());
        }
    }
}
