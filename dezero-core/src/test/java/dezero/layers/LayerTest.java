package dezero.layers;

import dezero.Parameter;
import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerTest {
    static Parameter param(double... values) {
        return new Parameter(NdArray.array(values));
    }

    /** Fields deliberately not in alphabetical order. */
    static class Base extends Layer {
        final Parameter zeta = param(1);
        final Variable plain = new Variable(NdArray.array(new double[] {2}));
        final Parameter alpha = param(3);
        Parameter notYet;
        static final Parameter SHARED_STATIC = param(4);

        @Override
        protected Variable forward(Variable... inputs) {
            return inputs[0].mul(zeta).add(alpha);
        }
    }

    static class Derived extends Base {
        final Linear fc = new Linear(2, false, DType.FLOAT64, 3);
        final List<Layer> blocks = new ArrayList<>(List.of(new Linear(1, true, DType.FLOAT64, 2), new Base()));
        final Object[] mixed = {param(5), "not a parameter", new Base()};
        final Parameter beta = param(6);
    }

    static class Outer extends Layer {
        final Derived inner = new Derived();

        @Override
        protected Variable forward(Variable... inputs) {
            return inputs[0];
        }
    }

    @Test
    void parametersAreFoundInDeclarationOrderSuperclassFirst() {
        Derived d = new Derived();
        assertEquals(List.of("zeta", "alpha", "fc/W", "fc/b", "blocks0/W", "blocks1/zeta", "blocks1/alpha", "mixed0",
                "mixed2/zeta", "mixed2/alpha", "beta"), new ArrayList<>(d.flattenParams().keySet()));
        assertSame(d.zeta, d.params().get(0));
        assertSame(d.fc.weight(), d.params().get(2));
        assertEquals(11, d.params().size());
    }

    @Test
    void nestedLayersGivePathNames() {
        Outer o = new Outer();
        assertEquals("inner/zeta", o.flattenParams().keySet().iterator().next());
        assertTrue(o.flattenParams().containsKey("inner/mixed2/alpha"));
        assertSame(o.inner.fc.bias(), o.flattenParams().get("inner/fc/b"));
    }

    @Test
    void fieldsAssignedLaterAreSeenAndPlainVariablesAreNot() {
        Base b = new Base();
        assertEquals(List.of("zeta", "alpha"), new ArrayList<>(b.flattenParams().keySet()));
        b.notYet = param(7);
        assertEquals(List.of("zeta", "alpha", "notYet"), new ArrayList<>(b.flattenParams().keySet()));
    }

    @Test
    void aSharedParameterIsListedOnceByParams() {
        Base b = new Base();
        b.notYet = b.zeta;
        assertEquals(3, b.flattenParams().size());
        assertEquals(2, b.params().size());
    }

    @Test
    void cleargradsClearsEveryParameter() {
        Derived d = new Derived();
        for (Parameter p : d.params()) {
            p.setGrad(new Variable(NdArray.onesLike(p.data())));
        }
        d.cleargrads();
        for (Parameter p : d.params()) {
            assertNull(p.grad());
        }
    }

    @Test
    void applyCallAndRawArraysRunForward() {
        Base b = new Base();
        assertEquals(5.0, b.apply(Variable.of(2.0)).data().item());   // 2 * 1 + 3
        assertEquals(5.0, b.call(Variable.of(2.0)).data().item());
        assertEquals(5.0, b.apply(NdArray.scalar(2.0)).data().item());
    }

    static class Loop extends Layer {
        final List<Layer> children = new ArrayList<>();

        @Override
        protected Variable forward(Variable... inputs) {
            return inputs[0];
        }
    }

    @Test
    void aLayerThatContainsItselfIsAnError() {
        Loop loop = new Loop();
        loop.children.add(loop);
        IllegalStateException e = assertThrows(IllegalStateException.class, loop::params);
        assertTrue(e.getMessage().contains("contains itself"), e.getMessage());
    }
}
