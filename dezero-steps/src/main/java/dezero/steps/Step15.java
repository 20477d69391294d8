package dezero.steps;

import dezero.ndarray.NdArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 15: complicated graphs (the book's step 15 has no code; this program prints nothing and
 * holds the framework of step 14, with {@code square} back for step 16).
 *
 * <p>With a = x^2 and y = a^2 + a^2, the variable a feeds two functions. Step 14's backward
 * takes the last function added to its list, which can be a's creator before the second of a's
 * gradients has arrived: the gradient then flows on incomplete. The fix: every function and
 * variable gets a generation, its distance from the inputs, and backward always continues with
 * the function of the highest generation, so a function runs only after everything that uses
 * its output. Step 16 implements it.
 */
public final class Step15 {
    private Step15() {
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

        void cleargrad() {
            this.grad = null;
        }

        void backward() {
            if (this.grad == null) {
                this.grad = NdArray.onesLike(this.data);
            }

            List<Function> funcs = new ArrayList<>(List.of(this.creator));
            while (!funcs.isEmpty()) {
                Function f = funcs.remove(funcs.size() - 1);
                NdArray gy = f.output.grad;
                NdArray[] gxs = f.backward(gy);

                for (int i = 0; i < f.inputs.length; i++) {
                    Variable x = f.inputs[i];
                    NdArray gx = gxs[i];
                    if (x.grad == null) {
                        x.grad = gx;
                    } else {
                        x.grad = x.grad.add(gx);
                    }

                    if (x.creator != null) {
                        funcs.add(x.creator);
                    }
                }
            }
        }
    }

    abstract static class Function {
        Variable[] inputs;
        Variable output;

        Variable call(Variable... inputs) {
            NdArray[] xs = new NdArray[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                xs[i] = inputs[i].data;
            }
            NdArray y = forward(xs);
            Variable output = new Variable(y);

            output.setCreator(this);
            this.inputs = inputs;
            this.output = output;
            return output;
        }

        abstract NdArray forward(NdArray... xs);

        abstract NdArray[] backward(NdArray gy);
    }

    static class Square extends Function {
        @Override
        NdArray forward(NdArray... xs) {
            NdArray y = xs[0].pow(2);
            return y;
        }

        @Override
        NdArray[] backward(NdArray gy) {
            NdArray x = inputs[0].data;
            NdArray gx = x.mul(2.0).mul(gy);
            return new NdArray[] {gx};
        }
    }

    static Variable square(Variable x) {
        return new Square().call(x);
    }

    static class Add extends Function {
        @Override
        NdArray forward(NdArray... xs) {
            NdArray y = xs[0].add(xs[1]);
            return y;
        }

        @Override
        NdArray[] backward(NdArray gy) {
            return new NdArray[] {gy, gy};
        }
    }

    static Variable add(Variable x0, Variable x1) {
        return new Add().call(x0, x1);
    }

    public static void main(String[] args) {
        // No code in the book's step 15: see the class comment for the idea it explains.
    }
}
