package dezero.steps;

import dezero.ndarray.NdArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 9: friendlier functions. {@code square(x)} and {@code exp(x)} create and call the
 * Function in one go, and {@code backward()} seeds the output's gradient with ones itself.
 *
 * <p>The book also makes {@code Variable} refuse anything but an ndarray, with a runtime
 * {@code TypeError}; here the constructor's parameter type does that at compile time (see the end
 * of {@code main}). The book's {@code as_array} turns NumPy scalars, which NumPy returns for
 * operations on 0-d arrays, back into arrays; operations on an {@code NdArray} always return an
 * {@code NdArray}, so there is nothing to convert.
 */
public final class Step09 {
    private Step09() {
    }

    static class Variable {
        NdArray data;
        NdArray grad;
        Function creator;

        Variable(NdArray data) {
            this.data = data;
            this.grad = null;
            this.creator = null;
        }

        void setCreator(Function func) {
            this.creator = func;
        }

        void backward() {
            if (this.grad == null) {
                this.grad = NdArray.onesLike(this.data);
            }

            List<Function> funcs = new ArrayList<>(List.of(this.creator));
            while (!funcs.isEmpty()) {
                Function f = funcs.remove(funcs.size() - 1);
                Variable x = f.input;
                Variable y = f.output;
                x.grad = f.backward(y.grad);

                if (x.creator != null) {
                    funcs.add(x.creator);
                }
            }
        }
    }

    abstract static class Function {
        Variable input;
        Variable output;

        Variable call(Variable input) {
            NdArray x = input.data;
            NdArray y = forward(x);
            Variable output = new Variable(y);
            output.setCreator(this);
            this.input = input;
            this.output = output;
            return output;
        }

        abstract NdArray forward(NdArray x);

        abstract NdArray backward(NdArray gy);
    }

    static class Square extends Function {
        @Override
        NdArray forward(NdArray x) {
            NdArray y = x.pow(2);
            return y;
        }

        @Override
        NdArray backward(NdArray gy) {
            NdArray x = input.data;
            NdArray gx = x.mul(2.0).mul(gy);
            return gx;
        }
    }

    static class Exp extends Function {
        @Override
        NdArray forward(NdArray x) {
            NdArray y = x.exp();
            return y;
        }

        @Override
        NdArray backward(NdArray gy) {
            NdArray x = input.data;
            NdArray gx = x.exp().mul(gy);
            return gx;
        }
    }

    static Variable square(Variable x) {
        return new Square().call(x);
    }

    static Variable exp(Variable x) {
        return new Exp().call(x);
    }

    public static void main(String[] args) {
        Variable x = new Variable(NdArray.scalar(0.5));
        Variable y = square(exp(square(x)));
        y.backward();
        System.out.println(x.grad);

        x = new Variable(NdArray.scalar(1.0)); // OK
        x = new Variable(null); // OK
        // x = new Variable(1.0);             // NG: does not compile (a double is not an NdArray).
        // The book's program ends here with a TypeError; this one ends normally.
    }
}
