package dezero.steps;

import dezero.ndarray.NdArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 13: backward with several inputs. A function's {@code backward} returns one gradient per
 * input ({@code Add} passes its output's gradient to both), and {@code Variable.backward} hands
 * each input its gradient and continues from every input that has a creator. z = x^2 + y^2 at
 * (2, 3) gives 13, dz/dx = 4 and dz/dy = 6.
 */
public final class Step13 {
    private Step13() {
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
                NdArray gy = f.output.grad;
                NdArray[] gxs = f.backward(gy);

                for (int i = 0; i < f.inputs.length; i++) {
                    Variable x = f.inputs[i];
                    NdArray gx = gxs[i];
                    x.grad = gx;

                    if (x.creator != null) {
                        funcs.add(x.creator);
                    }
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
        Function f = new Square();
        return f.call(x);
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
        Variable y = new Variable(NdArray.scalar(3.0));

        Variable z = add(square(x), square(y));
        z.backward();
        System.out.println(z.data);
        System.out.println(x.grad);
        System.out.println(y.grad);
    }
}
