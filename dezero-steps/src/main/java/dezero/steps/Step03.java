package dezero.steps;

import dezero.ndarray.NdArray;

/**
 * Step 3: functions chain. {@code Exp} joins {@code Square}, and y = (e^(x^2))^2 is three
 * functions applied one after the other, each output the next one's input. (The book calls the
 * three functions {@code A}, {@code B}, {@code C}; Java keeps capitals for classes, so they are
 * {@code funcA}, {@code funcB}, {@code funcC} here.)
 */
public final class Step03 {
    private Step03() {
    }

    static class Variable {
        NdArray data;

        Variable(NdArray data) {
            this.data = data;
        }
    }

    abstract static class Function {
        Variable call(Variable input) {
            NdArray x = input.data;
            NdArray y = forward(x);
            Variable output = new Variable(y);
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
        Function funcA = new Square();
        Function funcB = new Exp();
        Function funcC = new Square();

        Variable x = new Variable(NdArray.scalar(0.5));
        Variable a = funcA.call(x);
        Variable b = funcB.call(a);
        Variable y = funcC.call(b);
        System.out.println(y.data);
    }
}
