package dezero.examples.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UiTest {
    @TempDir
    Path dir;

    @Test
    void progressBarPrintsOnlyTheFinishedLineWhenNotInteractive() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        ProgressBar bar = new ProgressBar(out, "epoch 1/2", 4, false);
        bar.step("loss 1.0");
        bar.step("loss 0.9");
        assertEquals("", buf.toString(StandardCharsets.UTF_8));
        assertTrue(bar.line("x").contains("[############............] 2/4  x"), bar.line("x"));
        bar.finish("loss 0.5000");
        String s = buf.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("epoch 1/2 [########################] 4/4  loss 0.5000"), s);
        assertEquals(1, s.lines().count());
    }

    @Test
    void progressBarRedrawsInPlaceWhenInteractive() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(buf, true, StandardCharsets.UTF_8), "e", 2, true);
        bar.step("a");
        bar.finish("b");
        String s = buf.toString(StandardCharsets.UTF_8);
        assertEquals(2, s.chars().filter(c -> c == '\r').count(), s);
        assertThrows(IllegalArgumentException.class, () -> new ProgressBar(System.out, "e", -1, false));
    }

    @Test
    void lineChartAndDecisionBoundaryAreRealPngs() throws Exception {
        Path loss = Plots.line(dir.resolve("loss.png"), "loss", "epoch", "loss", Map.of("train", new double[] {3, 2, 1.5, 1}));
        BufferedImage img = ImageIO.read(loss.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());

        double[] xs = {-1, -0.5, 0.5, 1};
        double[] ys = {0, 0.2, -0.2, 0};
        int[] labels = {0, 0, 1, 1};
        Path db = Plots.decisionBoundary(dir.resolve("db.png"), "boundary", xs, ys, labels, (gx, gy) -> {
            int[] c = new int[gx.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = gx[i] < 0 ? 0 : 1;
            }
            return c;
        }, 50);
        BufferedImage b = ImageIO.read(db.toFile());
        // left and right halves of the plot area are painted in different (class) colours
        assertNotEquals(b.getRGB(b.getWidth() / 4, b.getHeight() / 3), b.getRGB(3 * b.getWidth() / 4, b.getHeight() / 3));
        assertThrows(IllegalArgumentException.class, () -> Plots.line(dir.resolve("x.jpg"), "t", "x", "y", Map.of()));
    }

    @Test
    void imageGridPlacesEachImage() throws Exception {
        double[][] images = {{0, 1, 1, 0}, {1, 1, 1, 1}, {0, 0, 0, 0}};
        Path p = Plots.imageGrid(dir.resolve("grid.png"), images, 2, 2, 2);
        BufferedImage img = ImageIO.read(p.toFile());
        assertEquals(2 * 3 * 2 + 2, img.getWidth());
        assertEquals(2 * 3 * 2 + 2, img.getHeight());
        assertEquals(0xffffff, img.getRGB(2 + 2, 2) & 0xffffff);  // image 0, pixel (0, 1) is white
        assertEquals(0, img.getRGB(2, 2) & 0xffffff);              // image 0, pixel (0, 0) is black
        assertThrows(IllegalArgumentException.class, () -> Plots.imageGrid(dir.resolve("g.png"), new double[][] {{1}}, 2, 2, 1));
    }
}
