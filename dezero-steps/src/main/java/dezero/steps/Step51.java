package dezero.steps;

import dezero.Config;
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
 * Step 51: MNIST. The same training loop as step 50 learns handwritten digits: 28x28 grey
 * images, flattened to 784 values in [0, 1], ten classes. An MLP with 1,000 sigmoid units and
 * SGD (learning rate 0.01) runs 5 epochs in batches of 100, reporting training and test loss
 * and accuracy. The data are downloaded once to {@code ~/.dezero} (as the reference does), or
 * read from the IDX files of a directory with {@code --data DIR}.
 */
public final class Step51 {
    private Step51() {
    }

    @SuppressWarnings("try") // the noGrad scope is not used inside its block
    public static void main(String[] args) throws IOException {
        Path data = args.length == 2 && args[0].equals("--data") ? Path.of(args[1]) : null;
        NdRandom.seedGlobal(0);

        int maxEpoch = 5;
        int batchSize = 100;
        int hiddenSize = 1000;

        MNIST trainSet = data == null ? new MNIST(true) : MNIST.fromDirectory(data, true);
        MNIST testSet = data == null ? new MNIST(false) : MNIST.fromDirectory(data, false);
        DataLoader trainLoader = new DataLoader(trainSet, batchSize);
        DataLoader testLoader = new DataLoader(testSet, batchSize, false);

        MLP model = new MLP(new int[] {hiddenSize, 10});
        Optimizer optimizer = new SGD().setup(model);
        // MLP model = new MLP(new int[] {hiddenSize, hiddenSize, 10}, F::relu);
        // Optimizer optimizer = new Adam().setup(model);

        for (int epoch = 0; epoch < maxEpoch; epoch++) {
            double sumLoss = 0;
            double sumAcc = 0;

            for (Batch batch : trainLoader) {
                Variable y = model.apply(batch.x());
                Variable loss = F.softmaxCrossEntropy(y, batch.t());
                Variable acc = F.accuracy(y, batch.t());
                model.cleargrads();
                loss.backward();
                optimizer.update();

                sumLoss += loss.data().item() * batch.t().shape(0);
                sumAcc += acc.data().item() * batch.t().shape(0);
            }

            System.out.println("epoch: " + (epoch + 1));
            System.out.printf(Locale.ROOT, "train loss: %.4f, accuracy: %.4f%n",
                    sumLoss / trainSet.size(), sumAcc / trainSet.size());

            sumLoss = 0;
            sumAcc = 0;
            try (Config.Scope noGrad = Config.noGrad()) {
                for (Batch batch : testLoader) {
                    Variable y = model.apply(batch.x());
                    Variable loss = F.softmaxCrossEntropy(y, batch.t());
                    Variable acc = F.accuracy(y, batch.t());
                    sumLoss += loss.data().item() * batch.t().shape(0);
                    sumAcc += acc.data().item() * batch.t().shape(0);
                }
            }

            System.out.printf(Locale.ROOT, "test loss: %.4f, accuracy: %.4f%n",
                    sumLoss / testSet.size(), sumAcc / testSet.size());
        }
    }
}
