package dezero.steps;

import dezero.ndarray.NdArray;

/**
 * Step 5: the theory of backpropagation (the book's step 5 has no code; this program prints
 * nothing and holds the framework as step 4 left it).
 *
 * <p>For y = C(B(A(x))) with a = A(x) and b = B(a), the chain rule gives
 * dy/dx = dy/dy * dy/db * db/da * da/dx. Multiplying from the left, starting with dy/dy = 1,
 * passes one gradient backwards through the functions in the reverse order of the forward pass:
 * each function needs only the gradient of its output and the value of its input. That is why
 * step 6 gives each variable a {@code grad} and each function a {@code backward} that remembers
 * its input.
 */
public final class Step05 {
    private Step05() {
    }

    static class Variable {
        NdArray data;

        Variable(NdArray data) {
            this.data = data;
        }
    }

    abstract static class Function {
        Variable input;
        Variable output;

        Variable call(Variable input) {
            NdArray x = input.data;
            NdArray y = forward(x);
            Variable output = new Variable(y);
            this.input = input;
            this.output = output;
            return output;
        }

        abstract NdArray forward(NdArray x);
    }

    static class Square extends Function {
        @Override
        NdArray forward(NdArray x) {
            return x.pow(2);
        }
    }

    static class Exp extends Function {
        @Override
        NdArray forward(NdArray x) {
            return x.exp();
        }
    }

    public static void main(String[] args) {
        // No code in the book's step 5: see the class comment for the idea it explains.
    }
}
