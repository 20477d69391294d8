package dezero.spark.examples;

import dezero.datasets.FileCache;
import dezero.datasets.MNIST;
import dezero.functions.F;
import dezero.models.MLP;
import dezero.models.Model;
import dezero.optimizers.Adam;
import dezero.spark.DataParallelTrainer;
import dezero.spark.FlatVector;
import dezero.spark.Loss;
import dezero.spark.MnistSamples;
import dezero.spark.ModelFactory;
import dezero.spark.Sample;
import dezero.spark.SingleJvmTrainer;
import dezero.spark.SparkShards;
import dezero.spark.StepStats;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.reflect.ClassTag;
import scala.runtime.AbstractFunction1;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The measurements behind docs/SCALING.md: samples per second of the spark-mnist model (MLP 784-1000-10,
 * Adam) on {@code local[2]} against the plain single-JVM trainer, at global batches of 100 and 1000;
 * Spark's cost per step (a step's distributed part minus its slowest task's compute) for the ways of
 * sending weights and adding gradients; an all-gather of a gradient's size in a barrier stage (the
 * alternative to a job per step); and Java serialization of the gradient. Medians over the timed steps,
 * after warm-up steps.
 */
final class SparkBench {
    private SparkBench() {
    }

    static final String SUMMARY = "samples/s of spark-mnist on local[2] against one JVM, and Spark's cost per step";

    static final String OPTIONS = String.join("\n",
            "  --data DIR        MNIST IDX files (default: download once to ~/.dezero)",
            "  --steps N         timed steps per configuration (default 60; a tenth of it at batch 1000, >= 6)",
            "  --warmup N        untimed steps before (default 15)",
            "  --hidden N        hidden units (default 1000)");

    private static final List<String> NAMES = List.of("data", "steps", "warmup", "hidden");

    static void run(List<String> args, PrintStream out) throws IOException {
        Options o = new Options(args, NAMES);
        String data = o.get("data", null);
        Path dir;
        if (data != null) {
            dir = Path.of(data);
        } else {
            new MNIST(true);
            dir = FileCache.defaultCache().dir();
        }
        int steps = o.getInt("steps", 60, 2);
        int warmup = o.getInt("warmup", 15, 0);
        int hidden = o.getInt("hidden", 1000, 1);
        List<Sample> samples = MnistSamples.read(dir, true);
        out.printf(Locale.ROOT, "spark-bench: %d training images, MLP (784, %d ReLU, 10), Adam; %d warm-up and %d "
                + "timed steps (batch 1000: %d); %d cores%n", samples.size(), hidden, warmup, steps,
                Math.max(6, steps / 10), Runtime.getRuntime().availableProcessors());
        out.println("configuration                                    samples/s   step ms   Spark ms/step   task ms"
                + "   update ms");

        for (int batch : new int[] {100, 1000}) {
            singleJvm(samples, hidden, batch, warmupSteps(warmup, batch), timedSteps(steps, batch), out);
        }
        try (JavaSparkContext sc = SparkMnist.context("local[2]", false)) {
            // Spark's own code paths warm up too: an untimed run first, so the first row is not the slowest
            spark(sc, dir, hidden, 100, 2, 1, SparkShards.Reduction.ORDERED_TREE, SparkShards.Weights.BROADCAST,
                    warmup + steps, 0, null, out);
            configurations(sc, dir, hidden, warmup, steps, "", out);
            int params = 784 * hidden + hidden + hidden * 10 + 10;
            allGather(sc, params * 4, Math.max(8, steps / 4), out);
            serialization(params, out);
        }
        // the settings spark-mnist uses: gradients come back inside the task's status message, uncompressed weights
        try (JavaSparkContext sc = SparkMnist.context("local[2]", true)) {
            configurations(sc, dir, hidden, warmup, steps, "tuned ", out);
        }
    }

    /** Steps timed at {@code batch}: a tenth at batch 1000 (at least 6). */
    private static int timedSteps(int steps, int batch) {
        return batch == 100 ? steps : Math.max(6, steps / 10);
    }

    private static int warmupSteps(int warmup, int batch) {
        return batch == 100 ? warmup : Math.max(2, warmup / 10);
    }

    /** The rows of one Spark set-up: both batch sizes, then the variants at batch 100. */
    private static void configurations(JavaSparkContext sc, Path dir, int hidden, int warmup, int steps, String label,
                                       PrintStream out) throws IOException {
        for (int batch : new int[] {100, 1000}) {
            spark(sc, dir, hidden, batch, 2, 1, SparkShards.Reduction.ORDERED_TREE, SparkShards.Weights.BROADCAST,
                    warmupSteps(warmup, batch), timedSteps(steps, batch), label, out);
        }
        spark(sc, dir, hidden, 100, 2, 1, SparkShards.Reduction.ORDERED_TREE, SparkShards.Weights.CLOSURE,
                warmup, steps, label, out);
        spark(sc, dir, hidden, 100, 2, 2, SparkShards.Reduction.TREE_AGGREGATE, SparkShards.Weights.BROADCAST,
                warmup, steps, label, out);
        spark(sc, dir, hidden, 100, 4, 1, SparkShards.Reduction.ORDERED_TREE, SparkShards.Weights.BROADCAST,
                warmup, steps, label, out);
        spark(sc, dir, hidden, 100, 4, 2, SparkShards.Reduction.ORDERED_TREE, SparkShards.Weights.BROADCAST,
                warmup, steps, label, out);
        spark(sc, dir, 10, 100, 2, 1, SparkShards.Reduction.ORDERED_TREE, SparkShards.Weights.BROADCAST,
                warmup, steps, label, out);
    }

    private static void singleJvm(List<Sample> samples, int hidden, int batch, int warmup, int steps,
                                  PrintStream out) {
        Model model = SparkMnist.initialModel(hidden, 0);
        SingleJvmTrainer t = new SingleJvmTrainer(model, new Adam(), Loss.softmaxCrossEntropy(), samples,
                MnistSamples.SHAPE, batch, 0);
        t.train(warmup);
        long[] nanos = new long[steps];
        for (int i = 0; i < steps; i++) {
            long s = System.nanoTime();
            t.step();
            nanos[i] = System.nanoTime() - s;
        }
        double ms = median(nanos) / 1e6;
        out.printf(Locale.ROOT, "%-48s %9.0f %9.2f %15s %9s%n", "single JVM, batch " + batch, batch / ms * 1e3, ms,
                "-", "-");
    }

    private static void spark(JavaSparkContext sc, Path dir, int hidden, int batch, int partitions, int depth,
                              SparkShards.Reduction reduction, SparkShards.Weights weights, int warmup, int steps,
                              String label, PrintStream out) throws IOException {
        // label: a prefix for the row's name; null runs the configuration without printing (a warm-up)
        JavaRDD<Sample> rdd = MnistSamples.rdd(sc, dir, true, partitions, 0);
        try (SparkShards shards = new SparkShards(sc, rdd, MnistSamples.SHAPE, depth, reduction, weights)) {
            ModelFactory factory = () -> new MLP(new int[] {hidden, 10}, F::relu);
            DataParallelTrainer trainer = DataParallelTrainer.builder(SparkMnist.initialModel(hidden, 0), factory,
                    shards).optimizer(new Adam()).batchSize(batch).seed(0).build();
            trainer.train(warmup);
            List<StepStats> stats = trainer.train(steps);
            if (label == null) {
                return;
            }
            double total = median(stats.stream().mapToLong(StepStats::totalNanos).toArray()) / 1e6;
            double overhead = median(stats.stream().mapToLong(StepStats::overheadNanos).toArray()) / 1e6;
            double compute = median(stats.stream().mapToLong(StepStats::computeNanos).toArray()) / 1e6;
            double update = median(stats.stream().mapToLong(StepStats::updateNanos).toArray()) / 1e6;
            String name = String.format(Locale.ROOT, "%sSpark P=%d d=%d %s %s, %sbatch %d", label, partitions, depth,
                    reduction == SparkShards.Reduction.ORDERED_TREE ? "ordered" : "treeAggregate",
                    weights == SparkShards.Weights.BROADCAST ? "bcast" : "closure",
                    hidden == 10 ? "784-10-10, " : "", batch);
            out.printf(Locale.ROOT, "%-48s %9.0f %9.2f %15.2f %9.2f %11.2f%n", name, batch / total * 1e3, total,
                    overhead, compute, update);
        }
    }

    /**
     * Rounds of BarrierTaskContext.allGather of a base64 string of {@code bytes} bytes per task (2 tasks); the
     * first 3 rounds are warm-up.
     */
    private static void allGather(JavaSparkContext sc, int bytes, int rounds, PrintStream out) {
        JavaRDD<Integer> two = sc.parallelize(List.of(0, 1), 2);
        ClassTag<long[]> tag = ClassTag$.MODULE$.apply(long[].class);
        List<long[]> times = JavaRDD.fromRDD(two.rdd().barrier().mapPartitions(new Gather(bytes, rounds), false, tag),
                tag).collect();
        long[] all = times.stream().flatMapToLong(t -> Arrays.stream(t, 3, t.length)).toArray();
        out.printf(Locale.ROOT, "%-48s %9s %9.2f %15s %9s%n", String.format(Locale.ROOT,
                "barrier allGather of %.2f MB (base64), 2 tasks", bytes / 1e6), "-", median(all) / 1e6, "-", "-");
    }

    /**
     * A barrier task: {@code rounds} times barrier(), then allGather of its gradient-sized message (base64:
     * allGather takes strings) and decoding of all the messages. A Scala function, as RDDBarrier has no Java API.
     */
    private static final class Gather extends AbstractFunction1<Iterator<Integer>, Iterator<long[]>>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int bytes;
        private final int rounds;

        Gather(int bytes, int rounds) {
            this.bytes = bytes;
            this.rounds = rounds;
        }

        @Override
        public Iterator<long[]> apply(Iterator<Integer> partition) {
            BarrierTaskContext ctx = BarrierTaskContext.get();
            byte[] raw = new byte[bytes];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, ctx.partitionId());
            String message = Base64.getEncoder().encodeToString(raw);
            long[] nanos = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                ctx.barrier();
                long s = System.nanoTime();
                for (String m : ctx.allGather(message)) {
                    Base64.getDecoder().decode(m);
                }
                nanos[r] = System.nanoTime() - s;
            }
            return CollectionConverters.asScala(List.of(nanos).iterator());
        }
    }

    /** Java serialization there and back of a float32 gradient of {@code params} values (as task results go). */
    private static void serialization(int params, PrintStream out) throws IOException {
        FlatVector g = FlatVector.of(new float[params]);
        long[] nanos = new long[20];
        for (int i = 0; i < nanos.length; i++) {
            long s = System.nanoTime();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
                o.writeObject(g);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                in.readObject();
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            nanos[i] = System.nanoTime() - s;
        }
        out.printf(Locale.ROOT, "%-48s %9s %9.2f %15s %9s%n", String.format(Locale.ROOT,
                "Java serialization of %.2f MB, out and in", params * 4 / 1e6), "-", median(nanos) / 1e6, "-", "-");
    }

    static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }
}
