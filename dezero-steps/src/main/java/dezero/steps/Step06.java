package dezero.steps;

import dezero.ndarray.NdArray;

/**
 * Step 6: backpropagation by hand. A variable gets a {@code grad}; a function remembers its
 * input and gets a {@code backward} that turns the gradient of its output into the gradient of
 * its input (the chain rule of step 5). Calling the three backwards in reverse order gives
 * dy/dx for y = (e^(x^2))^2 at x = 0.5.
 */
public final class Step06 {
    private Step06() {
    }

    static class Variable {
        NdArray data;
        NdArray grad;

        Variable(NdArray data) {
            this.data = data;
            this.grad = null;
        }
    }

    abstract static class Function {
        Variable input;

        Variable call(Variable input) {
            NdArray x = input.data;
            NdArray y = forward(x);
            Variable output = new Variable(y);
            this.input = input;
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

        y.grad = NdArray.scalar(1.0);
        b.grad = funcC.backward(y.grad);
        a.grad = funcB.backward(b.grad);
        x.grad = funcA.backward(a.grad);
        System.out.println(x.grad);
    }
}
