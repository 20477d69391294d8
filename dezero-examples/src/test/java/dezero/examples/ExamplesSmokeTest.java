package dezero.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs each example's logic with small iteration counts and checks its key numbers. */
class ExamplesSmokeTest {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    private String printed() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stepsReproduceTheSeedNotebooks() {
        Steps.Result r = Steps.compute(out);
        assertEquals(1.648721270700128, r.step9Y(), 1e-15);
        assertEquals(3.297442541400256, r.step9Grad(), 1e-15);
        assertEquals(2.0, r.step14Grad());
        assertEquals(3.0, r.step14GradAfterCleargrad());
        assertEquals(32.0, r.step16Y());
        assertEquals(64.0, r.step16Grad());
        assertTrue(r.step18IntermediateGradFreed());
        assertFalse(r.step18NoGradHasCreator());
        assertTrue(r.step18DefaultHasCreator());
    }

    @Test
    void gradientsOfTheBenchmarkFunctions() {
        Gradients.Result[] r = Gradients.compute(out);
        assertEquals(2.0, r[0].gradX(), 1e-12);
        assertEquals(2.0, r[0].gradY(), 1e-12);
        assertEquals(0.04, r[1].gradX(), 1e-12);
        assertEquals(0.04, r[1].gradY(), 1e-12);
        assertEquals(1876.0, r[2].z(), 1e-9);
        assertEquals(-5376.0, r[2].gradX(), 1e-9);
        assertEquals(8064.0, r[2].gradY(), 1e-9);
    }

    @Test
    void taylorSinMatchesTheBook() {
        TaylorSin.Result r = TaylorSin.compute(Math.PI / 4, 1e-4, out);
        // The book prints 0.7071064695751781 and 0.7071032148228457 for threshold 1e-4.
        assertEquals(0.7071064695751781, r.taylorY(), 1e-12);
        assertEquals(0.7071032148228457, r.taylorGrad(), 1e-12);
        assertEquals(Math.sin(Math.PI / 4), r.sinY(), 1e-15);
        assertEquals(Math.cos(Math.PI / 4), r.sinGrad(), 1e-15);
        assertEquals(Math.sin(Math.PI / 4), r.taylorY(), 1e-4);
    }

    @Test
    void rosenbrockWalksTowardOneOne() {
        // The book's loop with iters=10000 last prints the point after 9,999 updates: 0.99449622 0.98900063.
        Rosenbrock.Result r = Rosenbrock.train(9_999, 0.001, 2500, out);
        assertEquals(0.99449622, r.x0(), 1e-8);
        assertEquals(0.98900063, r.x1(), 1e-8);
        assertEquals(1.0, r.x0(), 0.01);
        assertEquals(1.0, r.x1(), 0.02);
        assertTrue(printed().contains("iter   2500"), printed());
    }

    @Test
    void newtonConvergesToOne() {
        Newton.Result r = Newton.optimize(10, out);
        assertEquals(11, r.iterates().size());
        assertEquals(2.0, r.iterates().get(0));
        assertEquals(1.4545454545454546, r.iterates().get(1), 1e-15);
        assertEquals(1.1510467893775467, r.iterates().get(2), 1e-15);
        assertEquals(1.0, r.last(), 1e-12);
    }

    @Test
    void linearRegressionFindsTheLine() {
        LinearRegression.Result r = LinearRegression.train(100, 0.1, 0, 10, out);
        assertTrue(r.finalLoss() < r.firstLoss() / 100, printed());
        assertEquals(2.0, r.w(), 0.5, printed());
        assertEquals(5.5, r.b(), 0.5, printed());
        assertTrue(r.finalLoss() < 0.15, printed());
    }

    @Test
    void mainListsExamplesAndRejectsUnknownNames() {
        ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errBuf, true, StandardCharsets.UTF_8);
        assertEquals(0, Main.run(new String[0], out, err));
        for (Example e : Main.EXAMPLES) {
            assertTrue(printed().contains(e.name()), printed());
        }
        assertEquals(2, Main.run(new String[] {"no-such-example"}, out, err));
        String msg = errBuf.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("unknown example 'no-such-example'"), msg);
        assertTrue(msg.contains("linear-regression"), msg);
        assertEquals(2, Main.run(new String[] {"newton", "--bogus", "1"}, out, err));
        assertEquals(0, Main.run(new String[] {"newton", "--iters", "3"}, out, err));
    }
}
