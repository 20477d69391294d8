package dezero.steps;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        PrintStream oldOut = System.out;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o); // the steps print to System.out
            return Main.run(args, o, e);
        } finally {
            System.setOut(oldOut);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsTheSixtySteps() {
        assertEquals(0, run());
        assertTrue(out().contains(" 1  a Variable holds data"), out());
        assertTrue(out().contains("60  LSTM and SeqDataLoader"), out());
        assertEquals(0, run("--help"));
    }

    @Test
    void everyTitleHasItsStep() throws ClassNotFoundException {
        assertEquals(60, Main.TITLES.size());
        for (int s = 1; s <= 60; s++) {
            StepRunner.stepClass(s);
        }
    }

    @Test
    void runsAStepByNumber() {
        assertEquals(0, run("14"));
        assertEquals("2.0\n3.0\n", out().replace("\r\n", "\n"));
    }

    @Test
    void passesTheRestToTheStep() {
        assertEquals(0, run("step58", "--weights"));
        assertTrue(out().startsWith("Step 58 needs the pretrained VGG16 weights"), out());
    }

    @Test
    void unknownStepsExitWithTwo() {
        assertEquals(2, run("61"));
        assertTrue(err().startsWith("error: unknown step '61'"), err());
        assertEquals(2, run("fourteen"));
        assertEquals(2, run("0"));
    }

    @Test
    void aFailingStepExitsWithOne() {
        assertEquals(1, run("58", "--colour", "x"));
        assertTrue(err().contains("error: step 58 failed"), err());
    }

    @Test
    void parsesStepNumbers() {
        assertEquals(14, Main.parseStep("14"));
        assertEquals(14, Main.parseStep("014"));
        assertEquals(14, Main.parseStep("Step14"));
        assertEquals(1, Main.parseStep("step1"));
        assertEquals(-1, Main.parseStep("-3"));
        assertEquals(-1, Main.parseStep("1000"));
    }
}
