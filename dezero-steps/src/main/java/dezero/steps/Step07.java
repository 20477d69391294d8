package dezero.steps;

import dezero.ndarray.NdArray;

/**
 * Step 7: backpropagation runs itself. Each output remembers the function that created it
 * ({@code creator}) and each function its input and output, so the computation leaves behind a
 * linked graph (define-by-run). {@code Variable.backward} follows it: take the creator, give its
 * input the gradient, and recurse into that input.
 */
public final class Step07 {
    private Step07() {
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
            Function f = this.creator; // 1. the function that made this variable
            if (f != null) {
                Variable x = f.input; // 2. its input
                x.grad = f.backward(this.grad); // 3. its backward gives the input's gradient
                x.backward(); // and on, towards the start of the graph
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
            output.setCreator(this); // the output remembers its parent
            this.input = input;
            this.output = output; // and the function its output
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
