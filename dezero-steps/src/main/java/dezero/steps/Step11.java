package dezero.steps;

import dezero.ndarray.NdArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 11: functions with several inputs and outputs. {@code call} takes a list of variables
 * and returns a list, {@code forward} maps a list of arrays to a list of arrays, and
 * {@code Add} is the first function with two inputs.
 *
 * <p>The book leaves {@code Variable.backward} as it was (it still reads {@code f.input} and
 * {@code f.output}, which no longer exist, and is not called until step 13). Java must compile
 * it, so here it follows the first input and the first output, which is what it did before.
 */
public final class Step11 {
    private Step11() {
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
                Variable x = f.inputs.get(0);
                Variable y = f.outputs.get(0);
                x.grad = f.backward(List.of(y.grad)).get(0);

                if (x.creator != null) {
                    funcs.add(x.creator);
                }
            }
        }
    }

    abstract static class Function {
        List<Variable> inputs;
        List<Variable> outputs;

        List<Variable> call(List<Variable> inputs) {
            List<NdArray> xs = new ArrayList<>(); // the data of each input
            for (Variable x : inputs) {
                xs.add(x.data);
            }
            List<NdArray> ys = forward(xs);
            List<Variable> outputs = new ArrayList<>(); // each result in a Variable
            for (NdArray y : ys) {
                outputs.add(new Variable(y));
            }

            for (Variable output : outputs) {
                output.setCreator(this);
            }
            this.inputs = inputs;
            this.outputs = outputs;
            return outputs;
        }

        abstract List<NdArray> forward(List<NdArray> xs);

        abstract List<NdArray> backward(List<NdArray> gys);
    }

    static class Add extends Function {
        @Override
        List<NdArray> forward(List<NdArray> xs) {
            NdArray x0 = xs.get(0);
            NdArray x1 = xs.get(1);
            NdArray y = x0.add(x1);
            return List.of(y);
        }

        @Override
        List<NdArray> backward(List<NdArray> gys) {
            throw new UnsupportedOperationException("Add.backward comes in step 13");
        }
    }

    public static void main(String[] args) {
        List<Variable> xs = List.of(new Variable(NdArray.scalar(2L)), new Variable(NdArray.scalar(3L)));
        Function f = new Add();
        List<Variable> ys = f.call(xs);
        Variable y = ys.get(0);
        System.out.println(y.data);
    }
}
