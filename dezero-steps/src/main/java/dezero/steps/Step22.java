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
 * Step 22: the remaining operators. {@code Neg} (-x), {@code Sub} (x0 - x1), {@code Div}
 * (x0 / x1) and {@code Pow} (x^c for a constant c), each with its derivative, and the methods
 * that stand for Python's operators: {@code neg()}, {@code sub}, {@code rsub} (2.0 - x),
 * {@code div}, {@code rdiv} (3.0 / x) and {@code pow}. This completes the small framework that the
 * book then moves into the {@code dezero} package (step 23); from there on the step programs use
 * the finished library.
 */
public final class Step22 {
    private Step22() {
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
            return Step22.add(this, other);
        }

        Variable add(NdArray other) {
            return Step22.add(this, other);
        }

        Variable add(double other) {
            return Step22.add(this, other);
        }

        Variable radd(double other) {
            return Step22.add(this, other);
        }

        Variable mul(Variable other) {
            return Step22.mul(this, other);
        }

        Variable mul(NdArray other) {
            return Step22.mul(this, other);
        }

        Variable mul(double other) {
            return Step22.mul(this, other);
        }

        Variable rmul(double other) {
            return Step22.mul(this, other);
        }

        Variable neg() {
            return Step22.neg(this);
        }

        Variable sub(Variable other) {
            return Step22.sub(this, other);
        }

        Variable sub(double other) {
            return Step22.sub(this, other);
        }

        Variable rsub(double other) {
            return Step22.rsub(this, other);
        }

        Variable div(Variable other) {
            return Step22.div(this, other);
        }

        Variable div(double other) {
            return Step22.div(this, other);
        }

        Variable rdiv(double other) {
            return Step22.rdiv(this, other);
        }

        Variable pow(double c) {
            return Step22.pow(this, c);
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

    /** An array becomes a Variable (a Variable needs no conversion: the overloads tell them apart). */
    static Variable asVariable(NdArray obj) {
        return new Variable(obj);
    }

    /** A Java number becomes a 0-d float64 array. */
    static NdArray asArray(double x) {
        return NdArray.scalar(x);
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

    static Variable add(Variable x0, NdArray x1) {
        return add(x0, asVariable(x1));
    }

    static Variable add(Variable x0, double x1) {
        return add(x0, asArray(x1));
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

    static Variable mul(Variable x0, NdArray x1) {
        return mul(x0, asVariable(x1));
    }

    static Variable mul(Variable x0, double x1) {
        return mul(x0, asArray(x1));
    }

    static class Neg extends Function {
        @Override
        NdArray forward(NdArray... xs) {
            return xs[0].neg();
        }

        @Override
        NdArray[] backward(NdArray gy) {
            return new NdArray[] {gy.neg()};
        }
    }

    static Variable neg(Variable x) {
        return new Neg().call(x);
    }

    static class Sub extends Function {
        @Override
        NdArray forward(NdArray... xs) {
            NdArray y = xs[0].sub(xs[1]);
            return y;
        }

        @Override
        NdArray[] backward(NdArray gy) {
            return new NdArray[] {gy, gy.neg()};
        }
    }

    static Variable sub(Variable x0, Variable x1) {
        return new Sub().call(x0, x1);
    }

    static Variable sub(Variable x0, double x1) {
        return sub(x0, asVariable(asArray(x1)));
    }

    static Variable rsub(Variable x0, double x1) {
        return sub(asVariable(asArray(x1)), x0);
    }

    static class Div extends Function {
        @Override
        NdArray forward(NdArray... xs) {
            NdArray y = xs[0].div(xs[1]);
            return y;
        }

        @Override
        NdArray[] backward(NdArray gy) {
            NdArray x0 = inputs[0].data;
            NdArray x1 = inputs[1].data;
            NdArray gx0 = gy.div(x1);
            NdArray gx1 = gy.mul(x0.neg().div(x1.pow(2)));
            return new NdArray[] {gx0, gx1};
        }
    }

    static Variable div(Variable x0, Variable x1) {
        return new Div().call(x0, x1);
    }

    static Variable div(Variable x0, double x1) {
        return div(x0, asVariable(asArray(x1)));
    }

    static Variable rdiv(Variable x0, double x1) {
        return div(asVariable(asArray(x1)), x0);
    }

    static class Pow extends Function {
        final double c;

        Pow(double c) {
            this.c = c;
        }

        @Override
        NdArray forward(NdArray... xs) {
            NdArray y = xs[0].pow(c);
            return y;
        }

        @Override
        NdArray[] backward(NdArray gy) {
            NdArray x = inputs[0].data;
            NdArray gx = x.pow(c - 1).mul(c).mul(gy);
            return new NdArray[] {gx};
        }
    }

    static Variable pow(Variable x, double c) {
        return new Pow(c).call(x);
    }

    public static void main(String[] args) {
        Variable x = new Variable(NdArray.scalar(2.0));
        Variable y = x.neg();
        System.out.println(y); // variable(-2.0)

        Variable y1 = x.rsub(2.0); // 2.0 - x
        Variable y2 = x.sub(1.0);
        System.out.println(y1); // variable(0.0)
        System.out.println(y2); // variable(1.0)

        y = x.rdiv(3.0); // 3.0 / x
        System.out.println(y); // variable(1.5)

        y = x.pow(3);
        y.backward();
        System.out.println(y); // variable(8.0)
    }
}
