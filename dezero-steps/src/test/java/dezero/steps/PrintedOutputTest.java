package dezero.steps;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dezero.steps.PrintedOutput.Tolerance.FLOAT32;
import static dezero.steps.PrintedOutput.Tolerance.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison lets only formatting differ. */
class PrintedOutputTest {

    private static void same(String expected, String actual, PrintedOutput.Tolerance tol) {
        assertNull(PrintedOutput.mismatch(expected, actual, tol, false), expected + " / " + actual);
    }

    private static void differ(String expected, String actual, PrintedOutput.Tolerance tol) {
        assertNotNull(PrintedOutput.mismatch(expected, actual, tol, false), expected + " / " + actual);
    }

    @Test
    void numbersCompareByValueWhateverTheirSpelling() {
        same("variable(1e-05)", "variable(1.0E-5)", FLOAT64);
        same("0.0001", "1.0E-4", FLOAT64);
        same("variable(42.296340129442335)", "variable(42.29634012944234)", FLOAT64);
        same("nan inf -inf", "NaN Infinity -Infinity", FLOAT64);
        differ("variable(0.1)", "variable(0.2)", FLOAT64);
        differ("nan", "0.0", FLOAT64);
    }

    @Test
    void integersStayIntegers() {
        differ("variable(1)", "variable(1.0)", FLOAT64);
        differ("epoch 1, loss 0.5", "epoch 2, loss 0.5", FLOAT64.withFixedDecimals());
        same("(2, 3)", "(2, 3)", FLOAT64);
        differ("(2, 3)", "(3, 2)", FLOAT64);
    }

    @Test
    void tolerancesAreRelative() {
        same("0.31733287", "0.3173329", FLOAT32);
        differ("0.31733287", "0.3173329", FLOAT64);
        same("1000000.0", "1000000.000001", FLOAT64);
        differ("1e-10", "1.1e-10", FLOAT64);
    }

    @Test
    void fixedDecimalsAllowOneUnitInTheLastPlace() {
        same("accuracy: 0.6002", "accuracy: 0.6003", FLOAT64.withFixedDecimals());
        differ("accuracy: 0.6002", "accuracy: 0.6003", FLOAT64);
        differ("accuracy: 0.6002", "accuracy: 0.6004", FLOAT64.withFixedDecimals());
    }

    @Test
    void whiteSpaceIsFormattingButTextIsNot() {
        same("[[-0.61505777 -0.42790161  0.31733287]]", "[[-0.61505777 -0.42790161  0.3173329 ]]", FLOAT32);
        same("variable([[1 2 3]\n", "variable([[1 2 3]", FLOAT64);
        differ("None None", "null null", FLOAT64);
        differ("<class '__main__.Variable'>", "class dezero.steps.Step02$Variable", FLOAT64);
        differ("train loss: 0.5", "test loss: 0.5", FLOAT64);
        differ("1 2", "12", FLOAT64);
    }

    @Test
    void wordsAreNotNumbers() {
        assertEquals(1, PrintedOutput.tokenize("information").size());
        assertEquals(List.of("l", "0", "/W"), PrintedOutput.tokenize("l0/W").stream().map(Object::toString).toList());
        assertTrue(PrintedOutput.tokenize("-inf").get(0).number());
    }

    @Test
    void skippingFloatsStillComparesTextAndIntegers() {
        assertNull(PrintedOutput.mismatch("epoch: 3, loss: 2.0257", "epoch: 3, loss: 2.3026", FLOAT64, true));
        assertNotNull(PrintedOutput.mismatch("epoch: 3, loss: 2.0257", "epoch: 4, loss: 2.0257", FLOAT64, true));
    }

    @Test
    void linesDropTrailingSpaceAndTheLastNewline() {
        assertEquals(List.of("a", "", "b"), PrintedOutput.lines("a  \r\n\nb\n"));
        assertEquals(List.of(), PrintedOutput.lines(""));
    }
}
