package dezero.examples;

import dezero.Config;
import dezero.datasets.ArrayDataset;
import dezero.models.Sequential;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * mnist-cnn, gan and vae on the MNIST test slice in the test resources (100 training, 50 test
 * images), with tiny networks and a few iterations: the logic runs end to end and writes real PNGs.
 */
class MnistExamplesTest {
    @TempDir
    Path dir;

    private static Path mnistDir;
    private static ArrayDataset train;
    private static ArrayDataset test;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void loadSlice() throws Exception {
        mnistDir = resourceDir();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        train = MnistData.load(mnistDir, true, 0, quiet);
        test = MnistData.load(mnistDir, false, 0, quiet);
    }

    private static Path resourceDir() throws URISyntaxException {
        return Path.of(MnistExamplesTest.class.getResource("/mnist/train-images-idx3-ubyte.gz").toURI()).getParent();
    }

    private String printed() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static BufferedImage png(Path file) throws Exception {
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, file + " is not a readable image");
        return img;
    }

    @Test
    void mnistDataKeepsTheImageShapeInZeroToOne() throws Exception {
        assertEquals(100, train.size());
        assertEquals(50, test.size());
        assertArrayEquals(new int[] {100, 1, 28, 28}, train.data().shape());
        assertEquals(DType.FLOAT32, train.data().dtype());
        assertEquals(1.0, train.data().max().item(), 1e-6);
        assertEquals(0.0, train.data().min().item());
        assertEquals(DType.INT64, train.label().dtype());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(30, MnistData.load(mnistDir, true, 30, quiet).size());
    }

    @Test
    void mnistCnnLearnsOnTheSlice() throws Exception {
        MnistCnn.Result r = MnistCnn.train(train, test, 4, 20, 0.003, 4, 0, dir, out);
        assertEquals(4, r.trainLoss().length);
        assertTrue(r.trainLoss()[3] < r.trainLoss()[0], printed());
        // ten classes: chance is 0.1; 400 updates-worth of images already beat it clearly
        assertTrue(r.trainAccuracy()[3] > 0.3, printed());
        assertTrue(r.finalTestAccuracy() >= 0 && r.finalTestAccuracy() <= 1, printed());
        assertTrue(printed().contains("epoch  4/4 [########################] 5/5"), printed());
        assertEquals(800, png(r.plot()).getWidth());
    }

    @Test
    void ganWritesGridsOfGeneratedDigits() throws Exception {
        Gan.Result r = Gan.train(train, 6, 3, 20, 4, 16, 0.0002, 0, dir, out);
        assertEquals(6, r.iterations());
        assertEquals(2, r.grids().size(), printed());
        assertEquals(dir.resolve("gan-00003.png"), r.grids().get(0));
        BufferedImage grid = png(r.grids().get(1));
        // 5 x 5 digits of 28 x 28, drawn at scale 2 with a 1-pixel (2 px) border
        assertEquals(5 * 29 * 2 + 2, grid.getWidth());
        assertEquals(5 * 29 * 2 + 2, grid.getHeight());
        assertEquals(2, r.generatorLoss().size(), printed()); // 5 full batches per epoch: 2 epochs
        assertTrue(Double.isFinite(r.generatorLoss().get(1)) && Double.isFinite(r.discriminatorLoss().get(1)));
    }

    @Test
    void ganNetworksHaveTheReferenceShapesAndInit() {
        NdRandom.seedGlobal(1);
        Sequential gen = Gan.generator(8, 32);
        Sequential dis = Gan.discriminator(8, 32);
        Gan.initWeights(gen, dis);
        NdArray images;
        NdArray p;
        try (var noGrad = Config.noGrad()) {
            images = gen.apply(NdRandom.global().randn(DType.FLOAT32, 3, Gan.NOISE)).data();
            p = dis.apply(images).data();
        }
        assertArrayEquals(new int[] {3, 1, 28, 28}, images.shape());
        assertTrue(images.min().item() > 0 && images.max().item() < 1);
        assertArrayEquals(new int[] {3, 1}, p.shape());
        // W = 0.02 * randn: the standard deviation of a large weight is close to 0.02
        NdArray w = gen.flattenParams().get("l3/W").data();
        double sd = Math.sqrt(w.square().mean().item());
        assertEquals(0.02, sd, 0.002);
        assertArrayEquals(new int[] {32, 8 * 7 * 7}, w.shape());
    }

    @Test
    void vaeWritesReconstructionsAndALatentMap() throws Exception {
        Vae.Result r = Vae.train(train, test.data().getItem(dezero.ndarray.Index.slice(0, 20)), 4, 20, 4, 2, 0, dir, out);
        assertEquals(4, r.epochLoss().length);
        assertTrue(r.epochLoss()[3] < r.epochLoss()[0] - 10, printed());
        assertEquals(8, r.images().size());
        BufferedImage rec = png(dir.resolve("vae-reconstructions-04.png"));
        assertEquals(10 * 29 * 2 + 2, rec.getWidth());
        assertEquals(4 * 29 * 2 + 2, rec.getHeight()); // 2 rows of originals, each with its reconstructions
        BufferedImage map = png(dir.resolve("vae-samples-04.png"));
        assertEquals(15 * 29 * 2 + 2, map.getWidth());
    }

    @Test
    void vaeWithALargerCodeDrawsRandomSamples() throws Exception {
        Vae.Result r = Vae.train(train, test.data().getItem(dezero.ndarray.Index.slice(0, 10)), 1, 50, 2, 3, 0, dir, out);
        assertEquals(10 * 29 * 2 + 2, png(r.images().get(1)).getWidth());
        assertEquals(10 * 29 * 2 + 2, png(r.images().get(1)).getHeight());
    }

    @Test
    void normalQuantilesAsScipy() {
        // scipy.stats.norm.ppf
        assertEquals(-1.6448536269514729, Vae.normalQuantile(0.05), 1e-6);
        assertEquals(0.0, Vae.normalQuantile(0.5), 1e-7);
        assertEquals(1.959963984540054, Vae.normalQuantile(0.975), 1e-6);
        assertEquals(-Vae.normalQuantile(0.2), Vae.normalQuantile(0.8), 1e-7);
    }

    @Test
    void mainRunsTheExamplesFromADirectory() {
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String data = mnistDir.toString();
        assertEquals(0, Main.run(new String[] {"mnist-cnn", "--data", data, "--epochs", "1", "--batch", "50",
                "--channels", "2", "--out", dir.toString()}, out, err));
        assertTrue(dir.resolve("mnist-cnn.png").toFile().isFile());
        assertEquals(0, Main.run(new String[] {"gan", "--data", data, "--iters", "2", "--every", "2", "--batch", "50",
                "--channels", "2", "--hidden", "8", "--out", dir.toString()}, out, err));
        assertTrue(dir.resolve("gan-00002.png").toFile().isFile());
        assertEquals(0, Main.run(new String[] {"vae", "--data", data, "--epochs", "1", "--batch", "50",
                "--channels", "2", "--out", dir.toString()}, out, err));
        assertTrue(dir.resolve("vae-samples-01.png").toFile().isFile(), printed());
        assertEquals(0, Main.run(new String[] {"gan", "--help"}, out, err));
        assertTrue(printed().contains("--every K"), printed());
        assertEquals(2, Main.run(new String[] {"gan", "--data", data, "--batch", "1000"}, out, err));
    }
}
