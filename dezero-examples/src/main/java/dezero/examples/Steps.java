package dezero.examples;

import dezero.Config;
import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdArray;

import java.io.PrintStream;

/**
 * The computations of the seed notebooks (steps 9, 14, 16 and 18), run on the library.
 */
public final class Steps implements Example {

    /** The numbers each step prints. */
    public record Result(double step9Y, double step9Grad, double step14Grad, double step14GradAfterCleargrad,
                         double step16Y, double step16Grad, boolean step18IntermediateGradFreed,
                         boolean step18NoGradHasCreator, boolean step18DefaultHasCreator) {
    }

    @Override
    public String name() {
        return "steps";
    }

    @Override
    public String summary() {
        return "steps 9-18: chained backward, x + x, cleargrad, generations, retain_grad, no_grad";
    }

    @Override
    public void run(Options options, PrintStream out) {
        compute(out);
    }

    /** Runs every step and prints what the notebooks print. */
    public static Result compute(PrintStream out) {
        // Step 9: y = (e^(x^2))^2 at x = 0.5, differentiated by backward().
        out.println("== step 9: y = square(exp(square(x))), x = 0.5");
        Variable x = Variable.of(0.5);
        Variable y = F.square(F.exp(F.square(x)));
        y.backward();
        double step9Y = y.data().item();
        double step9Grad = x.grad().data().item();
        out.println("y      = " + y);
        out.println("x.grad = " + x.grad() + "   (book: 3.297442541400256)");

        // Step 14: a variable used twice accumulates its gradient; cleargrad() before reuse.
        out.println();
        out.println("== step 14: y = x + x, then y = (x + x) + x after cleargrad(), x = 3");
        x = Variable.of(3.0);
        y = F.add(x, x);
        y.backward();
        double step14Grad = x.grad().data().item();
        out.println("y = x + x:        y = " + y + ", x.grad = " + x.grad());
        x.cleargrad();
        y = F.add(F.add(x, x), x);
        y.backward();
        double step14Grad2 = x.grad().data().item();
        out.println("y = (x + x) + x:  y = " + y + ", x.grad = " + x.grad());

        // Step 16: a diamond graph; functions run once each, in generation order.
        out.println();
        out.println("== step 16: a = x^2, y = a^2 + a^2, x = 2 (a diamond graph, visited by generation)");
        x = Variable.of(2.0);
        Variable a = F.square(x);
        y = F.add(F.square(a), F.square(a));
        y.backward();
        double step16Y = y.data().item();
        double step16Grad = x.grad().data().item();
        out.println("y      = " + y + "   (book: 32.0)");
        out.println("x.grad = " + x.grad() + "   (book: 64.0)");
        out.println("generations: x " + x.generation() + ", a " + a.generation() + ", y " + y.generation());

        // Step 18: intermediate gradients are freed unless retainGrad; no graph under noGrad().
        out.println();
        out.println("== step 18: retain_grad and no_grad");
        Variable x0 = Variable.of(1.0);
        Variable x1 = Variable.of(1.0);
        Variable t = F.add(x0, x1);
        y = F.add(x0, t);
        y.backward();
        boolean freed = y.grad() == null && t.grad() == null;
        out.println("t = x0 + x1, y = x0 + t; y.backward():");
        out.println("  y.grad = " + describeGrad(y) + ", t.grad = " + describeGrad(t)
                + "   (intermediate gradients freed)");
        out.println("  x0.grad = " + x0.grad() + ", x1.grad = " + x1.grad());
        y = F.add(x0, F.add(x0, x1));
        x0.cleargrad();
        x1.cleargrad();
        y.backward(true);
        out.println("  with backward(retainGrad=true): y.grad = " + describeGrad(y));

        Variable big = new Variable(NdArray.ones(100, 100, 100));
        Variable withGraph = F.square(big);
        boolean defaultHasCreator = withGraph.creator() != null;
        boolean noGradHasCreator;
        try (Config.Scope s = Config.noGrad()) {
            Variable noGraph = F.square(big);
            noGradHasCreator = noGraph.creator() != null;
            out.println("  inside Config.noGrad():  square(x).creator() = " + noGraph.creator()
                    + "   (enableBackprop = " + Config.enableBackprop() + ")");
        }
        out.println("  outside the scope:       square(x).creator() = " + withGraph.creator()
                + "   (enableBackprop = " + Config.enableBackprop() + ")");

        return new Result(step9Y, step9Grad, step14Grad, step14Grad2, step16Y, step16Grad, freed,
                noGradHasCreator, defaultHasCreator);
    }

    private static String describeGrad(Variable v) {
        return v.grad() == null ? "null" : v.grad().toString();
    }
}
