package dezero;

import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariableTest {

    @Test
    void printsLikeDeZero() {
        assertEquals("variable(None)", new Variable(null).toString());
        assertEquals("variable(1.0)", Variable.of(1.0).toString());
        assertEquals("variable([1 2 3])", new Variable(NdArray.array(new int[] {1, 2, 3})).toString());
        assertEquals("variable([[1. 2. 3.]\n          [4. 5. 6.]])",
                Variable.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).toString());
    }

    @Test
    void shapeSizeAndLen() {
        Variable x = Variable.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(2, x.ndim());
        assertEquals(6, x.size());
        assertEquals(2, x.len());
        assertEquals("x", new Variable(NdArray.zeros(1), "x").name());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Variable.of(1.0).len());
        assertTrue(e.getMessage().contains("len"), e.getMessage());
    }

    @Test
    void operatorsWithJavaNumbersOnEitherSide() {
        Variable x = Variable.of(2.0);
        assertEquals(3.0, x.add(1).data().item(), 0.0);
        assertEquals(-1.0, x.rsub(1).data().item(), 0.0);
        assertEquals(1.0, x.rdiv(2).data().item(), 0.0);
        assertEquals(8.0, x.pow(3).data().item(), 0.0);
        assertEquals(-2.0, x.neg().data().item(), 0.0);
        assertEquals(4.0, x.mul(2).data().item(), 0.0);
        assertEquals(0.5, x.div(4).data().item(), 0.0);
        assertEquals(1.5, x.sub(0.5).data().item(), 0.0);
    }

    @Test
    void javaNumbersAreWeaklyTyped() {
        Variable x = new Variable(NdArray.ones(dezero.ndarray.DType.FLOAT32, 2));
        assertEquals(dezero.ndarray.DType.FLOAT32, x.add(2.0).dtype());
        assertEquals(dezero.ndarray.DType.FLOAT32, x.rdiv(2.0).dtype());
        assertEquals(dezero.ndarray.DType.FLOAT32, x.pow(2).dtype());
    }
}
