package dezero.layers;

import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearTest {
    @Test
    void inputSizeIsInferredAtTheFirstCallWithDeZerosInit() {
        NdRandom.seedGlobal(42);
        Linear l = new Linear(4);
        assertNull(l.weight().data());
        Variable y = l.apply(NdArray.ones(DType.FLOAT32, 2, 3));
        assertArrayEquals(new int[] {2, 4}, y.shape());
        NdArray expected = new NdRandom(42).randn(DType.FLOAT32, 3, 4).mul(Math.sqrt(1.0 / 3));
        assertTrue(expected.contentEquals(l.weight().data()), "W = randn(3, 4) * sqrt(1/3) from the global generator");
        assertEquals(DType.FLOAT32, l.weight().dtype());
        assertTrue(NdArray.zeros(DType.FLOAT32, 4).contentEquals(l.bias().data()));
        assertEquals(List.of("W", "b"), List.copyOf(l.flattenParams().keySet()));
    }

    @Test
    void forwardAndGradsAreThoseOfFLinear() {
        Linear l = new Linear(2, false, DType.FLOAT64, 3);
        NdArray x = NdArray.array(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Variable y = l.apply(x);
        NdArray want = x.matmul(l.weight().data()).add(l.bias().data());
        assertTrue(want.contentEquals(y.data()));
        F.sum(y).backward();
        assertTrue(NdArray.array(new double[] {2, 2}).contentEquals(l.bias().grad().data()));
        assertTrue(x.sum(0, true).T().broadcastTo(3, 2).contentEquals(l.weight().grad().data()));
    }

    @Test
    void nobiasHasOnlyW() {
        Linear l = new Linear(2, true, DType.FLOAT64, 3);
        assertNull(l.bias());
        assertEquals(List.of("W"), List.copyOf(l.flattenParams().keySet()));
        assertArrayEquals(new int[] {5, 2}, l.apply(NdArray.ones(5, 3)).shape());
    }

    @Test
    void aWrongInputSizeAfterInitNamesTheShapes() {
        Linear l = new Linear(2);
        l.apply(NdArray.ones(5, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.apply(NdArray.ones(5, 4)));
        assertTrue(e.getMessage().contains("Linear") && e.getMessage().contains("(5, 4)")
                && e.getMessage().contains("(3, 2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> l.apply(NdArray.ones(3)));
        assertTrue(e.getMessage().contains("2-D") && e.getMessage().contains("(3,)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Linear(0));
        assertThrows(IllegalArgumentException.class, () -> new Linear(2, false, DType.INT64, null));
    }
}
