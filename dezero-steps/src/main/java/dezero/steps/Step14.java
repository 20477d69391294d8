package dezero.steps;

import dezero.ndarray.NdArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 14: using the same variable twice. In y = x + x both inputs of {@code Add} are x, and
 * step 13's backward gave x the gradient 1 twice, the second overwriting the first. Gradients
 * must add up: the first one is stored, later ones are added (into a new array, not in place,
 * so that no other variable's gradient array changes with it), and dy/dx = 2. Because they add
 * up, a variable reused for another computation must be reset first: {@code cleargrad()}.
 */
public final class Step14 {
    private Step14() {
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
        Variable x = new Variable(NdArray.scalar(3.0));
        Variable y = add(x, x);
        y.backward();
        System.out.println(x.grad);

        x = new Variable(NdArray.scalar(3.0)); // or x.cleargrad()
        y = add(add(x, x), x);
        y.backward();
        System.out.println(x.grad);
    }
}
