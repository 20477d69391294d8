package dezero.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The medians over rounds and the median of the rounds' own ratios. */
class RoundsTest {
    private static Result gflops(double v) {
        return new Result("gemm", "float32 n=512", v, "GFLOP/s");
    }

    private static Result ms(double v) {
        return new Result("cnn-step", "batch 64", v, "ms");
    }

    @Test
    void aNoisyRoundIsLeftOutOfTheMediansAndTheRatio() {
        Rounds r = new Rounds();
        r.add(gflops(200), gflops(80), gflops(150), gflops(170));
        r.add(gflops(120), gflops(82), gflops(150), gflops(168)); // our figure hit by noise in this round
        r.add(gflops(210), null, gflops(160), gflops(175));        // the plain kernel's run failed here
        assertEquals(200, r.ours().value(), 0);
        assertEquals("float32 n=512", r.ours().metric());
        assertEquals(81, r.plain().value(), 0); // the median of the two it has
        assertEquals(150, r.numpy().value(), 0);
        assertEquals(170, r.torch().value(), 0);
        // per round against that round's best peer (PyTorch each time): 200/170, 120/168, 210/175
        assertEquals(200.0 / 170, r.speedupOverBest(), 1e-12);
        assertEquals((210.0 - 120) / 2 / 200, r.spread(), 1e-12);
    }

    @Test
    void timesAreBetterWhenLowerAndMissingColumnsStayMissing() {
        Rounds r = new Rounds();
        r.add(ms(4), null, ms(27), ms(9));
        r.add(ms(5), null, ms(26), null);
        assertNull(r.plain());
        assertEquals(4.5, r.ours().value(), 1e-12);
        // round 1: best PyTorch 9 ms -> 2.25x; round 2: only NumPy, 26 ms -> 5.2x
        assertEquals((2.25 + 5.2) / 2, r.speedupOverBest(), 1e-12);
        assertEquals(ms(9), Rounds.better(ms(27), ms(9)));
        assertEquals(ms(27), Rounds.better(ms(27), null));
        Rounds one = new Rounds();
        one.add(ms(4), null, null, null);
        assertTrue(Double.isNaN(one.spread()), "one round has no spread");
        assertTrue(Double.isNaN(one.speedupOverBest()), "no peer, no ratio");
    }

    @Test
    void roundsAreParsedAndBadCountsAreRefused() {
        int[] status = {0};
        assertEquals(3, Main.parse(new String[] {"gemm", "--rounds", "3"}, status).rounds);
        assertEquals(1, Main.parse(new String[] {"gemm"}, status).rounds);
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
            assertNull(Main.parse(new String[] {"gemm", "--rounds", "0"}, status));
        } finally {
            System.setErr(err);
        }
        assertEquals(2, status[0]);
        String text = said.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("--rounds needs a count (1 to 99), not '0'"), text);
    }
}
