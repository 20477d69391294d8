package dezero.examples;

import dezero.Config;
import dezero.Variable;
import dezero.functions.F;
import dezero.models.VGG16;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Grad-CAM (Selvaraju et al., 2016) on the pretrained VGG16, as the reference's
 * {@code examples/grad_cam.py}: the picture is classified, the top class's score is backpropagated
 * to the output of the last convolution {@code conv5_3}, each of its 512 channels is weighted by the
 * mean of its gradient, and the weighted channels are averaged, clipped at 0 and scaled to [0, 1].
 * The heat map, resized to the picture and coloured with the jet colour map, is laid over the
 * picture at 40 % ({@code grad-cam.png}).
 *
 * <p>Unlike the reference, which runs its forward pass in training mode (so dropout changes the
 * prediction from run to run), the pass here is in test mode.
 */
public final class GradCam implements Example {

    /** The class picked, its score, the heat map at conv5_3's resolution (rows of [0, 1]), the PNG. */
    public record Result(int predictedClass, double score, double[][] heatmap, Path image) {
    }

    @Override
    public String name() {
        return "grad-cam";
    }

    @Override
    public String summary() {
        return "Grad-CAM on the pretrained VGG16 (examples/grad_cam.py): where the top class is seen (grad-cam.png)";
    }

    @Override
    public String options() {
        return Vgg16Files.WEIGHTS_OPTION + "\n"
                + "--image FILE    the picture (PNG, JPEG, ...), e.g. the reference's " + Vgg16Files.ZEBRA_URL + "\n"
                + "--out DIR       where grad-cam.png goes (default out)";
    }

    @Override
    public void run(Options options, PrintStream out) throws IOException {
        String weights = options.get("weights", null);
        if (weights == null) {
            Vgg16Files.printWhereToGetWeights(name(), "--image zebra.jpg", out);
            out.println("(a sample picture: " + Vgg16Files.ZEBRA_URL + ")");
            return;
        }
        String image = options.get("image", null);
        if (image == null) {
            throw new Options.UsageException("--image FILE is needed with --weights (e.g. " + Vgg16Files.ZEBRA_URL + ")");
        }
        BufferedImage picture = Vgg16Files.readImage(Path.of(image), "--image");
        out.println("loading " + weights + " ...");
        VGG16 model = new VGG16(Path.of(weights));
        compute(model, picture, VGG16.IMAGE_SIZE, Path.of(options.get("out", "out")).resolve("grad-cam.png"), out);
    }

    /**
     * Grad-CAM of {@code picture} through {@code model} at {@code size} x {@code size} input pixels
     * (224 for the pretrained weights; any multiple of 32 works with other weights), written to
     * {@code file} at the picture's own size.
     */
    static Result compute(VGG16 model, BufferedImage picture, int size, Path file, PrintStream out) throws IOException {
        Variable x = new Variable(VGG16.preprocess(picture, size, size).reshape(1, 3, size, size));
        // what the reference reads from model.conv5_3.outputs[0](): conv5_3's output before its ReLU
        Map<String, Variable> layerOutputs = new HashMap<>();
        Variable y;
        try (var test = Config.testMode()) {
            y = model.apply(x, layerOutputs);
        }
        Variable lastConv = layerOutputs.get("conv5_3");
        NdArray scores = y.data();
        int predicted = (int) scores.argmax().item();
        Variable predictedScore = F.getItem(y, Index.at(0), Index.at(predicted));
        predictedScore.backward(true);
        double[][] heat = heatmap(lastConv.data(), lastConv.grad().data());
        BufferedImage overlay = overlay(picture, heat);
        Vgg16Files.writePng(overlay, file);
        out.printf(Locale.ROOT, "predicted ImageNet class %d (score %.4f); heat map %dx%d at conv5_3%n", predicted,
                predictedScore.data().item(), heat.length, heat[0].length);
        out.println("wrote " + file);
        return new Result(predicted, predictedScore.data().item(), heat, file);
    }

    /**
     * The reference's map: channel weights = mean gradient over the batch and the pixels, the mean
     * over channels of weight * activation, clipped at 0, divided by its maximum (all zeros stay zeros).
     *
     * @param activation (1, C, h, w)
     * @param grad       its gradient, the same shape
     */
    static double[][] heatmap(NdArray activation, NdArray grad) {
        int[] s = activation.shape();
        int channels = s[1];
        int h = s[2];
        int w = s[3];
        double[] weights = grad.mean(new int[] {0, 2, 3}, false).toDoubleArray();
        double[] a = activation.toDoubleArray();
        double[][] heat = new double[h][w];
        double max = 0;
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                double sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += a[(c * h + i) * w + j] * weights[c];
                }
                heat[i][j] = Math.max(0, sum / channels);
                max = Math.max(max, heat[i][j]);
            }
        }
        if (max > 0) {
            for (double[] row : heat) {
                for (int j = 0; j < w; j++) {
                    row[j] /= max;
                }
            }
        }
        return heat;
    }

    /** The heat map resized (bilinear) to the picture, jet-coloured, added at 40 % to the picture, clipped to 255. */
    static BufferedImage overlay(BufferedImage picture, double[][] heat) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = bilinear(heat, (y + 0.5) * heat.length / height - 0.5, (x + 0.5) * heat[0].length / width - 0.5);
                int q = (int) (255 * v); // as np.uint8(255 * heatmap)
                double t = q / 255.0;
                int rgb = picture.getRGB(x, y);
                int r = clip(((rgb >> 16) & 0xff) + 0.4 * 255 * jet(t, 3));
                int g = clip(((rgb >> 8) & 0xff) + 0.4 * 255 * jet(t, 2));
                int b = clip((rgb & 0xff) + 0.4 * 255 * jet(t, 1));
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    /** cv2.resize's INTER_LINEAR sampling at (row, col) in map coordinates, clamped at the borders. */
    static double bilinear(double[][] m, double row, double col) {
        int h = m.length;
        int w = m[0].length;
        row = Math.max(0, Math.min(h - 1, row));
        col = Math.max(0, Math.min(w - 1, col));
        int r0 = (int) Math.floor(row);
        int c0 = (int) Math.floor(col);
        int r1 = Math.min(h - 1, r0 + 1);
        int c1 = Math.min(w - 1, c0 + 1);
        double fr = row - r0;
        double fc = col - c0;
        return (1 - fr) * ((1 - fc) * m[r0][c0] + fc * m[r0][c1]) + fr * ((1 - fc) * m[r1][c0] + fc * m[r1][c1]);
    }

    /** The jet colour map: channel 3 (red) peaks at t = 3/4, 2 (green) at 1/2, 1 (blue) at 1/4. */
    static double jet(double t, int peak) {
        return Math.max(0, Math.min(1, 1.5 - Math.abs(4 * t - peak)));
    }

    private static int clip(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
