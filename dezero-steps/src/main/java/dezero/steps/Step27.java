package dezero.steps;

import dezero.Function;
import dezero.Variable;
import dezero.ndarray.NdArray;
import dezero.utils.DotGraph;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Step 27: the derivative of sin, two ways. A new function is a subclass of the library's
 * {@code Function}: {@code Sin.forward} computes on arrays, {@code Sin.backward} returns
 * gy * cos(x) as a Variable. Then {@code mySin} approximates sin by its Taylor series, adding
 * terms (-1)^i x^(2i+1) / (2i+1)! until one is smaller than the threshold; backpropagating
 * through all those additions gives almost the same gradient. The graph of the approximation is
 * written as {@code out/my_sin.dot} (and drawn as {@code out/my_sin.png} when Graphviz is
 * installed). {@code --out DIR} writes elsewhere.
 */
public final class Step27 {
    private Step27() {
    }

    static class Sin extends Function {
        @Override
        protected NdArray forward(NdArray... xs) {
            NdArray y = xs[0].sin();
            return y;
        }

        @Override
        protected Variable[] backward(Variable gy) {
            NdArray x = input(0).data();
            Variable gx = gy.mul(x.cos());
            return grads(gx);
        }
    }

    static Variable sin(Variable x) {
        return new Sin().apply(x);
    }

    static Variable mySin(Variable x) {
        return mySin(x, 0.0001);
    }

    static Variable mySin(Variable x, double threshold) {
        Variable y = Variable.of(0.0); // the book's y = 0
        for (int i = 0; i < 100000; i++) {
            double c = Math.pow(-1, i) / factorial(2 * i + 1);
            Variable t = x.pow(2 * i + 1).mul(c);
            y = y.add(t);
            if (Math.abs(t.data().item()) < threshold) {
                break;
            }
        }
        return y;
    }

    /** Python's math.factorial, as a double (exact for the few terms the series needs). */
    static double factorial(int n) {
        double f = 1;
        for (int k = 2; k <= n; k++) {
            f *= k;
        }
        return f;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length == 2 && args[0].equals("--out") ? args[1] : "out");
        Variable x = Variable.of(Math.PI / 4);
        Variable y = sin(x);
        y.backward();
        System.out.println("--- original sin ---");
        System.out.println(y.data());
        System.out.println(x.grad());

        x = Variable.of(Math.PI / 4);
        y = mySin(x); // , threshold=1e-150)
        y.backward();
        System.out.println("--- approximate sin ---");
        System.out.println(y.data());
        System.out.println(x.grad());

        x.setName("x");
        y.setName("y");
        // the DOT text, and the picture when Graphviz's dot is installed (the book needs dot)
        String file = DotGraph.graphvizAvailable() ? "my_sin.png" : "my_sin.dot";
        System.err.println("wrote " + DotGraph.plot(y, false, out.resolve(file)));
    }
}
