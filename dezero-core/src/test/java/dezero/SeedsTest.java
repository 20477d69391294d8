package dezero;

import dezero.functions.F;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The values printed by the seed notebooks (steps 1-18), reproduced exactly. */
class SeedsTest {

    @Test
    void step09SquareExpSquareAtHalf() {
        Variable x = Variable.of(0.5);
        Variable y = F.square(F.exp(F.square(x)));
        assertEquals(1.648721270700128, y.data().item(), 0.0);
        y.backward();
        assertEquals(3.297442541400256, x.grad().data().item(), 0.0);
    }

    @Test
    void step14AddXToItselfGivesGradTwo() {
        Variable x = Variable.of(3.0);
        Variable y = F.add(x, x);
        assertEquals(6.0, y.data().item(), 0.0);
        y.backward(true);
        assertEquals(1.0, y.grad().data().item(), 0.0);
        assertEquals(2.0, x.grad().data().item(), 0.0);
    }

    @Test
    void step14AddAddXXXGivesGradThree() {
        Variable x = Variable.of(3.0);
        Variable y = F.add(F.add(x, x), x);
        assertEquals(9.0, y.data().item(), 0.0);
        y.backward();
        assertEquals(3.0, x.grad().data().item(), 0.0);
    }

    @Test
    void step14GradientsAccumulateUntilCleargrad() {
        Variable x = Variable.of(2.0);
        F.add(x, x).backward();
        assertEquals(2.0, x.grad().data().item(), 0.0);
        F.add(F.add(x, x), x).backward();
        assertEquals(5.0, x.grad().data().item(), 0.0, "without cleargrad the second backward accumulates");

        Variable x2 = Variable.of(2.0);
        F.add(x2, x2).backward();
        x2.cleargrad();
        F.add(F.add(x2, x2), x2).backward();
        assertEquals(3.0, x2.grad().data().item(), 0.0);
    }

    @Test
    void step16GenerationsOrderTheDiamond() {
        Variable x = Variable.of(2.0);
        Variable a = F.square(x);
        Variable y = F.add(F.square(a), F.square(a));
        y.backward();
        assertEquals(32.0, y.data().item(), 0.0);
        assertEquals(64.0, x.grad().data().item(), 0.0);
        assertEquals(0, x.generation());
        assertEquals(1, a.generation());
        assertEquals(3, y.generation());
    }

    @Test
    void step18NoGradKeepsNoGraph() {
        try (Config.Scope s = Config.noGrad()) {
            Variable x = new Variable(NdArray.ones(100, 100, 100));
            Variable y = F.square(F.square(F.square(x)));
            assertNull(y.creator());
            assertEquals(1.0, y.data().get(99, 99, 99), 0.0);
        }
        Variable x = Variable.of(2.0);
        Variable y = F.square(x);
        assertEquals(dezero.functions.Square.class, y.creator().getClass());
    }

    @Test
    void step18IntermediateGradsAreFreedUnlessRetained() {
        Variable x0 = Variable.of(1.0);
        Variable x1 = Variable.of(1.0);
        Variable t = F.add(x0, x1);
        Variable y = F.add(x0, t);
        y.backward();
        assertNull(y.grad());
        assertNull(t.grad());
        assertEquals(2.0, x0.grad().data().item(), 0.0);
        assertEquals(1.0, x1.grad().data().item(), 0.0);

        Variable u0 = Variable.of(1.0);
        Variable u1 = Variable.of(1.0);
        Variable u = F.add(u0, u1);
        Variable z = F.add(u0, u);
        z.backward(true);
        assertEquals(1.0, z.grad().data().item(), 0.0);
        assertEquals(1.0, u.grad().data().item(), 0.0);
    }

}
