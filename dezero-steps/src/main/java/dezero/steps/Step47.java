package dezero.steps;

import dezero.Variable;
import dezero.functions.F;
import dezero.models.MLP;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;

/**
 * Step 47: multi-class classification. A network's scores become probabilities with softmax,
 * exp(y) / sum(exp(y)): first for one sample ({@code softmax1d}, written from {@code F.exp} and
 * {@code F.sum}), then row by row ({@code F.softmaxSimple}). The softmax cross-entropy of the
 * scores and the correct classes (2, 0, 1, 0) is the loss to minimise. {@code F.getItem} (Java's
 * spelling of {@code x[1]}, {@code x[:, 2]}, ...) picks elements along the way and is
 * differentiable too.
 */
public final class Step47 {
    private Step47() {
    }

    static Variable softmax1d(Variable x) {
        Variable y = F.exp(x);
        Variable sumY = F.sum(y);
        return y.div(sumY);
    }

    public static void main(String[] args) {
        NdRandom.seedGlobal(0);

        MLP model = new MLP(new int[] {10, 3});

        Variable x = new Variable(NdArray.array(new double[][] {{0.2, -0.4}}));
        Variable y = model.apply(x);
        Variable p = softmax1d(y);
        System.out.println(y);
        System.out.println(p);

        NdArray xs = NdArray.array(new double[][] {{0.2, -0.4}, {0.3, 0.5}, {1.3, -3.2}, {2.1, 0.3}});
        NdArray t = NdArray.array(new int[] {2, 0, 1, 0});
        y = model.apply(xs);
        p = F.softmaxSimple(y);
        System.out.println(y);
        System.out.println(p);

        Variable loss = F.softmaxCrossEntropySimple(y, t);
        loss.backward();
        System.out.println(loss);
    }
}
