package dezero.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * One training example as a row of a Spark RDD: its position {@code index} in the data set (0 to
 * n - 1, each once: the global batch order is drawn over these positions), its input {@code x}
 * flattened to float32 (the trainer reshapes it to the input shape it is given) and its class
 * {@code label}.
 *
 * <pre>{@code
 * JavaRDD<Sample> rdd = sc.parallelize(List.of(new Sample(0, new float[] {0.5f, 1f}, 1), ...), 2);
 * }</pre>
 */
public record Sample(int index, float[] x, long label) implements Serializable {
    public Sample {
        Objects.requireNonNull(x, "Sample: x is null");
        if (index < 0) {
            throw new IllegalArgumentException("Sample: index must be >= 0, got " + index);
        }
    }
}
