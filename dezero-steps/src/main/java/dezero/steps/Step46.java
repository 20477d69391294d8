package dezero.steps;

import dezero.Variable;
import dezero.functions.F;
import dezero.models.MLP;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.optimizers.Optimizer;
import dezero.optimizers.SGD;

/**
 * Step 46: optimizers. The update rule moves into an {@code Optimizer}: {@code SGD(lr)} is set
 * up with the model and {@code update()} changes every parameter. {@code MLP(10, 1)} builds the
 * two-layer network of step 45 from a list of output sizes. Switching to {@code MomentumSGD},
 * {@code AdaGrad} or {@code Adam} changes one line.
 */
public final class Step46 {
    private Step46() {
    }

    public static void main(String[] args) {
        NdRandom.seedGlobal(0);
        NdArray x = NdRandom.global().rand(100, 1);
        NdArray y = x.mul(2 * Math.PI).sin().add(NdRandom.global().rand(100, 1));

        double lr = 0.2;
        int maxIter = 10000;
        int hiddenSize = 10;

        MLP model = new MLP(new int[] {hiddenSize, 1});
        Optimizer optimizer = new SGD(lr).setup(model);

        for (int i = 0; i < maxIter; i++) {
            Variable yPred = model.apply(x);
            Variable loss = F.meanSquaredError(new Variable(y), yPred);

            model.cleargrads();
            loss.backward();

            optimizer.update();
            if (i % 1000 == 0) {
                System.out.println(loss);
            }
        }
    }
}
