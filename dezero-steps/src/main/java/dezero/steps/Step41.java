package dezero.steps;

import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdRandom;
import dezero.ndarray.Shapes;

/**
 * Step 41: the matrix product. For y = x W, the gradients are gy W^T for x and x^T gy for W,
 * each with the shape of its own input: (2, 3) and (3, 4).
 */
public final class Step41 {
    private Step41() {
    }

    public static void main(String[] args) {
        NdRandom.seedGlobal(0); // the reference's recordings start from np.random.seed(0)

        Variable x = new Variable(NdRandom.global().randn(2, 3));
        Variable w = new Variable(NdRandom.global().randn(3, 4));
        Variable y = F.matmul(x, w);
        y.backward();

        System.out.println(Shapes.str(x.grad().shape()));
        System.out.println(Shapes.str(w.grad().shape()));
    }
}
