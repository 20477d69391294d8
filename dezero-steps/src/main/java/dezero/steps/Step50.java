package dezero.steps;

import dezero.Config;
import dezero.Variable;
import dezero.datasets.Batch;
import dezero.datasets.DataLoader;
import dezero.datasets.Spiral;
import dezero.functions.F;
import dezero.models.MLP;
import dezero.ndarray.NdRandom;
import dezero.optimizers.Optimizer;
import dezero.optimizers.SGD;

import java.util.Locale;

/**
 * Step 50: the DataLoader. A {@code DataLoader} cuts a data set into shuffled mini-batches, and
 * a for-each loop over it is one epoch. With {@code F.accuracy} and a test set (a second
 * spiral), each epoch reports the loss and accuracy on the training data and, under
 * {@code Config.noGrad()} (no graph is needed to evaluate), on the test data: after 300 epochs
 * the training accuracy is 0.97 and the test accuracy 0.96.
 */
public final class Step50 {
    private Step50() {
    }

    @SuppressWarnings("try") // the noGrad scope is not used inside its block
    public static void main(String[] args) {
        NdRandom.seedGlobal(0);

        int maxEpoch = 300;
        int batchSize = 30;
        int hiddenSize = 10;
        double lr = 1.0;

        Spiral trainSet = new Spiral(true);
        Spiral testSet = new Spiral(false);
        DataLoader trainLoader = new DataLoader(trainSet, batchSize);
        DataLoader testLoader = new DataLoader(testSet, batchSize, false);

        MLP model = new MLP(new int[] {hiddenSize, 3});
        Optimizer optimizer = new SGD(lr).setup(model);

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
