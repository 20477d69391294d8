package dezero.steps;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Step 20: operators. With {@code Mul} (the gradient of x0 * x1 is gy * x1 for x0 and gy * x0
 * for x1), y = a * b + c can be computed and differentiated. Python lets the book overload
 * {@code *} and {@code +} ({@code Variable.__mul__ = mul}); Java has no operator overloading,
 * so the operators are methods of {@code Variable}: {@code a.mul(b).add(c)}.
 */
public final class Step20 {
    private Step20() {
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
        String name;
        NdArray grad;
        Function creator;
        int generation;

        Variable(NdArray data) {
            this(data, null);
        }

        Variable(NdArray data, String name) {
            this.data = data;
            this.name = name;
            this.grad = null;
            this.creator = null;
            this.generation = 0;
        }

        int[] shape() {
            return data.shape();
        }

        int ndim() {
            return data.ndim();
        }

        int size() {
            return data.size();
        }

        DType dtype() {
            return data.dtype();
        }

        int len() {
            return data.shape(0);
        }

        @Override
        public String toString() {
            if (data == null) {
                return "variable(None)";
            }
            String p = data.toString().replace("\n", "\n" + " ".repeat(9));
            return "variable(" + p + ")";
        }

        Variable add(Variable other) {
            return Step20.add(this, other);
        }

        Variable mul(Variable other) {
            return Step20.mul(this, other);
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

    static class Mul extends Function {
        @Override
        NdArray forward(NdArray... xs) {
            NdArray y = xs[0].mul(xs[1]);
            return y;
        }

        @Override
        NdArray[] backward(NdArray gy) {
            NdArray x0 = inputs[0].data;
            NdArray x1 = inputs[1].data;
            return new NdArray[] {gy.mul(x1), gy.mul(x0)};
        }
    }

    static Variable mul(Variable x0, Variable x1) {
        return new Mul().call(x0, x1);
    }

    public static void main(String[] args) {
        Variable a = new Variable(NdArray.scalar(3.0));
        Variable b = new Variable(NdArray.scalar(2.0));
        Variable c = new Variable(NdArray.scalar(1.0));

        // Variable y = add(mul(a, b), c);
        Variable y = a.mul(b).add(c);
        y.backward();

        System.out.println(y);
        System.out.println(a.grad);
        System.out.println(b.grad);
    }
}
