package dezero.spark.examples;

import dezero.spark.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * spark-mnist end to end on {@code local[2]} with a small MNIST-format data set written here (digits
 * drawn as a bright bar whose row is the label): it trains, tests, checkpoints and resumes.
 */
class SparkMnistTest {
    @TempDir
    Path dir;

    /** Writes the four IDX files: {@code train} and {@code test} images of 28 x 28 and their labels. */
    static void writeMnist(Path dir, int train, int test) throws IOException {
        Random r = new Random(1);
        write(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"), train, r);
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"), test, r);
    }

    private static void write(Path images, Path labels, int n, Random r) throws IOException {
        try (DataOutputStream im = gz(images); DataOutputStream lb = gz(labels)) {
            im.writeInt(0x803);
            im.writeInt(n);
            im.writeInt(28);
            im.writeInt(28);
            lb.writeInt(0x801);
            lb.writeInt(n);
            for (int i = 0; i < n; i++) {
                int label = r.nextInt(10);
                byte[] pixels = new byte[28 * 28];
                for (int c = 2; c < 26; c++) {
                    pixels[(2 + 2 * label) * 28 + c] = (byte) 255;
                    pixels[r.nextInt(pixels.length)] = (byte) r.nextInt(128);
                }
                im.write(pixels);
                lb.writeByte(label);
            }
        }
    }

    private static DataOutputStream gz(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new DataOutputStream(new GZIPOutputStream(out));
    }

    @Test
    void trainsChecksPointsAndResumes() throws Exception {
        Path data = Files.createDirectories(dir.resolve("mnist"));
        writeMnist(data, 300, 100);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        List<String> common = List.of("--data", data.toString(), "--hidden", "32",
                "--batch", "50", "--lr", "0.01", "--checkpoint", dir.resolve("ckpt").toString());

        SparkMnist.Result first = SparkMnist.run(TestSpark.sc(), args(common, "--epochs", "2"), out);
        assertEquals(12, first.steps());
        assertTrue(first.testAccuracy() > 0.5, buffer.toString(StandardCharsets.UTF_8));
        assertTrue(Files.exists(dir.resolve("ckpt/weights-00000012.npz")));

        SparkMnist.Result second = SparkMnist.run(TestSpark.sc(), args(common, "--epochs", "3", "--save",
                dir.resolve("w.npz").toString()), out);
        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("resumed from the checkpoint of step 12"), printed);
        assertEquals(18, second.steps());
        assertEquals(6, second.stats().size(), "only the third epoch ran");
        assertTrue(Files.exists(dir.resolve("w.npz")));
        assertTrue(printed.contains("300 training images in 2 partitions on local[2"), printed);
    }

    private static List<String> args(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void aBadOptionIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, Main.run(new String[] {"spark-mnist", "--nope", "1"}, System.out, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --nope"));
        assertEquals(2, Main.run(new String[] {"no-such-command"}, System.out, e));
        assertEquals(0, Main.run(new String[] {"--help"}, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), e));
    }
}
