package dezero.steps;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * Runs a step program's {@code main} in this JVM and captures what it prints (the steps print with
 * {@code System.out} and {@code System.err}, as a book's program prints with {@code print}).
 * One run at a time: the standard streams are the JVM's.
 */
final class StepRunner {
    private StepRunner() {
    }

    /** What a run printed, and what it threw (null when it ended normally). */
    record Run(String out, String err, Throwable failure, double seconds) {
    }

    static Class<?> stepClass(int step) throws ClassNotFoundException {
        return Class.forName(String.format("dezero.steps.Step%02d", step));
    }

    static synchronized Run run(int step, String... args) throws ReflectiveOperationException {
        Method main = stepClass(step).getMethod("main", String[].class);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Throwable failure = null;
        long start = System.nanoTime();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            try {
                main.invoke(null, (Object) args);
            } catch (InvocationTargetException ex) {
                failure = ex.getCause();
            }
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), failure,
                (System.nanoTime() - start) / 1e9);
    }
}
