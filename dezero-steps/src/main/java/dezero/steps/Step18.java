package dezero.steps;

import dezero.ndarray.NdArray;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Step 18: saving memory. Two ideas: {@code backward(retainGrad)} frees the gradients of
 * intermediate variables as soon as they have been used (only the inputs', which the user asked
 * for, stay), and {@code Config.enableBackprop} switches off the recording of the graph when
 * only the forward value is wanted. {@code usingConfig(name, value)} changes a switch for the
 * length of a try-with-resources block, Java's {@code with} statement, and puts the old value
 * back even when the block throws; {@code noGrad()} is its shorthand.
 */
public final class Step18 {
    private Step18() {
    }

    static final class Config {
        static boolean enableBackprop = true;
    }

    /** What try-with-resources closes at the end of its block (Python's context manager). */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    static Scope usingConfig(String name, boolean value) {
        if (!name.equals("enableBackprop")) {
            throw new IllegalArgumentException("Config has no switch named " + name);
        }
        boolean oldValue = Config.enableBackprop;
        Config.enableBackprop = value;
        return () -> Config.enableBackprop = oldValue;
    }

    static Scope noGrad() {
        return usingConfig("enableBackprop", false);
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
            backward(false);
        }

        void backward(boolean retainGrad) {
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

                if (!retainGrad) {
                    f.output.get().grad = null; // output is a weak reference
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

            if (Config.enableBackprop) {
                this.generation = 0;
                for (Variable x : inputs) {
                    this.generation = Math.max(this.generation, x.generation);
                }
                output.setCreator(this);
                this.inputs = inputs;
                this.output = new WeakReference<>(output);
            }

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

    @SuppressWarnings("try") // the scopes' variables are not used inside their blocks
    public static void main(String[] args) {
        Variable x0 = new Variable(NdArray.scalar(1.0));
        Variable x1 = new Variable(NdArray.scalar(1.0));
        Variable t = add(x0, x1);
        Variable y = add(x0, t);
        y.backward();
        System.out.println(y.grad + " " + t.grad); // null null
        System.out.println(x0.grad + " " + x1.grad); // 2.0 1.0

        try (Scope scope = usingConfig("enableBackprop", false)) {
            Variable x = new Variable(NdArray.scalar(2.0));
            y = square(x);
        }

        try (Scope scope = noGrad()) {
            Variable x = new Variable(NdArray.scalar(2.0));
            y = square(x);
        }
    }
}
