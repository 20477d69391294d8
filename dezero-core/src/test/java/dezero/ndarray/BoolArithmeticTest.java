package dezero.ndarray;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Arithmetic on bool arrays promotes them to int64 ({@code true + true == 2}), where NumPy keeps bool
 * for + and * (logical or / and) and refuses -: a deliberate divergence, listed in DIVERGENCES.md.
 */
class BoolArithmeticTest {
    @Test
    void boolOperandsArePromotedToInt64() {
        NdArray t = NdArray.wrap(new boolean[] {true, false}, 2);
        NdArray sum = t.add(t);
        assertEquals(DType.INT64, sum.dtype());
        assertArrayEquals(new long[] {2, 0}, sum.longData());
        assertArrayEquals(new long[] {1, 0}, t.mul(t).longData());
        assertArrayEquals(new long[] {0, 0}, t.sub(t).longData());
        assertEquals(DType.FLOAT64, t.div(t).dtype());
        assertEquals(DType.INT64, t.sum().dtype(), "as NumPy");
        assertEquals(DType.FLOAT64, t.mean().dtype(), "as NumPy");
    }

    @Test
    void theDivergenceIsDocumented() throws IOException {
        Path doc = Path.of("../DIVERGENCES.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        assertTrue(text.contains("**Bool arithmetic**") && text.contains("True + True == 2"),
                "DIVERGENCES.md should list the bool arithmetic divergence");
    }
}
