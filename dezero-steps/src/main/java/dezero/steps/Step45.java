package dezero.steps;

import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.layers.Linear;
import dezero.models.Model;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;

/**
 * Step 45: layers inside layers. A {@code Model} is a layer whose sub-layers are its fields:
 * {@code TwoLayerNet} declares {@code l1} and {@code l2}, and its {@code params()} and
 * {@code cleargrads()} reach theirs. (The book registers attributes in {@code __setattr__}; the
 * library finds the fields by reflection, in declaration order.) Same data and network as steps
 * 43-44.
 */
public final class Step45 {
    private Step45() {
    }

    static class TwoLayerNet extends Model {
        final Linear l1;
        final Linear l2;

        TwoLayerNet(int hiddenSize, int outSize) {
            this.l1 = new Linear(hiddenSize);
            this.l2 = new Linear(outSize);
        }

        @Override
        protected Variable forward(Variable... inputs) {
            Variable y = F.sigmoid(l1.apply(inputs[0]));
            y = l2.apply(y);
            return y;
        }
    }

    public static void main(String[] args) {
        NdRandom.seedGlobal(0);
        NdArray x = NdRandom.global().rand(100, 1);
        NdArray y = x.mul(2 * Math.PI).sin().add(NdRandom.global().rand(100, 1));

        // hyperparameters
        double lr = 0.2;
        int maxIter = 10000;
        int hiddenSize = 10;

        // the model
        TwoLayerNet model = new TwoLayerNet(hiddenSize, 1);

        for (int i = 0; i < maxIter; i++) {
            Variable yPred = model.apply(x);
            Variable loss = F.meanSquaredError(new Variable(y), yPred);

            model.cleargrads();
            loss.backward();

            for (Parameter p : model.params()) {
                p.data().subi(p.grad().data().mul(lr));
            }
            if (i % 1000 == 0) {
                System.out.println(loss);
            }
        }
    }
}
