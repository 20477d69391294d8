package dezero.spark;

import dezero.datasets.Batch;
import dezero.datasets.MNIST;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MNIST's IDX files as {@link Sample}s: inputs of 784 floats in [0, 1] (the reference's transform),
 * labels 0..9, positions in file order.
 *
 * <p>{@link #rdd} does not ship the images from the driver: each partition's task reads the files
 * itself and keeps its slice, so the RDD's partitions are small (an RDD made with {@code parallelize}
 * would carry its data inside every task of every step). The files are looked up in {@code dir} on
 * the executor, then among the files sent with {@code spark-submit --files}; on a cluster, either
 * put them at the same path on every node (or a shared mount) or pass them with {@code --files}.
 */
public final class MnistSamples {
    private MnistSamples() {
    }

    /** The input shape of a sample. */
    public static final int[] SHAPE = {MNIST.ROWS * MNIST.COLS};

    /** The training or test split in {@code dir} as samples, in this JVM. */
    public static List<Sample> read(Path dir, boolean train) throws IOException {
        return slice(MNIST.fromDirectory(dir, train), 0, Integer.MAX_VALUE);
    }

    /**
     * The split in {@code dir} as an RDD of {@code partitions} contiguous slices (partition i holds
     * positions [i n / p, (i + 1) n / p)). The driver reads the files once to count them.
     *
     * @param limit use only the first {@code limit} examples ({@code <= 0}: all)
     */
    public static JavaRDD<Sample> rdd(JavaSparkContext sc, Path dir, boolean train, int partitions, int limit)
            throws IOException {
        int total = MNIST.fromDirectory(dir, train).size();
        int n = limit > 0 ? Math.min(limit, total) : total;
        String where = dir.toAbsolutePath().toString();
        List<Integer> slices = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            slices.add(i);
        }
        return sc.parallelize(slices, partitions).flatMap(i -> {
            MNIST mnist = MNIST.fromDirectory(locate(where), train);
            long from = (long) i * n / partitions;
            long to = (long) (i + 1) * n / partitions;
            return slice(mnist, (int) from, (int) to).iterator();
        });
    }

    /** {@code dir} when it holds the files, else Spark's folder of {@code --files}. */
    private static Path locate(String dir) {
        Path p = Path.of(dir);
        if (Files.isRegularFile(p.resolve(MNIST.TRAIN_IMAGES)) || Files.isRegularFile(p.resolve(MNIST.TEST_IMAGES))
                || Files.isRegularFile(p.resolve("train-images-idx3-ubyte"))) {
            return p;
        }
        try {
            return Path.of(SparkFiles.getRootDirectory());
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("MNIST files are neither in " + dir
                    + " on this executor nor among the files sent with spark-submit --files"));
        }
    }

    private static List<Sample> slice(MNIST mnist, int from, int to) {
        int end = Math.min(to, mnist.size());
        List<Sample> out = new ArrayList<>(Math.max(0, end - from));
        int chunk = 1000;
        for (int start = from; start < end; start += chunk) {
            int stop = Math.min(end, start + chunk);
            int[] idx = new int[stop - start];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = start + k;
            }
            Batch b = mnist.getBatch(idx);
            float[] x = b.x().floatData();
            long[] t = b.t().longData();
            int width = x.length / idx.length;
            for (int k = 0; k < idx.length; k++) {
                float[] row = new float[width];
                System.arraycopy(x, k * width, row, 0, width);
                out.add(new Sample(idx[k], row, t[k]));
            }
        }
        return out;
    }
}
