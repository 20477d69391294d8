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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Step 53: saving and loading the parameters. {@code saveWeights} writes every parameter of the
 * model to one NumPy {@code .npz} file, named by its path in the model ({@code l0/W},
 * {@code l0/b}, ...); {@code loadWeights} puts them back. The program trains the MNIST MLP for 3
 * epochs and saves it to {@code out/my_mlp.npz}; run it again and it starts from the saved
 * weights, so the losses continue to fall. Python DeZero reads the file, and this program reads
 * Python's. {@code --data DIR} reads MNIST from a directory, {@code --out DIR} keeps the file
 * elsewhere.
 */
public final class Step53 {
    private Step53() {
    }

    public static void main(String[] args) throws IOException {
        Path data = null;
        Path out = Path.of("out");
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--data")) {
                data = Path.of(args[i + 1]);
            } else if (args[i].equals("--out")) {
                out = Path.of(args[i + 1]);
            }
        }
        NdRandom.seedGlobal(0);

        int maxEpoch = 3;
        int batchSize = 100;

        MNIST trainSet = data == null ? new MNIST(true) : MNIST.fromDirectory(data, true);
        DataLoader trainLoader = new DataLoader(trainSet, batchSize);
        MLP model = new MLP(new int[] {1000, 10});
        Optimizer optimizer = new SGD().setup(model);

        Path weights = out.resolve("my_mlp.npz");
        if (Files.exists(weights)) {
            model.loadWeights(weights);
        }

        for (int epoch = 0; epoch < maxEpoch; epoch++) {
            double sumLoss = 0;

            for (Batch batch : trainLoader) {
                Variable y = model.apply(batch.x());
                Variable loss = F.softmaxCrossEntropy(y, batch.t());
                model.cleargrads();
                loss.backward();
                optimizer.update();
                sumLoss += loss.data().item() * batch.t().shape(0);
            }

            System.out.printf(Locale.ROOT, "epoch: %d, loss: %.4f%n", epoch + 1, sumLoss / trainSet.size());
        }

        Files.createDirectories(out);
        model.saveWeights(weights);
    }
}
