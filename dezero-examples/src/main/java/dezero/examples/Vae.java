package dezero.examples;

import dezero.Config;
import dezero.Variable;
import dezero.datasets.ArrayDataset;
import dezero.datasets.Batch;
import dezero.datasets.DataLoader;
import dezero.examples.ui.Plots;
import dezero.examples.ui.ProgressBar;
import dezero.functions.F;
import dezero.layers.Conv2d;
import dezero.layers.Deconv2d;
import dezero.layers.Linear;
import dezero.models.Model;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.optimizers.Adam;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A convolutional variational autoencoder on MNIST, as the reference's {@code examples/vae.py}.
 * The encoder (Conv2d 3x3: C/2, then C with stride 2 to 14 x 14, C, C; Linear 32) gives the mean
 * and log variance of a Gaussian over a small latent space; the decoder (Linear to C x 14 x 14,
 * Deconv2d 4x4 stride 2 to C/2 x 28 x 28, Conv2d 3x3 to 1 channel, sigmoid) maps a sample back to
 * an image. The loss is the negative ELBO: binary cross entropy of the reconstruction plus the KL
 * divergence of the code from N(0, 1), both summed per image and averaged over the batch.
 *
 * <p>After each epoch it writes {@code vae-reconstructions-<epoch>.png} (rows of test digits, each
 * followed by a row of their reconstructions) and {@code vae-samples-<epoch>.png}: with a 2-D code,
 * the reference's 15 x 15 map of the latent plane at the normal quantiles 0.05 .. 0.95; otherwise 100
 * decodings of random codes.
 *
 * <p>One deliberate difference: the reference samples {@code z = mean + exp(log_var) * eps}, which
 * scales the noise by the variance instead of the standard deviation; here
 * {@code z = mean + exp(log_var / 2) * eps}, the reparameterisation the KL term assumes.
 * The reference's width is {@code --channels 64}; the default is half of it. With
 * {@code --data ../shared/data/mnist-10k} the defaults (5 epochs of 8,000 images, batch 16, 3 to
 * 5 minutes on 2 busy cores) end at a loss of 170 nats per image and a latent map of clear 0, 1, 2,
 * 7 and 9 with 3, 5, 6 and 8 between them; 10 epochs reach 160 and draw every digit but 4 clearly.
 */
public final class Vae implements Example {

    /** Mean loss per epoch, the PNGs written (reconstructions and samples of each epoch), the wall time. */
    public record Result(double[] epochLoss, List<Path> images, double seconds) {
    }

    static final class Encoder extends Model {
        private final Conv2d conv1;
        private final Conv2d conv2;
        private final Conv2d conv3;
        private final Conv2d conv4;
        private final Linear linear1;
        private final Linear linear2;
        private final Linear linear3;

        Encoder(int channels, int latentSize) {
            conv1 = new Conv2d(channels / 2, 3, 1, 1);
            conv2 = new Conv2d(channels, 3, 2, 1);
            conv3 = new Conv2d(channels, 3, 1, 1);
            conv4 = new Conv2d(channels, 3, 1, 1);
            linear1 = new Linear(32);
            linear2 = new Linear(latentSize);
            linear3 = new Linear(latentSize);
        }

        /** The code of x without sampling: the mean; {@link #encode} gives the log variance too. */
        @Override
        protected Variable forward(Variable... inputs) {
            return encode(inputs[0])[0];
        }

        /** {mean, log variance}, each (N, latent). */
        Variable[] encode(Variable x) {
            x = F.relu(conv1.apply(x));
            x = F.relu(conv2.apply(x));
            x = F.relu(conv3.apply(x));
            x = F.relu(conv4.apply(x));
            x = F.relu(linear1.apply(F.flatten(x)));
            return new Variable[] {linear2.apply(x), linear3.apply(x)};
        }
    }

    static final class Decoder extends Model {
        private final int channels;
        private final Linear linear;
        private final Deconv2d deconv;
        private final Conv2d conv;

        Decoder(int channels) {
            this.channels = channels;
            linear = new Linear(channels * 14 * 14);
            deconv = new Deconv2d(channels / 2, 4, 2, 1);
            conv = new Conv2d(1, 3, 1, 1);
        }

        @Override
        protected Variable forward(Variable... inputs) {
            Variable x = F.relu(linear.apply(inputs[0]));
            x = F.reshape(x, -1, channels, 14, 14);
            x = F.relu(deconv.apply(x));
            return F.sigmoid(conv.apply(x));
        }
    }

    static final class VaeModel extends Model {
        private final Encoder encoder;
        private final Decoder decoder;
        private final int latentSize;

        VaeModel(int channels, int latentSize) {
            encoder = new Encoder(channels, latentSize);
            decoder = new Decoder(channels);
            this.latentSize = latentSize;
        }

        /** The negative ELBO of the batch x (N, 1, 28, 28). */
        @Override
        protected Variable forward(Variable... inputs) {
            Variable x = inputs[0];
            Variable[] code = encoder.encode(x);
            Variable mean = code[0];
            Variable logVar = code[1];
            Variable eps = new Variable(NdRandom.global().randn(DType.FLOAT32, x.len(), latentSize));
            Variable z = mean.add(F.exp(logVar.mul(0.5)).mul(eps));
            Variable y = decoder.apply(z);
            Variable reconstruction = F.binaryCrossEntropy(F.flatten(y), F.flatten(x));
            Variable kl = F.sum(mean.pow(2).add(F.exp(logVar)).sub(logVar).sub(1.0)).mul(0.5).div(x.len());
            return reconstruction.add(kl);
        }

        /** Reconstructions of x through the mean code (no sampling). */
        NdArray reconstruct(NdArray x) {
            try (var noGrad = Config.noGrad()) {
                return decoder.apply(encoder.apply(x)).data();
            }
        }

        NdArray decode(NdArray z) {
            try (var noGrad = Config.noGrad()) {
                return decoder.apply(new Variable(z)).data();
            }
        }
    }

    @Override
    public String name() {
        return "vae";
    }

    @Override
    public String summary() {
        return "convolutional VAE on MNIST (examples/vae.py): writes reconstructions and samples per epoch (vae-*.png)";
    }

    @Override
    public String options() {
        return MnistData.DATA_OPTION + "\n"
                + "--epochs N    training epochs (default 5; the reference: 10 of the full MNIST)\n"
                + "--batch N     batch size (default 16, as the reference)\n"
                + "--channels C  encoder/decoder width (default 32; the reference: 64)\n"
                + "--latent N    size of the code (default 2, as the reference: a 2-D map of samples)\n"
                + "--train N     use the first N training images (default all)\n"
                + "--seed S      seed of the weights, the sampling and the shuffling (default 0)\n"
                + "--out DIR     where vae-*.png go (default out)";
    }

    @Override
    public void run(Options options, PrintStream out) throws IOException {
        Path data = MnistData.dataDir(options);
        ArrayDataset train = MnistData.load(data, true, options.getInt("train", 0), out);
        ArrayDataset test = MnistData.load(data, false, 40, out);
        train(train, test.data(), options.getInt("epochs", 5, 1), options.getInt("batch", 16, 1),
                options.getInt("channels", 32, 2), options.getInt("latent", 2, 1), options.getLong("seed", 0),
                Path.of(options.get("out", "out")), out);
    }

    /**
     * @param shown the images whose reconstructions are drawn, (n, 1, 28, 28); n a multiple of 10 reads best
     */
    public static Result train(ArrayDataset trainSet, NdArray shown, int epochs, int batchSize, int channels,
                               int latentSize, long seed, Path outDir, PrintStream out) throws IOException {
        NdRandom.seedGlobal(seed);
        long start = System.nanoTime();
        VaeModel vae = new VaeModel(channels, latentSize);
        Adam optimizer = new Adam();
        optimizer.setup(vae);
        DataLoader loader = new DataLoader(trainSet, batchSize);
        out.printf("vae: %d images, batch %d, channels %d, latent %d, %d epochs%n", trainSet.size(), batchSize,
                channels, latentSize, epochs);
        double[] epochLoss = new double[epochs];
        List<Path> images = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            ProgressBar bar = new ProgressBar(out, String.format("epoch %2d/%d", epoch + 1, epochs), loader.maxIter());
            double sum = 0;
            int count = 0;
            for (Batch batch : loader) {
                Variable loss = vae.apply(batch.x());
                vae.cleargrads();
                loss.backward();
                optimizer.update();
                sum += loss.data().item();
                count++;
                bar.step(String.format(Locale.ROOT, "loss %.2f", sum / count));
            }
            epochLoss[epoch] = sum / count;
            bar.finish(String.format(Locale.ROOT, "loss %.2f", epochLoss[epoch]));
            String tag = String.format("%02d", epoch + 1);
            images.add(writeReconstructions(vae, shown, outDir.resolve("vae-reconstructions-" + tag + ".png")));
            images.add(writeSamples(vae, latentSize, outDir.resolve("vae-samples-" + tag + ".png")));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%d epochs in %.1f s; wrote %s and %s%n", epochs, seconds,
                images.get(images.size() - 2), images.get(images.size() - 1));
        return new Result(epochLoss, images, seconds);
    }

    /** Rows of 10 originals, each followed by the row of their reconstructions. */
    static Path writeReconstructions(VaeModel vae, NdArray shown, Path file) throws IOException {
        double[][] originals = MnistData.rows(shown);
        double[][] decoded = MnistData.rows(vae.reconstruct(shown));
        int columns = Math.min(10, originals.length);
        List<double[]> cells = new ArrayList<>();
        for (int row = 0; row * columns < originals.length; row++) {
            int from = row * columns;
            int to = Math.min(from + columns, originals.length);
            for (int i = from; i < from + columns; i++) {
                cells.add(i < to ? originals[i] : new double[784]);
            }
            for (int i = from; i < from + columns; i++) {
                cells.add(i < to ? decoded[i] : new double[784]);
            }
        }
        return Plots.imageGrid(file, cells.toArray(new double[0][]), 28, 28, columns);
    }

    /** The reference's 15 x 15 latent map for a 2-D code, else 100 decodings of random codes. */
    static Path writeSamples(VaeModel vae, int latentSize, Path file) throws IOException {
        NdArray z;
        int columns;
        if (latentSize == 2) {
            int n = 15;
            double[] grid = new double[n * n * 2];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    grid[(i * n + j) * 2] = normalQuantile(0.05 + 0.9 * j / (n - 1));
                    grid[(i * n + j) * 2 + 1] = normalQuantile(0.05 + 0.9 * i / (n - 1));
                }
            }
            z = NdArray.wrap(grid, n * n, 2).astype(DType.FLOAT32);
            columns = n;
        } else {
            z = NdRandom.global().randn(DType.FLOAT32, 100, latentSize);
            columns = 10;
        }
        return Plots.imageGrid(file, MnistData.rows(vae.decode(z)), 28, 28, columns);
    }

    /**
     * The standard normal quantile (SciPy's {@code norm.ppf}) by bisection on {@link #normalCdf}:
     * as accurate as that CDF (about 1e-7), plenty for placing the latent map's grid points.
     */
    static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("normal quantile: p must be in (0, 1), got " + p);
        }
        double lo = -10;
        double hi = 10;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (normalCdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** Phi(x) = erfc(-x / sqrt 2) / 2, erfc from the Numerical Recipes Chebyshev fit (relative error < 1.2e-7). */
    static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * z);
        double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - erfc / 2 : erfc / 2;
    }
}
