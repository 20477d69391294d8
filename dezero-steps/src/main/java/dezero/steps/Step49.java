package dezero.steps;

import dezero.Variable;
import dezero.datasets.Dataset;
import dezero.datasets.Example;
import dezero.datasets.Spiral;
import dezero.functions.F;
import dezero.models.MLP;
import dezero.ndarray.Index;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.optimizers.Optimizer;
import dezero.optimizers.SGD;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Step 49: the Dataset class. The spiral becomes a {@code Dataset}: it knows its size and gives
 * the i-th example (input and label) on request, so a data set too big for memory could load its
 * examples one by one. A batch is made by fetching its examples and stacking their inputs and
 * their labels. The training and the printed losses are those of step 48.
 */
public final class Step49 {
    private Step49() {
    }

    public static void main(String[] args) {
        NdRandom.seedGlobal(0);

        int maxEpoch = 300;
        int batchSize = 30;
        int hiddenSize = 10;
        double lr = 1.0;

        Dataset trainSet = new Spiral(true);
        MLP model = new MLP(new int[] {hiddenSize, 3});
        Optimizer optimizer = new SGD(lr).setup(model);

        int dataSize = trainSet.size();
        int maxIter = (int) Math.ceil((double) dataSize / batchSize);

        for (int epoch = 0; epoch < maxEpoch; epoch++) {
            // shuffle the order of the data
            NdArray index = NdRandom.global().permutation(dataSize);
            double sumLoss = 0;

            for (int i = 0; i < maxIter; i++) {
                // build the mini-batch
                NdArray batchIndex = index.getItem(Index.slice(i * batchSize, (i + 1) * batchSize));
                List<Example> batch = new ArrayList<>();
                for (long j : batchIndex.toLongArray()) {
                    batch.add(trainSet.get((int) j));
                }
                NdArray batchX = NdArray.stack(batch.stream().map(Example::x).toList(), 0);
                NdArray batchT = NdArray.stack(batch.stream().map(Example::t).toList(), 0);

                Variable y = model.apply(batchX);
                Variable loss = F.softmaxCrossEntropy(y, batchT);
                model.cleargrads();
                loss.backward();
                optimizer.update();

                sumLoss += loss.data().item() * batchT.shape(0);
            }

            // the average loss of the epoch
            double avgLoss = sumLoss / dataSize;
            System.out.printf(Locale.ROOT, "epoch %d, loss %.2f%n", epoch + 1, avgLoss);
        }
    }
}
