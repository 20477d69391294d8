package dezero.models;

import dezero.Variable;
import dezero.functions.F;
import dezero.layers.Layer;
import dezero.layers.Linear;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A step that returns null is named, instead of a NullPointerException in the next function (issue 13, item 12). */
class SequentialNullStepTest {
    /** A layer with a bug: it forgets to return its result. */
    static final class Forgetful extends Layer {
        @Override
        protected Variable forward(Variable... inputs) {
            return null;
        }
    }

    @Test
    void aLayerThatReturnsNullIsNamed() {
        Sequential model = new Sequential(new Linear(3), new Forgetful(), F::sigmoid);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.apply(NdArray.ones(2, 4)));
        assertEquals("Sequential: step l1 (Forgetful) returned null", e.getMessage());
    }

    @Test
    void aFunctionThatReturnsNullIsNamedByItsPosition() {
        Sequential model = new Sequential(new Linear(3), x -> null, F::sigmoid);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.apply(NdArray.ones(2, 4)));
        assertEquals("Sequential: step l1 (a function) returned null", e.getMessage());
    }

    @Test
    void aNullInputOfAFunctionIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> F.add(Variable.of(1.0), null));
        assertEquals("Add: input 1 is null", e.getMessage());
    }
}
