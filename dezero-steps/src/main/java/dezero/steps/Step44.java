package dezero.steps;

import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.layers.Layer;
import dezero.layers.Linear;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;

import java.util.List;

/**
 * Step 44: layers that own their parameters. {@code Parameter} is a Variable that a layer
 * owns; {@code Linear} creates its weight W and bias b (W's input size is taken from the first
 * input it sees) and {@code params()} lists them, so the training loop no longer names each
 * parameter. The network and data are those of step 43.
 *
 * <p>The library's {@code Linear} keeps its weights in float32; the reference's become float64
 * under NumPy 2, so the losses agree with the book's to about six digits.
 */
public final class Step44 {
    private Step44() {
    }

    // the layers (set in main)
    static Linear l1;
    static Linear l2;

    static Variable predict(Variable x) {
        Variable y = l1.apply(x);
        y = F.sigmoid(y);
        y = l2.apply(y);
        return y;
    }

    public static void main(String[] args) {
        NdRandom.seedGlobal(0);
        NdArray x = NdRandom.global().rand(100, 1);
        NdArray y = x.mul(2 * Math.PI).sin().add(NdRandom.global().rand(100, 1));

        l1 = new Linear(10);
        l2 = new Linear(1);

        double lr = 0.2;
        int iters = 10000;

        for (int i = 0; i < iters; i++) {
            Variable yPred = predict(new Variable(x));
            Variable loss = F.meanSquaredError(new Variable(y), yPred);

            l1.cleargrads();
            l2.cleargrads();
            loss.backward();

            for (Layer l : List.of(l1, l2)) {
                for (Parameter p : l.params()) {
                    p.data().subi(p.grad().data().mul(lr));
                }
            }
            if (i % 1000 == 0) {
                System.out.println(loss);
            }
        }
    }
}
