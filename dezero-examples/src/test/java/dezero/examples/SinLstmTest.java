package dezero.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SinLstmTest {
    @TempDir
    Path dir;

    @Test
    void truncatedBpttLearnsTheWaveAndPlotsIt() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        SinLstm.Result r = SinLstm.train(30, 30, 20, 10, 0, dir, out);
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertEquals(30, r.epochLosses().length);
        assertTrue(r.epochLosses()[29] < r.epochLosses()[0] / 4, printed);
        assertTrue(printed.contains("epoch  30/30 [########################] 34/34"), printed);
        assertEquals(1000, r.prediction().length);
        assertEquals(1.0, r.truth()[0], 1e-12);
        // a model that has learnt something beats "the next value is 0" (mse of cos^2 = 0.5) by far
        assertTrue(r.predictionMse() < 0.1, printed);
        BufferedImage img = ImageIO.read(r.plot().toFile());
        assertEquals(800, img.getWidth());
        assertEquals(dir.resolve("sin-lstm.png"), r.plot());
    }

    @Test
    void theSameSeedGivesTheSameRun() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        SinLstm.Result a = SinLstm.train(2, 30, 8, 10, 7, dir, quiet);
        SinLstm.Result b = SinLstm.train(2, 30, 8, 10, 7, dir, quiet);
        assertEquals(a.epochLosses()[1], b.epochLosses()[1]);
        assertEquals(a.predictionMse(), b.predictionMse());
    }
}
