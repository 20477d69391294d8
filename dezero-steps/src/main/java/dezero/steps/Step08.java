package dezero.steps;

import dezero.ndarray.NdArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 8: recursion becomes a loop. {@code backward} keeps a list of the functions still to
 * visit and takes them one by one, so a long chain of functions cannot overflow the call stack,
 * and step 16 can later choose which function goes next.
 */
public final class Step08 {
    private Step08() {
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
            List<Function> funcs = new ArrayList<>(List.of(this.creator));
            while (!funcs.isEmpty()) {
                Function f = funcs.remove(funcs.size() - 1); // 1. take a function
                Variable x = f.input; // 2. its input and output
                Variable y = f.output;
                x.grad = f.backward(y.grad); // 3. its backward

                if (x.creator != null) {
                    funcs.add(x.creator); // the function before it, if any, is next
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

    public static void main(String[] args) {
        Function funcA = new Square();
        Function funcB = new Exp();
        Function funcC = new Square();

        Variable x = new Variable(NdArray.scalar(0.5));
        Variable a = funcA.call(x);
        Variable b = funcB.call(a);
        Variable y = funcC.call(b);

        // backward
        y.grad = NdArray.scalar(1.0);
        y.backward();
        System.out.println(x.grad);
    }
}
