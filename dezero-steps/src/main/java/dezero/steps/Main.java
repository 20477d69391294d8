package dezero.steps;

import dezero.launcher.VectorModule;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Entry point of {@code dezero-steps.jar}: {@code java -jar dezero-steps.jar 14} runs
 * {@link Step14}; the arguments after the number go to the step ({@code 51 --data DIR}). Without
 * arguments or with {@code --help} it lists the steps. Exit status: 0 on success, 1 when the step
 * fails, 2 for an unknown step.
 */
public final class Main {
    private Main() {
    }

    /** One line per step: what the book's step is about. */
    static final List<String> TITLES = List.of(
            "a Variable holds data",
            "a Function turns a Variable into a Variable",
            "functions chain",
            "numerical differentiation",
            "backpropagation, the theory (no code)",
            "backpropagation by hand",
            "backpropagation runs itself (creator links)",
            "recursion becomes a loop",
            "friendlier functions: square(x), backward() seeds ones",
            "tests: forward, backward, gradient check",
            "several inputs and outputs",
            "variadic inputs, one output",
            "backward with several inputs",
            "a variable used twice: gradients add up, cleargrad()",
            "complicated graphs, the theory (no code)",
            "generations: the order of backward",
            "memory: weak references to outputs",
            "memory: retainGrad, Config.enableBackprop, noGrad()",
            "a Variable that is easy to use: name, shape, toString",
            "operators: mul and add as methods",
            "Java numbers and arrays as operands",
            "neg, sub, div, pow: the small framework is complete",
            "the library takes over (dezero.Variable)",
            "gradients of sphere, Matyas and Goldstein-Price",
            "Graphviz's DOT language (no code)",
            "drawing the computational graph",
            "sin and its Taylor series; a Function subclass",
            "gradient descent on the Rosenbrock function",
            "Newton's method with a hand-written second derivative",
            "higher-order derivatives: what to change (no code)",
            "higher-order derivatives, the theory (no code)",
            "higher-order derivatives, the implementation (no code)",
            "Newton's method with double backprop",
            "the derivatives of sin (plot)",
            "the graph of tanh's second derivative",
            "double backpropagation: z = (dy/dx)^3 + y",
            "tensors: element-wise functions and sum",
            "reshape and transpose",
            "sum over axes, keepdims",
            "broadcasting and sumTo",
            "the matrix product",
            "linear regression (plot)",
            "a two-layer neural network (plot)",
            "layers: Parameter and Linear",
            "models: layers inside layers",
            "optimizers: SGD, MLP",
            "softmax and cross-entropy",
            "mini-batches on the spiral data (plot)",
            "the Dataset class",
            "the DataLoader; accuracy and a test set",
            "MNIST (--data DIR reads a local copy)",
            "speed: timing each epoch (--data DIR)",
            "saving and loading weights (--data DIR, --out DIR)",
            "dropout and test mode",
            "the size of a convolution's output",
            "CNN building blocks, the theory (no code)",
            "im2col and conv2d",
            "VGG16 with pretrained weights (--weights FILE --image FILE)",
            "a recurrent network on a sine wave (plot)",
            "LSTM and SeqDataLoader (plot)");

    public static void main(String[] args) {
        // A jar cannot add the Vector API module itself: this re-runs the program once in a child
        // JVM that has it (same output and exit status; -Ddezero.relaunch=false runs it here).
        VectorModule.relaunchIfAbsent(Main.class, args);
        int status = run(args, System.out, System.err);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command line and returns the exit status (the testable part of {@link #main}). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("--help", "-h", "help").contains(args[0])) {
            printUsage(out);
            return 0;
        }
        int step = parseStep(args[0]);
        if (step < 0) {
            err.println("error: unknown step '" + args[0] + "': give a number from 1 to " + TITLES.size());
            err.println();
            printUsage(err);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            Class.forName(String.format("dezero.steps.Step%02d", step))
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) rest);
            return 0;
        } catch (InvocationTargetException e) {
            System.out.flush();
            err.println("error: step " + step + " failed: " + e.getCause());
            e.getCause().printStackTrace(err);
            return 1;
        } catch (ReflectiveOperationException e) {
            err.println("error: step " + step + " cannot be run: " + e);
            return 1;
        }
    }

    /** 1..60 from "14", "014", "step14" or "Step14"; -1 for anything else. */
    static int parseStep(String arg) {
        String s = arg.toLowerCase(Locale.ROOT);
        if (s.startsWith("step")) {
            s = s.substring(4);
        }
        if (!s.matches("\\d{1,3}")) {
            return -1;
        }
        int n = Integer.parseInt(s);
        return n >= 1 && n <= TITLES.size() ? n : -1;
    }

    static void printUsage(PrintStream out) {
        out.println("DeZero for Java: the book's sixty step programs.");
        out.println();
        out.println("usage: java -jar dezero-steps/target/dezero-steps.jar <step> [options of the step]");
        out.println();
        out.println("steps:");
        for (int i = 0; i < TITLES.size(); i++) {
            out.printf(Locale.ROOT, "  %2d  %s%n", i + 1, TITLES.get(i));
        }
        out.println();
        out.println("Steps that plot or draw a graph write into out/ (--out DIR for another directory).");
    }
}
