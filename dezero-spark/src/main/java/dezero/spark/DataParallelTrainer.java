package dezero.spark;

import dezero.models.Model;
import dezero.optimizers.Optimizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Synchronous data-parallel training of a {@link Model} with any {@link Optimizer}: per step the
 * driver draws the global batch (as a single-JVM {@code DataLoader} with the same seed would), sends
 * the model's weights to the partitions, gets back the sum of their gradients (each partition's share
 * of the global batch's mean loss) and runs one optimizer step on its own model, whose weights the
 * next step sends out. The model and the optimizer live on the driver only; executors keep a copy of
 * the architecture ({@link ModelFactory}) and get fresh weights every step.
 *
 * <pre>{@code
 * try (var data = new SparkShards(sc, samples, new int[] {784})) {
 *     var trainer = DataParallelTrainer.builder(model, () -> new MLP(new int[] {1000, 10}, F::relu), data)
 *             .optimizer(new Adam()).batchSize(100).seed(0).checkpoints(Path.of("ckpt"), 100).build();
 *     trainer.resume();            // from ckpt/ if a checkpoint is there
 *     trainer.train(800);
 * }
 * }</pre>
 */
public final class DataParallelTrainer {
    private final Model model;
    private final Optimizer optimizer;
    private final GradientBackend backend;
    private final GradientTask task;
    private final int batchSize;
    private final long seed;
    private final Checkpoints checkpoints;
    private final int checkpointEvery;
    private BatchOrder order;
    private long step;

    private DataParallelTrainer(Builder b) {
        this.model = b.model;
        this.optimizer = Objects.requireNonNull(b.optimizer, "DataParallelTrainer: no optimizer");
        this.backend = b.backend;
        this.batchSize = b.batchSize;
        this.seed = b.seed;
        this.checkpoints = b.checkpointDir == null ? null : new Checkpoints(b.checkpointDir);
        this.checkpointEvery = b.checkpointEvery;
        ParamLayout layout = ParamLayout.of(model);
        ParamLayout remote = ParamLayout.of(withShapes(b.factory.create(), layout, model));
        if (!remote.names().equals(layout.names())) {
            throw new IllegalArgumentException("DataParallelTrainer: the factory's model has parameters "
                    + remote.names() + ", the driver's " + layout.names());
        }
        this.task = new GradientTask(UUID.randomUUID().toString(), b.factory, b.loss, layout);
        optimizer.setup(model);
        if (backend.size() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("DataParallelTrainer: " + backend.size() + " examples are more than "
                    + "the positions an int can name");
        }
        this.order = new BatchOrder((int) backend.size(), batchSize, seed);
    }

    /** A factory-built model given the driver's weights (so lazily sized layers get their shapes). */
    private static Model withShapes(Model fresh, ParamLayout layout, Model driver) {
        layout.setWeights(fresh, layout.weights(driver));
        return fresh;
    }

    /**
     * @param model   the driver's model, with all parameters initialised (these are the initial weights)
     * @param factory builds the same architecture on the executors
     * @param backend the partitioned data ({@link SparkShards}, or {@link LocalShards} in one JVM)
     */
    public static Builder builder(Model model, ModelFactory factory, GradientBackend backend) {
        return new Builder(model, factory, backend);
    }

    /** Settings of a {@link DataParallelTrainer}. */
    public static final class Builder {
        private final Model model;
        private final ModelFactory factory;
        private final GradientBackend backend;
        private Optimizer optimizer;
        private Loss loss = Loss.softmaxCrossEntropy();
        private int batchSize = 100;
        private long seed;
        private Path checkpointDir;
        private int checkpointEvery;

        private Builder(Model model, ModelFactory factory, GradientBackend backend) {
            this.model = Objects.requireNonNull(model, "DataParallelTrainer: model is null");
            this.factory = Objects.requireNonNull(factory, "DataParallelTrainer: factory is null");
            this.backend = Objects.requireNonNull(backend, "DataParallelTrainer: backend is null");
        }

        /** The optimizer (required); the trainer sets it up with the model. */
        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        /** The mean loss of a batch (default: softmax cross entropy). */
        public Builder loss(Loss loss) {
            this.loss = Objects.requireNonNull(loss, "DataParallelTrainer: loss is null");
            return this;
        }

        /** The global batch size, across all partitions (default 100). */
        public Builder batchSize(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("DataParallelTrainer: batch size must be positive, got "
                        + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** The seed of the batch order's generator (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Writes a checkpoint to {@code dir} every {@code every} steps (see {@link Checkpoints}). */
        public Builder checkpoints(Path dir, int every) {
            if (every <= 0) {
                throw new IllegalArgumentException("DataParallelTrainer: checkpoint interval must be positive, got "
                        + every);
            }
            this.checkpointDir = Objects.requireNonNull(dir, "DataParallelTrainer: checkpoint dir is null");
            this.checkpointEvery = every;
            return this;
        }

        public DataParallelTrainer build() {
            return new DataParallelTrainer(this);
        }
    }

    /**
     * Continues from the latest checkpoint in the checkpoint directory, if there is one: the model's
     * weights, the optimizer's state, the step count and the batch order (replayed from the seed).
     *
     * @return the step restored, or 0 when there was no checkpoint (nothing changed)
     */
    public long resume() throws IOException {
        if (checkpoints == null) {
            throw new IllegalStateException("DataParallelTrainer.resume: no checkpoint directory was set");
        }
        Checkpoints.RunInfo info = checkpoints.restore(model, optimizer);
        if (info == null) {
            return 0;
        }
        if (info.seed() != seed || info.batchSize() != batchSize || info.examples() != backend.size()) {
            throw new IllegalStateException("DataParallelTrainer.resume: the checkpoint in " + checkpoints.dir()
                    + " is of a run with seed " + info.seed() + ", batch size " + info.batchSize() + " and "
                    + info.examples() + " examples; this run has " + seed + ", " + batchSize + " and "
                    + backend.size());
        }
        order = new BatchOrder((int) backend.size(), batchSize, seed);
        order.skip(info.step());
        step = info.step();
        return step;
    }

    /** One step: the next global batch's gradient from the backend, then one optimizer update. */
    public StepStats step() {
        long t0 = System.nanoTime();
        int[] batch = order.next();
        ParamLayout layout = task.layout();
        ShardGradient sum = backend.step(task, layout.weights(model), batch);
        long t1 = System.nanoTime();
        if (sum.examples() != batch.length) {
            throw new IllegalStateException("DataParallelTrainer: the partitions covered " + sum.examples() + " of the "
                    + batch.length + " examples of step " + (step + 1) + "; is every data-set position 0.."
                    + (backend.size() - 1) + " in exactly one partition?");
        }
        layout.setGradients(model, sum.grad(), sum.hasGrad());
        optimizer.update();
        model.cleargrads();
        long t2 = System.nanoTime();
        step++;
        if (checkpoints != null && step % checkpointEvery == 0) {
            checkpoint();
        }
        return new StepStats(step, order.epoch(), batch.length, sum.loss(), System.nanoTime() - t0, t1 - t0,
                sum.computeNanos(), t2 - t1);
    }

    /** {@code steps} steps; their figures in order. */
    public List<StepStats> train(long steps) {
        List<StepStats> out = new ArrayList<>();
        for (long i = 0; i < steps; i++) {
            out.add(step());
        }
        return out;
    }

    /** Writes a checkpoint of the current step now. */
    public void checkpoint() {
        if (checkpoints == null) {
            throw new IllegalStateException("DataParallelTrainer.checkpoint: no checkpoint directory was set");
        }
        try {
            checkpoints.save(model, optimizer, new Checkpoints.RunInfo(step, seed, batchSize, backend.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("DataParallelTrainer: checkpoint of step " + step + " failed", e);
        }
    }

    /** Steps done (including those restored by {@link #resume}). */
    public long steps() {
        return step;
    }

    /** Batches per epoch: ceil(examples / batch size). */
    public int stepsPerEpoch() {
        return order.perEpoch();
    }

    /** The driver's model (its weights are the trained weights). */
    public Model model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The parameters' layout: their count and bytes on the wire. */
    public ParamLayout layout() {
        return task.layout();
    }
}
