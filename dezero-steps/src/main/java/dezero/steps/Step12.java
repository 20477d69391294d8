package dezero.steps;

import dezero.ndarray.NdArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 12: easier to call. {@code call} takes its inputs as separate arguments (Java's varargs,
 * Python's {@code *inputs}) and {@code forward} receives the arrays the same way, and a function
 * gives back its output itself rather than a list of one: {@code add(x0, x1)} reads like maths.
 *
 * <p>Python returns either one Variable or a list; a Java method has one return type. Every
 * function of the book has exactly one output, so from this step on a {@code Function} has one
 * {@code output} (as in the finished library) and {@code forward} returns one array.
 */
public final class Step12 {
    private Step12() {
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
                Variable x = f.inputs[0];
                Variable y = f.output;
                x.grad = f.backward(y.grad)[0];

                if (x.creator != null) {
                    funcs.add(x.creator);
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
            throw new UnsupportedOperationException("Add.backward comes in step 13");
        }
    }

    static Variable add(Variable x0, Variable x1) {
        return new Add().call(x0, x1);
    }

    public static void main(String[] args) {
        Variable x0 = new Variable(NdArray.scalar(2L));
        Variable x1 = new Variable(NdArray.scalar(3L));
        Variable y = add(x0, x1);
        System.out.println(y.data);
    }
}
