package dezero.steps;

import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Step 17: memory. A function refers to its output and the output to its creator: a reference
 * cycle. CPython frees objects by reference counting, which alone never frees a cycle, so the
 * book makes the function's reference to its output weak. The JVM's garbage collector traces
 * what is reachable and frees cycles as well, so in Java the weak reference is about ownership
 * rather than necessity: a function does not keep its output alive (the finished library does
 * the same). The program prints nothing: it builds a big computation ten times, and each
 * round's graph becomes garbage when x and y move on to the next one.
 */
public final class Step17 {
    private Step17() {
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
                NdArray gy = f.output.get().grad; // output is a weak reference
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
        WeakReference<Variable> output;
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
            this.output = new WeakReference<>(output);
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
        NdRandom.seedGlobal(0); // the reference's recordings start from np.random.seed(0)

        for (int i = 0; i < 10; i++) {
            Variable x = new Variable(NdRandom.global().randn(10000)); // big data
            Variable y = square(square(square(x)));
        }
    }
}
