package dezero.ndarray;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** getFlat/setFlat out of range name the index and the size, not a raw ArrayIndexOutOfBoundsException (issue 13, item 12). */
class FlatIndexTest {
    @Test
    void anIndexPastTheEndNamesTheIndexAndTheSize() {
        for (DType t : DType.values()) {
            NdArray a = NdArray.zeros(t, 3);
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> a.getFlat(3), t.toString());
            assertEquals(IndexOutOfBoundsException.class, e.getClass(), t.toString());
            assertEquals("getFlat: index 3 is out of bounds for an array of size 3 (shape (3,))", e.getMessage());
            e = assertThrows(IndexOutOfBoundsException.class, () -> a.setFlat(-1, 1.0));
            assertEquals("setFlat: index -1 is out of bounds for an array of size 3 (shape (3,))", e.getMessage());
        }
        assertEquals(0.0, NdArray.zeros(3).getFlat(2));
    }
}
