package dezero.examples;

import dezero.Variable;
import dezero.models.VGG16;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * grad-cam and style-transfer: the no-weights path of the command line, and the computation on a
 * randomly initialised VGG16 with 32 x 32 inputs (the pretrained 528 MiB file is never needed).
 */
class Vgg16ExamplesTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBuffer, true, StandardCharsets.UTF_8);

    private String printed() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** A smooth colour picture of width x height. */
    private static BufferedImage picture(int width, int height, int phase) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + phase) % 256;
                int g = (y * 255 / height) % 256;
                int b = ((x + y) * 7 + 3 * phase) % 256;
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    @Test
    void withoutWeightsTheyPointToTheReferenceFileAndExitCleanly() {
        assertEquals(0, Main.run(new String[] {"grad-cam"}, out, err));
        assertTrue(printed().contains(VGG16.WEIGHTS_URL), printed());
        assertTrue(printed().contains("--weights vgg16.npz --image"), printed());
        buffer.reset();
        assertEquals(0, Main.run(new String[] {"style-transfer", "--out", dir.toString()}, out, err));
        assertTrue(printed().contains(VGG16.WEIGHTS_URL), printed());
        assertTrue(printed().contains("--content"), printed());
        assertEquals("", errBuffer.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withWeightsTheyNeedTheirPictures() {
        assertEquals(2, Main.run(new String[] {"grad-cam", "--weights", "vgg16.npz"}, out, err));
        assertTrue(errBuffer.toString(StandardCharsets.UTF_8).contains("--image FILE is needed"));
        assertEquals(2, Main.run(new String[] {"style-transfer", "--weights", "vgg16.npz", "--content", "a.png"}, out, err));
        // a picture that is not there fails (status 1) before the weights are read
        assertEquals(1, Main.run(new String[] {"grad-cam", "--weights", "vgg16.npz", "--image",
                dir.resolve("missing.jpg").toString()}, out, err));
        assertTrue(errBuffer.toString(StandardCharsets.UTF_8).contains("no such file"));
    }

    @Test
    void heatmapWeighsChannelsByTheirMeanGradient() {
        // two channels of 1 x 2 pixels: weights 1 and 0.5
        NdArray activation = NdArray.wrap(new double[] {1, 2, 3, 4}, 1, 2, 1, 2);
        NdArray grad = NdArray.wrap(new double[] {1, 1, 0.5, 0.5}, 1, 2, 1, 2);
        double[][] heat = GradCam.heatmap(activation, grad);
        // (1 + 1.5) / 2 = 1.25 and (2 + 2) / 2 = 2, divided by the maximum
        assertArrayEquals(new double[] {0.625, 1.0}, heat[0], 1e-12);
        double[][] negative = GradCam.heatmap(activation, grad.neg());
        assertArrayEquals(new double[] {0, 0}, negative[0]);
        assertEquals(0.5, GradCam.jet(0, 1));   // cv2's jet: dark blue at 0
        assertEquals(1.0, GradCam.jet(0.75, 3));
        assertEquals(0.0, GradCam.jet(0, 3));
        assertEquals(1.5, GradCam.bilinear(new double[][] {{1, 2}}, 0, 0.5), 1e-12);
    }

    @Test
    void gradCamRunsOnARandomVgg() throws Exception {
        NdRandom.seedGlobal(0);
        VGG16 model = new VGG16();
        Path file = dir.resolve("grad-cam.png");
        GradCam.Result r = GradCam.compute(model, picture(40, 36, 0), 32, file, out);
        assertTrue(r.predictedClass() >= 0 && r.predictedClass() < 1000);
        assertEquals(2, r.heatmap().length, printed());      // conv5_3 of a 32 x 32 input: 2 x 2
        assertEquals(2, r.heatmap()[0].length);
        double max = 0;
        for (double[] row : r.heatmap()) {
            for (double v : row) {
                assertTrue(v >= 0 && v <= 1, printed());
                max = Math.max(max, v);
            }
        }
        assertTrue(max == 0 || Math.abs(max - 1) < 1e-12);
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img);
        assertEquals(40, img.getWidth());
        assertEquals(36, img.getHeight());
    }

    @Test
    void styleLossesByHand() {
        // features (1, 2, 1, 2): rows (1, 2) and (3, 4); Gram = [[5, 11], [11, 25]]
        Variable x = new Variable(NdArray.wrap(new double[] {1, 2, 3, 4}, 1, 2, 1, 2));
        assertArrayEquals(new double[] {5, 11, 11, 25}, StyleTransfer.gram(x).data().toDoubleArray());
        assertArrayEquals(new int[] {1, 2, 2}, StyleTransfer.gram(x).shape());
        Variable zero = new Variable(NdArray.zeros(1, 2, 1, 2));
        // (25 + 121 + 121 + 625) / 1 / (4 * (2 * 1 * 2)^2)
        assertEquals(892.0 / 64, StyleTransfer.styleLoss(x, zero).data().item(), 1e-12);
        assertEquals(30.0 / 2, StyleTransfer.contentLoss(x, zero).data().item(), 1e-12);
        // a 2 x 2 image [[1, 2], [4, 8]]: (1 - 4)^2 + (1 - 2)^2 for its one top-left pixel
        Variable img = new Variable(NdArray.wrap(new double[] {1, 2, 4, 8}, 1, 1, 2, 2));
        assertEquals(10.0, StyleTransfer.totalVariationLoss(img).data().item(), 1e-12);
    }

    @Test
    void styleTransferRunsOnARandomVgg() throws Exception {
        NdRandom.seedGlobal(0);
        VGG16 model = new VGG16();
        StyleTransfer.Result r = StyleTransfer.transfer(model, picture(40, 36, 0), picture(32, 32, 90), 32, 3, 2, 5.0,
                dir, out);
        assertEquals(3, r.losses().length);
        assertTrue(Double.isFinite(r.losses()[0]) && r.losses()[0] > 0, printed());
        assertTrue(r.losses()[2] < r.losses()[0], printed());
        assertEquals(2, r.images().size());
        assertEquals(dir.resolve("style-transfer-0002.png"), r.images().get(0));
        BufferedImage img = ImageIO.read(r.images().get(1).toFile());
        assertEquals(40, img.getWidth());
        assertEquals(36, img.getHeight());
        assertEquals(11, StyleTransfer.extract(model, new Variable(NdArray.zeros(dezero.ndarray.DType.FLOAT32, 1, 3, 32, 32)))
                .size() - 2); // 13 convolutions
    }

    @Test
    void deprocessUndoesThePreprocessing() {
        BufferedImage pic = picture(32, 32, 5);
        NdArray x = VGG16.preprocess(pic, 32, 32).reshape(1, 3, 32, 32);
        BufferedImage back = StyleTransfer.deprocess(x, 32, 32);
        for (int y = 0; y < 32; y += 7) {
            for (int xx = 0; xx < 32; xx += 5) {
                int a = pic.getRGB(xx, y);
                int b = back.getRGB(xx, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    assertEquals((a >> shift) & 0xff, (b >> shift) & 0xff, 1.0, "pixel " + xx + "," + y);
                }
            }
        }
    }
}
