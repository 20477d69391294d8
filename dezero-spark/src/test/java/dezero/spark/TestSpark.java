package dezero.spark;

import dezero.functions.F;
import dezero.models.MLP;
import dezero.models.Model;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.ArrayList;
import java.util.List;

/**
 * One Spark context for all the tests of this module (starting one takes seconds): {@code local[2,2]},
 * two worker threads and up to two attempts per task (local mode retries a failed task only when
 * the second number is given), no UI, bound to the loopback address. Plus the small data sets and
 * models the tests train.
 */
public final class TestSpark {
    private TestSpark() {
    }

    private static JavaSparkContext sc;

    public static synchronized JavaSparkContext sc() {
        if (sc == null) {
            SparkConf conf = new SparkConf().setMaster("local[2,2]").setAppName("dezero-spark-tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.ui.showConsoleProgress", "false")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1");
            sc = new JavaSparkContext(conf);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> sc.stop(), "stop-test-spark"));
        }
        return sc;
    }

    /** Input width and classes of {@link #samples}. */
    static final int WIDTH = 8;
    static final int CLASSES = 3;

    /** {@code n} examples: x uniform in [-1, 1), label = the argmax of three fixed linear scores. */
    static List<Sample> samples(int n, long seed) {
        NdRandom r = new NdRandom(seed);
        float[] xs = r.uniform(DType.FLOAT32, -1, 1, n, WIDTH).floatData();
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] x = new float[WIDTH];
            System.arraycopy(xs, i * WIDTH, x, 0, WIDTH);
            double[] s = {x[0] + x[1] - x[2], x[3] - x[4] + 0.5 * x[5], x[6] * x[7] - x[0]};
            long label = s[0] >= s[1] && s[0] >= s[2] ? 0 : s[1] >= s[2] ? 1 : 2;
            out.add(new Sample(i, x, label));
        }
        return out;
    }

    /** The RDD of {@code samples} in {@code partitions} slices. */
    static JavaRDD<Sample> rdd(List<Sample> samples, int partitions) {
        return sc().parallelize(samples, partitions);
    }

    /** The examples of each partition of {@code rdd}, in partition order (for {@link LocalShards}). */
    static List<List<Sample>> partitionsOf(JavaRDD<Sample> rdd) {
        return rdd.glom().collect();
    }

    /** The same architecture everywhere: MLP (10 ReLU, 3) of {@code dtype}. */
    static ModelFactory factory() {
        return () -> new MLP(new int[] {10, CLASSES}, F::relu);
    }

    /** A model of {@link #factory} with initial weights drawn from {@code seed}, in {@code dtype}. */
    static Model initialModel(DType dtype, long seed) {
        NdRandom.seedGlobal(seed);
        Model m = factory().create();
        m.apply(NdArray.zeros(DType.FLOAT32, 1, WIDTH));
        if (dtype == DType.FLOAT64) {
            m.flattenParams().values().forEach(p -> p.setData(p.data().astype(DType.FLOAT64)));
        }
        return m;
    }
}
