package dezero.spark.examples;

import dezero.Config;
import dezero.datasets.Batch;
import dezero.datasets.DataLoader;
import dezero.datasets.FileCache;
import dezero.datasets.MNIST;
import dezero.functions.F;
import dezero.models.MLP;
import dezero.models.Model;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.optimizers.Adam;
import dezero.spark.DataParallelTrainer;
import dezero.spark.MnistSamples;
import dezero.spark.ModelFactory;
import dezero.spark.SparkShards;
import dezero.spark.StepStats;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reference's MNIST MLP (784, 1000 ReLU, 10; Adam; batches of 100), trained data-parallel on
 * Spark: the training images are an RDD of as many partitions as the master has cores, every step's
 * global batch is split among them, and the driver adds their gradients and updates the weights.
 * After each epoch the driver tests the model on the test split. With {@code --checkpoint DIR} it
 * writes a checkpoint every epoch (or {@code --every K} steps) and, started again with the same
 * options, continues from the latest one.
 */
final class SparkMnist {
    private SparkMnist() {
    }

    static final String SUMMARY = "MLP (1000 ReLU, 10) on MNIST with Adam, data-parallel on Spark (default local[2])";

    static final String OPTIONS = String.join("\n",
            "  --data DIR        MNIST IDX files (*-idx3-ubyte[.gz]); default: download once to ~/.dezero",
            "  --master URL      Spark master when not run by spark-submit (default local[2])",
            "  --partitions N    partitions of the training images (default: the master's default parallelism)",
            "  --epochs N        epochs (default 5)",
            "  --steps N         stop after N steps in all (default: epochs x steps per epoch)",
            "  --batch N         global batch size (default 100)",
            "  --hidden N        hidden units (default 1000)",
            "  --lr LR           Adam's alpha (default 0.001)",
            "  --seed S          seed of the initial weights and of the batch order (default 0)",
            "  --depth D         depth of the gradient sum tree (default 1: the driver adds all partitions)",
            "  --checkpoint DIR  checkpoint to DIR and resume from the latest checkpoint there",
            "  --every K         checkpoint every K steps (default: every epoch)",
            "  --limit N         train on the first N training images only",
            "  --save FILE       save the trained weights to FILE (.npz)");

    private static final List<String> NAMES = List.of("data", "master", "partitions", "epochs", "steps", "batch",
            "hidden", "lr", "seed", "depth", "checkpoint", "every", "limit", "save");

    /** The outcome of a run. */
    record Result(long steps, double testAccuracy, double samplesPerSecond, List<StepStats> stats) {
    }

    /** A run on a Spark context of its own, stopped at the end. */
    static Result run(List<String> args, PrintStream out) throws IOException {
        Options o = new Options(args, NAMES);
        try (JavaSparkContext sc = context(o.get("master", "local[2]"), true)) {
            return run(sc, o, out);
        }
    }

    /** A run on {@code sc} (which stays open); {@code --master} is not used. */
    static Result run(JavaSparkContext sc, List<String> args, PrintStream out) throws IOException {
        return run(sc, new Options(args, NAMES), out);
    }

    private static Result run(JavaSparkContext sc, Options o, PrintStream out) throws IOException {
        String data = o.get("data", null);
        Path dir = data != null ? Path.of(data) : download();
        int hidden = o.getInt("hidden", 1000, 1);
        int partitions = o.getInt("partitions", sc.defaultParallelism(), 1);
        int epochs = o.getInt("epochs", 5, 1);
        long seed = o.getInt("seed", 0, 0);
        int batch = o.getInt("batch", 100, 1);
        try (SparkShards shards = new SparkShards(sc,
                MnistSamples.rdd(sc, dir, true, partitions, o.getInt("limit", 0, 0)), MnistSamples.SHAPE,
                o.getInt("depth", 1, 1), SparkShards.Reduction.ORDERED_TREE, SparkShards.Weights.BROADCAST)) {
            Model model = initialModel(hidden, seed);
            ModelFactory factory = () -> new MLP(new int[] {hidden, 10}, F::relu);
            DataParallelTrainer.Builder b = DataParallelTrainer.builder(model, factory, shards)
                    .optimizer(new Adam(o.getDouble("lr", 0.001))).batchSize(batch).seed(seed);
            int perEpoch = (int) ((shards.size() + batch - 1) / batch);
            String ckpt = o.get("checkpoint", null);
            if (ckpt != null) {
                b.checkpoints(Path.of(ckpt), o.getInt("every", perEpoch, 1));
            }
            DataParallelTrainer trainer = b.build();
            long total = o.getInt("steps", epochs * perEpoch, 1);
            out.printf(Locale.ROOT, "spark-mnist: %d training images in %d partitions on %s; MLP (784, %d ReLU,"
                            + " 10), Adam, global batch %d, %d steps (%d per epoch); %s of weights per step%n",
                    shards.size(), shards.partitions(), sc.master(), hidden, batch, total, perEpoch,
                    megabytes(trainer.layout().bytes()));
            if (ckpt != null) {
                long resumed = trainer.resume();
                out.println(resumed > 0 ? "resumed from the checkpoint of step " + resumed + " in " + ckpt
                        : "no checkpoint in " + ckpt + " yet: starting afresh");
            }
            return train(trainer, total, MNIST.fromDirectory(dir, false), out, o.get("save", null));
        }
    }

    private static Result train(DataParallelTrainer trainer, long total, MNIST test, PrintStream out, String save)
            throws IOException {
        List<StepStats> all = new ArrayList<>();
        double accuracy = Double.NaN;
        long start = System.nanoTime();
        long first = trainer.steps();
        while (trainer.steps() < total) {
            long epochEnd = Math.min(total, (trainer.steps() / trainer.stepsPerEpoch() + 1) * trainer.stepsPerEpoch());
            List<StepStats> epoch = trainer.train(epochEnd - trainer.steps());
            all.addAll(epoch);
            accuracy = accuracy(trainer.model(), test);
            double loss = 0;
            long examples = 0;
            for (StepStats s : epoch) {
                loss += s.loss() * s.examples();
                examples += s.examples();
            }
            long[] overhead = epoch.stream().mapToLong(StepStats::overheadNanos).sorted().toArray();
            double seconds = epoch.stream().mapToLong(StepStats::totalNanos).sum() / 1e9;
            out.printf(Locale.ROOT, "epoch %d (step %d)  train loss %.4f  test accuracy %.4f  %.0f samples/s  "
                            + "Spark %.1f ms/step (median)%n", epoch.get(epoch.size() - 1).epoch() + 1, trainer.steps(),
                    loss / examples, accuracy, examples / seconds, overhead[overhead.length / 2] / 1e6);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long trained = all.stream().mapToLong(StepStats::examples).sum();
        out.printf(Locale.ROOT, "test accuracy %.4f after %d steps (%d this run, %.1f s, %.0f samples/s)%n", accuracy,
                trainer.steps(), trainer.steps() - first, seconds, trained / seconds);
        if (save != null) {
            Path file = Path.of(save).toAbsolutePath();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            trainer.model().saveWeights(file);
            out.println("saved the weights to " + file);
        }
        return new Result(trainer.steps(), accuracy, trained / seconds, all);
    }

    /** The seeded initial weights: as the single-JVM example, Linear layers drawn at the first call. */
    @SuppressWarnings("try") // the no-grad scope is used for its effect only
    static Model initialModel(int hidden, long seed) {
        NdRandom.seedGlobal(seed);
        MLP model = new MLP(new int[] {hidden, 10}, F::relu);
        try (var s = Config.noGrad()) {
            model.apply(NdArray.zeros(DType.FLOAT32, 1, MnistSamples.SHAPE[0]));
        }
        return model;
    }

    /** The fraction of {@code test} that {@code model} classifies right (in test mode, batches of 1000). */
    @SuppressWarnings("try") // the no-grad and test-mode scopes are used for their effect only
    static double accuracy(Model model, MNIST test) {
        long right = 0;
        try (var s = Config.noGrad(); var t = Config.testMode()) {
            for (Batch b : new DataLoader(test, 1000, false)) {
                right += Math.round(F.accuracy(model.apply(b.x()), b.t()).data().item() * b.size());
            }
        }
        return right / (double) test.size();
    }

    /**
     * A new Spark context with spark-submit's master when there is one, else {@code master}. {@code tuned} sets
     * (unless given) the two settings that make a step cheaper (docs/SCALING.md): task results up to 64 MiB
     * travel in the task's status message instead of through the block manager, and broadcasts are not
     * compressed (weights do not compress).
     */
    static JavaSparkContext context(String master, boolean tuned) {
        SparkConf conf = new SparkConf().setAppName("dezero spark-mnist");
        if (!conf.contains("spark.master")) {
            conf.setMaster(master);
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (tuned) {
            conf.setIfMissing("spark.task.maxDirectResultSize", "64m");
            conf.setIfMissing("spark.broadcast.compress", "false");
        }
        return new JavaSparkContext(conf);
    }

    private static Path download() throws IOException {
        new MNIST(true);
        new MNIST(false);
        return FileCache.defaultCache().dir();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }
}
