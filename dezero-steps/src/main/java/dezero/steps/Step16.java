package dezero.steps;

import dezero.ndarray.NdArray;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Step 16: generations. A variable's generation is its creator's plus one; a function's is the
 * largest of its inputs'. {@code backward} keeps the functions to visit sorted by generation and
 * always takes the highest, and a set makes sure each function is added only once. With
 * a = x^2 and y = a^2 + a^2 at x = 2, y is 32 and dy/dx is 64.
 */
public final class Step16 {
    private Step16() {
    }

    static class Variable {
        NdArray data;
        NdArray grad;
        Function creator;
        int generation;

        Variable(NdArray data) {
            this.data = data;
            this.grad = null;
            this.creator = null;
            this.generation = 0;
        }

        void setCreator(Function func) {
            this.creator = func;
            this.generation = func.generation + 1; // one more than its parent
        }

        void cleargrad() {
            this.grad = null;
        }

        void backward() {
            if (this.grad == null) {
                this.grad = NdArray.onesLike(this.data);
            }

            List<Function> funcs = new ArrayList<>();
            Set<Function> seenSet = new HashSet<>();

            Consumer<Function> addFunc = f -> {
                if (!seenSet.contains(f)) {
                    funcs.add(f);
                    seenSet.add(f);
                    funcs.sort(Comparator.comparingInt(g -> g.generation));
                }
            };

            addFunc.accept(this.creator);

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
                        addFunc.accept(x.creator);
                    }
                }
            }
        }
    }

    abstract static class Function {
        Variable[] inputs;
        Variable output;
        int generation;

        Variable call(Variable... inputs) {
            NdArray[] xs = new NdArray[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                xs[i] = inputs[i].data;
            }
            NdArray y = forward(xs);
            Variable output = new Variable(y);

            this.generation = 0;
            for (Variable x : inputs) {
                this.generation = Math.max(this.generation, x.generation);
            }
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
        Variable x = new Variable(NdArray.scalar(2.0));
        Variable a = square(x);
        Variable y = add(square(a), square(a));
        y.backward();

        System.out.println(y.data);
        System.out.println(x.grad);
    }
}
