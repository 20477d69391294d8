package dezero.steps;

import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Step 10: testing. The book writes its checks with Python's {@code unittest}: the forward
 * value of {@code square}, its backward value, and a gradient check that compares backward with
 * numerical differentiation (step 4) on a random input. This program does the same without a
 * test framework: {@code main} finds the methods of {@code SquareTest} whose names start with
 * {@code test}, in name order as {@code unittest} does, runs them and reports on standard error,
 * where {@code unittest} reports too; a failed check ends it with an {@code AssertionError}.
 */
public final class Step10 {
    private Step10() {
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
                Variable x = f.input;
                Variable y = f.output;
                x.grad = f.backward(y.grad);

                if (x.creator != null) {
                    funcs.add(x.creator);
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

    static Variable square(Variable x) {
        return new Square().call(x);
    }

    static NdArray numericalDiff(UnaryOperator<Variable> f, Variable x) {
        return numericalDiff(f, x, 1e-4);
    }

    static NdArray numericalDiff(UnaryOperator<Variable> f, Variable x, double eps) {
        Variable x0 = new Variable(x.data.sub(eps));
        Variable x1 = new Variable(x.data.add(eps));
        Variable y0 = f.apply(x0);
        Variable y1 = f.apply(x1);
        return y1.data.sub(y0.data).div(2 * eps);
    }

    /** NumPy's {@code allclose}: |a - b| <= atol + rtol * |b| everywhere (rtol 1e-5, atol 1e-8). */
    static boolean allclose(NdArray a, NdArray b) {
        return !a.sub(b).abs().gt(b.abs().mul(1e-5).add(1e-8)).any();
    }

    static void assertTrue(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    static class SquareTest {
        void testForward() {
            Variable x = new Variable(NdArray.scalar(2.0));
            Variable y = square(x);
            NdArray expected = NdArray.scalar(4.0);
            assertTrue(y.data.contentEquals(expected), y.data + " != " + expected);
        }

        void testBackward() {
            Variable x = new Variable(NdArray.scalar(3.0));
            Variable y = square(x);
            y.backward();
            NdArray expected = NdArray.scalar(6.0);
            assertTrue(x.grad.contentEquals(expected), x.grad + " != " + expected);
        }

        void testGradientCheck() {
            Variable x = new Variable(NdRandom.global().rand(1));
            Variable y = square(x);
            y.backward();
            NdArray numGrad = numericalDiff(Step10::square, x);
            boolean flg = allclose(x.grad, numGrad);
            assertTrue(flg, "backward " + x.grad + " and numerical " + numGrad + " differ");
        }
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        NdRandom.seedGlobal(0); // the reference's recordings start from np.random.seed(0)

        // unittest's discovery: every method named test*, in alphabetical order
        Method[] tests = Arrays.stream(SquareTest.class.getDeclaredMethods())
                .filter(m -> m.getName().startsWith("test"))
                .sorted(Comparator.comparing(Method::getName))
                .toArray(Method[]::new);
        int failures = 0;
        for (Method test : tests) {
            try {
                test.invoke(new SquareTest());
                System.err.println(test.getName() + " ... ok");
            } catch (InvocationTargetException e) {
                failures++;
                System.err.println(test.getName() + " ... FAIL: " + e.getCause().getMessage());
            }
        }
        System.err.println("Ran " + tests.length + " tests");
        if (failures > 0) {
            throw new AssertionError("FAILED (failures=" + failures + ")");
        }
        System.err.println("OK");
    }
}
