package dezero.steps;

import dezero.Variable;
import dezero.datasets.Batch;
import dezero.datasets.DataLoader;
import dezero.datasets.MNIST;
import dezero.functions.F;
import dezero.models.MLP;
import dezero.ndarray.NdRandom;
import dezero.optimizers.Optimizer;
import dezero.optimizers.SGD;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Step 52: speed. The book moves the training of step 51 onto a GPU with CuPy and times each
 * epoch. This project has no GPU backend yet: the arrays stay on the CPU, where the library's
 * kernels use SIMD through the Java Vector API when the JVM has the {@code jdk.incubator.vector}
 * module ({@code java -jar dezero-steps.jar 52} adds it). The losses are step 51's; the times
 * are this machine's. {@code --data DIR} reads MNIST from a directory instead of downloading it.
 */
public final class Step52 {
    private Step52() {
    }

    public static void main(String[] args) throws IOException {
        Path data = args.length == 2 && args[0].equals("--data") ? Path.of(args[1]) : null;
        NdRandom.seedGlobal(0);

        int maxEpoch = 5;
        int batchSize = 100;

        MNIST trainSet = data == null ? new MNIST(true) : MNIST.fromDirectory(data, true);
        DataLoader trainLoader = new DataLoader(trainSet, batchSize);
        MLP model = new MLP(new int[] {1000, 10});
        Optimizer optimizer = new SGD().setup(model);

        // GPU mode: the book calls train_loader.to_gpu() and model.to_gpu() here when CuPy is there

        for (int epoch = 0; epoch < maxEpoch; epoch++) {
            long start = System.nanoTime();
            double sumLoss = 0;

            for (Batch batch : trainLoader) {
                Variable y = model.apply(batch.x());
                Variable loss = F.softmaxCrossEntropy(y, batch.t());
                model.cleargrads();
                loss.backward();
                optimizer.update();
                sumLoss += loss.data().item() * batch.t().shape(0);
            }

            double elapsedTime = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "epoch: %d, loss: %.4f, time: %.4f[sec]%n",
                    epoch + 1, sumLoss / trainSet.size(), elapsedTime);
        }
    }
}
