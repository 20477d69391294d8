package dezero.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tanh-graph example: derivatives as the reference computes them, and a DOT file in the output directory. */
class TanhGraphTest {
    @TempDir
    Path dir;

    @Test
    void sixDerivativesAndTheDotFile() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        TanhGraph.Result r = TanhGraph.compute(6, 1.0, dir, out);
        String printed = buffer.toString(StandardCharsets.UTF_8);
        // The reference DeZero's values (golden case higher_order/tanh_derivatives_order6_at_1).
        double[] expected = {0.41997434161402614, -0.6397000084492246, 0.6216266807712962, 0.6650910447505024,
                -5.556893558473722, 13.624075441312101};
        assertEquals(6, r.derivatives().size());
        for (int k = 0; k < 6; k++) {
            assertEquals(expected[k], r.derivatives().get(k), 1e-9 * Math.max(1, Math.abs(expected[k])),
                    "derivative " + (k + 1));
        }
        assertEquals(dir.resolve("tanh.dot"), r.dotFile());
        String dot = Files.readString(r.dotFile());
        assertTrue(dot.startsWith("digraph"), dot);
        assertTrue(dot.contains("gx6"), "the named output appears in the graph");
        assertTrue(r.dotNodes() > 50, "the 6th derivative's graph is large: " + r.dotNodes() + " nodes");
        if (r.pngFile() == null) {
            assertTrue(printed.contains("PNG NOT rendered"), printed);
        } else {
            assertTrue(Files.size(r.pngFile()) > 0);
        }
    }
}
