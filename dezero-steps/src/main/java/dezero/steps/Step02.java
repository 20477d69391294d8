package dezero.steps;

import dezero.ndarray.NdArray;

/**
 * Step 2: a function turns a variable into another variable.
 *
 * <p>{@code Function} is the base class: {@code call} unwraps the input's data, lets the subclass's
 * {@code forward} compute on the array and wraps the result in a new {@code Variable}. Python calls
 * the object itself ({@code f(x)}, its {@code __call__}); Java calls a method, {@code f.call(x)}.
 * Where the book's base class raises {@code NotImplementedError}, {@code forward} is abstract here.
 */
public final class Step02 {
    private Step02() {
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

    public static void main(String[] args) {
        Variable x = new Variable(NdArray.scalar(10L));
        Function f = new Square();
        Variable y = f.call(x);
        // Python prints <class '__main__.Variable'>; Java names the class its own way
        System.out.println(y.getClass());
        System.out.println(y.data);
    }
}
