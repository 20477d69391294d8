package dezero.examples;

import dezero.Config;
import dezero.Parameter;
import dezero.Variable;
import dezero.datasets.ArrayDataset;
import dezero.datasets.Batch;
import dezero.datasets.DataLoader;
import dezero.examples.ui.Plots;
import dezero.examples.ui.ProgressBar;
import dezero.functions.F;
import dezero.layers.BatchNorm;
import dezero.layers.Conv2d;
import dezero.layers.Deconv2d;
import dezero.layers.Linear;
import dezero.models.Sequential;
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
import java.util.Map;

/**
 * A DCGAN on MNIST, as the reference's {@code examples/gan.py}. The generator maps noise
 * z (N, 62) through Linear - BatchNorm - relu - Linear - BatchNorm - relu to (N, C, 7, 7), then
 * Deconv2d (C/2, 4x4, stride 2) - BatchNorm - relu - Deconv2d (1, 4x4, stride 2) - sigmoid to
 * 28 x 28 images; the discriminator is Conv2d (C/2, 4x4, stride 2) - leaky relu - Conv2d (C, 4x4,
 * stride 2) - BatchNorm - leaky relu - Linear - BatchNorm - leaky relu - Linear (1) - sigmoid.
 * Every W starts as 0.02 * randn; both nets are trained by Adam (beta1 0.5) on binary
 * cross entropy: the discriminator on real (1) and generated (0) images, then the generator to make
 * the discriminator answer 1. Every {@code every} iterations, 25 digits generated from a fixed
 * noise are written as a 5 x 5 grid {@code gan-<iteration>.png}.
 *
 * <p>The reference's settings are {@code --channels 128 --hidden 1024 --batch 128 --lr 0.0002} and
 * five epochs of the full MNIST (hours on a CPU). The defaults are a quarter of its widths, batch 64
 * and a five times larger step (alpha 0.001): with alpha 0.0002 the generator's sigmoid output,
 * which starts at 0.5 everywhere, takes thousands of iterations to darken; with 0.001 it draws
 * recognisable digits after about 600 iterations (a few minutes).
 */
public final class Gan implements Example {
    /** The noise size of the reference. */
    static final int NOISE = 62;

    /** Mean losses of each logged stretch, the grids written, the wall time. */
    public record Result(List<Double> generatorLoss, List<Double> discriminatorLoss, List<Path> grids,
                         int iterations, double seconds) {
    }

    @Override
    public String name() {
        return "gan";
    }

    @Override
    public String summary() {
        return "DCGAN on MNIST (examples/gan.py): writes a 5x5 grid of generated digits every N iterations (gan-*.png)";
    }

    @Override
    public String options() {
        return MnistData.DATA_OPTION + "\n"
                + "--iters N     training iterations (default 800)\n"
                + "--every K     write a grid every K iterations (default 100)\n"
                + "--batch N     batch size (default 64; the reference: 128)\n"
                + "--channels C  channels at 7x7 (default 32; the reference: 128)\n"
                + "--hidden H    width of the hidden Linear layers (default 256; the reference: 1024)\n"
                + "--lr LR       Adam's alpha for both nets (default 0.001; the reference: 0.0002)\n"
                + "--train N     use the first N training images (default all)\n"
                + "--seed S      seed of the weights, the noise and the shuffling (default 0)\n"
                + "--out DIR     where gan-*.png go (default out)";
    }

    @Override
    public void run(Options options, PrintStream out) throws IOException {
        ArrayDataset train = MnistData.load(MnistData.dataDir(options), true, options.getInt("train", 0), out);
        train(train, options.getInt("iters", 800, 1), options.getInt("every", 100, 1), options.getInt("batch", 64, 2),
                options.getInt("channels", 32, 2), options.getInt("hidden", 256, 1), options.getDouble("lr", 0.001),
                options.getLong("seed", 0), Path.of(options.get("out", "out")), out);
    }

    static Sequential generator(int channels, int hidden) {
        return new Sequential(
                new Linear(hidden), new BatchNorm(), F::relu,
                new Linear(channels * 7 * 7), new BatchNorm(), F::relu,
                x -> F.reshape(x, -1, channels, 7, 7),
                new Deconv2d(channels / 2, 4, 2, 1), new BatchNorm(), F::relu,
                new Deconv2d(1, 4, 2, 1), F::sigmoid);
    }

    static Sequential discriminator(int channels, int hidden) {
        return new Sequential(
                new Conv2d(channels / 2, 4, 2, 1), F::leakyRelu,
                new Conv2d(channels, 4, 2, 1), new BatchNorm(), F::leakyRelu,
                F::flatten,
                new Linear(hidden), new BatchNorm(), F::leakyRelu,
                new Linear(1), F::sigmoid);
    }

    /** The reference's init_weight: create the lazy weights with one pass, then W = 0.02 * randn for every layer. */
    static void initWeights(Sequential gen, Sequential dis) {
        try (var noGrad = Config.noGrad(); var test = Config.testMode()) {
            dis.apply(gen.apply(NdRandom.global().rand(DType.FLOAT32, 1, NOISE)));
        }
        for (Sequential net : List.of(gen, dis)) {
            for (Map.Entry<String, Parameter> e : net.flattenParams().entrySet()) {
                if (e.getKey().endsWith("/W")) {
                    Parameter w = e.getValue();
                    w.setData(NdRandom.global().randn(DType.FLOAT32, w.shape()).mul(0.02));
                }
            }
        }
    }

    public static Result train(ArrayDataset trainSet, int iterations, int every, int batchSize, int channels, int hidden,
                               double lr, long seed, Path outDir, PrintStream out) throws IOException {
        NdRandom.seedGlobal(seed);
        long start = System.nanoTime();
        Sequential gen = generator(channels, hidden);
        Sequential dis = discriminator(channels, hidden);
        initWeights(gen, dis);
        Adam optG = new Adam(lr, 0.5, 0.999, 1e-8);
        optG.setup(gen);
        Adam optD = new Adam(lr, 0.5, 0.999, 1e-8);
        optD.setup(dis);
        DataLoader loader = new DataLoader(trainSet, batchSize);
        int perEpoch = trainSet.size() / batchSize; // the last, partial batch is skipped as in the reference
        if (perEpoch == 0) {
            throw new Options.UsageException("gan: the batch (" + batchSize + ") is larger than the training set ("
                    + trainSet.size() + " images)");
        }
        NdArray real = NdArray.ones(DType.FLOAT32, batchSize, 1);
        NdArray fakeLabel = NdArray.zeros(DType.FLOAT32, batchSize, 1);
        NdArray testZ = NdRandom.global().randn(DType.FLOAT32, 25, NOISE);
        out.printf("gan: %d images, batch %d, channels %d, hidden %d, Adam(%s, beta1 0.5), %d iterations (%d per epoch),"
                + " a grid every %d%n", trainSet.size(), batchSize, channels, hidden, lr, iterations, perEpoch, every);

        List<Double> lossesG = new ArrayList<>();
        List<Double> lossesD = new ArrayList<>();
        List<Path> grids = new ArrayList<>();
        int iter = 0;
        int epochs = (iterations + perEpoch - 1) / perEpoch;
        for (int epoch = 0; epoch < epochs && iter < iterations; epoch++) {
            int steps = Math.min(perEpoch, iterations - iter);
            ProgressBar bar = new ProgressBar(out, String.format("epoch %2d/%d", epoch + 1, epochs), steps);
            double sumG = 0;
            double sumD = 0;
            int count = 0;
            for (Batch batch : loader) {
                if (count == steps) {
                    break; // only in the last epoch, when the iterations end inside it
                }
                if (batch.size() != batchSize) {
                    continue;
                }
                // (1) the discriminator: real images towards 1, generated ones (detached) towards 0
                Variable z = new Variable(NdRandom.global().randn(DType.FLOAT32, batchSize, NOISE));
                Variable fake = gen.apply(z);
                Variable yReal = dis.apply(batch.x());
                Variable yFake = dis.apply(fake.data());
                Variable lossD = F.binaryCrossEntropy(yReal, real).add(F.binaryCrossEntropy(yFake, fakeLabel));
                gen.cleargrads();
                dis.cleargrads();
                lossD.backward();
                optD.update();
                // (2) the generator: make the discriminator say 1
                Variable lossG = F.binaryCrossEntropy(dis.apply(fake), real);
                gen.cleargrads();
                dis.cleargrads();
                lossG.backward();
                optG.update();

                sumG += lossG.data().item();
                sumD += lossD.data().item();
                count++;
                iter++;
                bar.step(String.format(Locale.ROOT, "loss_g %.4f  loss_d %.4f", sumG / count, sumD / count));
                if (iter % every == 0 || iter == iterations) {
                    grids.add(writeGrid(gen, testZ, outDir.resolve(String.format("gan-%05d.png", iter))));
                }
            }
            lossesG.add(sumG / count);
            lossesD.add(sumD / count);
            bar.finish(String.format(Locale.ROOT, "loss_g %.4f  loss_d %.4f  (iteration %d)", sumG / count, sumD / count,
                    iter));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%d iterations in %.1f s; grids: %s .. %s%n", iter, seconds,
                grids.get(0).getFileName(), grids.get(grids.size() - 1));
        return new Result(lossesG, lossesD, grids, iter, seconds);
    }

    /** 25 digits from the fixed noise, in test mode (BatchNorm's running averages), as a 5 x 5 PNG grid. */
    static Path writeGrid(Sequential gen, NdArray z, Path file) throws IOException {
        NdArray images;
        try (var noGrad = Config.noGrad(); var test = Config.testMode()) {
            images = gen.apply(z).data();
        }
        return Plots.imageGrid(file, MnistData.rows(images), 28, 28, 5);
    }
}
