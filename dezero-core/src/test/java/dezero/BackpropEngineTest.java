package dezero;

import dezero.functions.F;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackpropEngineTest {

    @Test
    void aChainOfOneHundredThousandFunctionsBackpropagatesIteratively() {
        Variable x = Variable.of(1.0);
        Variable y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.add(0.0);
        }
        assertEquals(100_000, y.generation());
        y.backward();
        assertEquals(1.0, x.grad().data().item(), 0.0);
        y.unchainBackward();
        assertNull(y.creator().inputs()[0].creator());
    }

    @Test
    void createGraphGivesHigherOrderDerivatives() {
        // y = x^4 - 2x^2 at x = 2: y' = 4x^3 - 4x = 24, y'' = 12x^2 - 4 = 44
        Variable x = Variable.of(2.0);
        Variable y = x.pow(4).sub(x.pow(2).mul(2.0));
        y.backward(false, true);
        Variable gx = x.grad();
        assertEquals(24.0, gx.data().item(), 0.0);
        assertNotNull(gx.creator(), "with createGraph the gradient has a graph");
        x.cleargrad();
        gx.backward();
        assertEquals(44.0, x.grad().data().item(), 0.0);
    }

    @Test
    void withoutCreateGraphTheGradientHasNoGraph() {
        Variable x = Variable.of(2.0);
        F.sin(x).backward();
        assertNull(x.grad().creator());
    }

    @Test
    void doubleBackpropOfStep36() {
        // y = x^2, gx = 2x; z = gx^3 + y; dz/dx = 24x^2 + 2x = 100 at x = 2
        Variable x = Variable.of(2.0);
        Variable y = x.pow(2);
        y.backward(false, true);
        Variable gx = x.grad();
        x.cleargrad();
        Variable z = gx.pow(3).add(y);
        z.backward();
        assertEquals(100.0, x.grad().data().item(), 0.0);
    }

    @Test
    void unchainMakesALeaf() {
        Variable x = Variable.of(3.0);
        Variable a = F.square(x);
        Variable y = F.exp(a);
        a.unchain();
        y.backward();
        assertNull(x.grad(), "nothing flows past an unchained variable");
        assertNotNull(a.grad(), "the unchained variable itself still receives its gradient");
    }

    @Test
    void backwardOnALeafSetsAOnesGradient() {
        Variable x = new Variable(NdArray.zeros(2, 3));
        x.backward();
        assertEquals(6.0, x.grad().data().sum().item(), 0.0);
    }

    @Test
    void backwardOnAVariableWithNoDataFailsWithAClearMessage() {
        Variable v = new Variable(null, "v");
        IllegalStateException e = assertThrows(IllegalStateException.class, v::backward);
        assertTrue(e.getMessage().contains("backward") && e.getMessage().contains("no data"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> F.exp(v));
        assertTrue(e2.getMessage().contains("Exp") && e2.getMessage().contains("no data"), e2.getMessage());
    }

    @Test
    void constantsFromJavaNumbersGetNoGradient() {
        Variable x = Variable.of(new double[] {1, 2, 3});
        Variable c = Variable.constant(NdArray.array(new double[] {4, 5, 6}));
        Variable y = F.sum(x.mul(c));
        y.backward();
        assertNull(c.grad());
        assertEquals("[4. 5. 6.]", x.grad().data().toString());
    }

    @Test
    void gradientSeedKeepsTheOutputDtype() {
        Variable x = new Variable(NdArray.ones(dezero.ndarray.DType.FLOAT32, 3));
        Variable y = F.sum(x.mul(2.0));
        y.backward();
        assertSame(dezero.ndarray.DType.FLOAT32, x.grad().dtype());
    }
}
