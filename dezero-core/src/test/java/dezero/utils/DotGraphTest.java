package dezero.utils;

import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DotGraphTest {
    @TempDir
    Path dir;

    @Test
    void tanhGraphAsInTheJavadoc() {
        Variable x = Variable.of(1.0);
        x.setName("x");
        Variable y = F.tanh(x);
        y.setName("y");
        String expected = "digraph g {\n"
                + "0 [label=\"y\", color=orange, style=filled]\n"
                + "1 [label=\"Tanh\", color=lightblue, style=filled, shape=box]\n"
                + "2 -> 1\n"
                + "1 -> 0\n"
                + "2 [label=\"x\", color=orange, style=filled]\n"
                + "}\n";
        assertEquals(expected, DotGraph.toDot(y, false));
    }

    @Test
    void verboseLabelsShowShapeAndDtype() {
        Variable x0 = new Variable(NdArray.zeros(2, 3), "x0");
        Variable x1 = new Variable(NdArray.ones(3));
        Variable y = F.add(x0, x1);
        String dot = DotGraph.toDot(y, true);
        assertTrue(dot.contains("[label=\"x0: (2, 3) float64\", color=orange, style=filled]"), dot);
        assertTrue(dot.contains("[label=\"(3,) float64\", color=orange, style=filled]"), dot);
        assertTrue(dot.contains("[label=\"(2, 3) float64\", color=orange, style=filled]"), dot);
        assertTrue(dot.contains("[label=\"Add\", color=lightblue, style=filled, shape=box]"), dot);
        assertEquals("(2, 3) float64", DotGraph.label(y, true));
        assertEquals("", DotGraph.label(y, false));
    }

    @Test
    void edgesRunInputToFunctionToOutputAndSharedNodesAppearOnce() {
        // z = (a * b) + a: 'a' feeds two functions
        Variable a = Variable.of(2.0);
        a.setName("a");
        Variable b = Variable.of(3.0);
        b.setName("b");
        Variable t = F.mul(a, b);
        t.setName("t");
        Variable z = F.add(t, a);
        z.setName("z");
        String dot = DotGraph.toDot(z, false);
        String za = idOf(dot, "\"z\"");
        String ta = idOf(dot, "\"t\"");
        String aa = idOf(dot, "\"a\"");
        String ba = idOf(dot, "\"b\"");
        String add = idOf(dot, "\"Add\"");
        String mul = idOf(dot, "\"Mul\"");
        for (String edge : new String[] {ta + " -> " + add, aa + " -> " + add, add + " -> " + za,
                aa + " -> " + mul, ba + " -> " + mul, mul + " -> " + ta}) {
            assertTrue(dot.contains("\n" + edge + "\n"), edge + " in\n" + dot);
        }
        assertEquals(1, count(dot, "[label=\"a\""), dot);
        assertEquals(6, count(dot, "->"), dot);
        assertTrue(dot.startsWith("digraph g {\n") && dot.endsWith("}\n"), dot);
    }

    @Test
    void aLeafAloneIsOneNode() {
        Variable x = Variable.of(1.0);
        x.setName("lonely");
        assertEquals("digraph g {\n0 [label=\"lonely\", color=orange, style=filled]\n}\n", DotGraph.toDot(x, false));
    }

    @Test
    void labelsAreEscaped() {
        Variable x = Variable.of(1.0);
        x.setName("say \"hi\"\\");
        assertTrue(DotGraph.toDot(x, false).contains("[label=\"say \\\"hi\\\"\\\\\""));
    }

    @Test
    void aHundredThousandFunctionChainDoesNotOverflowTheStack() {
        Variable x = Variable.of(1.0);
        Variable y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.add(1.0);
        }
        String dot = DotGraph.toDot(y, false);
        // each Add has two inputs (x and a constant) and one output
        assertEquals(300_000, count(dot, "->"));
    }

    @Test
    void higherOrderGraphOfTanh() {
        Variable x = Variable.of(1.0);
        x.setName("x");
        F.tanh(x).backward(false, true);
        for (int k = 2; k <= 3; k++) {
            Variable gx = x.grad();
            x.cleargrad();
            gx.backward(false, true);
        }
        Variable g3 = x.grad();
        g3.setName("gx3");
        String dot = DotGraph.toDot(g3, false);
        assertTrue(dot.contains("\"gx3\"") && dot.contains("\"Tanh\"") && dot.contains("\"Mul\""), dot);
    }

    @Test
    void plotWithoutGraphvizWritesTheDotFileAndSaysHowToGetIt() throws Exception {
        Variable x = Variable.of(1.0);
        x.setName("x");
        Variable y = F.sin(x);
        Path png = dir.resolve("sub/graph.png");
        Path emptyDir = Files.createDirectory(dir.resolve("empty"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DotGraph.plot(y, false, png, emptyDir.toString()));
        assertTrue(e.getMessage().startsWith(DotGraph.DOT_NOT_FOUND), e.getMessage());
        assertTrue(e.getMessage().contains("Graphviz 'dot' was not found on the PATH; install Graphviz"
                + " (e.g. apt-get install graphviz) or use toDot() and render the DOT text yourself"));
        Path dotFile = dir.resolve("sub/graph.dot");
        assertEquals(DotGraph.toDot(y, false), Files.readString(dotFile));
        assertFalse(Files.exists(png));
        assertThrows(IllegalStateException.class, () -> DotGraph.plot(y, false, png, null));
    }

    @Test
    void plotToADotFileOnlyWritesText() throws Exception {
        Variable y = F.sin(Variable.of(1.0));
        Path out = DotGraph.plot(y, true, dir.resolve("g.dot"), "");
        assertEquals(DotGraph.toDot(y, true), Files.readString(out));
    }

    @Test
    void plotRejectsUnknownFormats() {
        Variable y = F.sin(Variable.of(1.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DotGraph.plot(y, false, dir.resolve("graph.bmpx")));
        assertTrue(e.getMessage().contains(".png"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DotGraph.plot(y, false, dir.resolve("graph")));
    }

    @Test
    void pathLookupFindsExecutablesOnly() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path other = Files.createDirectory(dir.resolve("other"));
        String path = other + File.pathSeparator + "" + File.pathSeparator + bin;
        assertEquals(Optional.empty(), DotGraph.findOnPath("dot", path));
        Path fake = Files.writeString(bin.resolve("dot"), "#!/bin/sh\nexit 0\n");
        Assumptions.assumeTrue(fake.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions needed to make a fake executable");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(Optional.empty(), DotGraph.findOnPath("dot", path), "not executable");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(Optional.of(fake), DotGraph.findOnPath("dot", path));
        assertEquals(Optional.empty(), DotGraph.findOnPath("dot", null));
    }

    @Test
    void aFailingDotIsReported() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path fake = Files.writeString(bin.resolve("dot"), "#!/bin/sh\necho 'syntax error' >&2\nexit 3\n");
        Assumptions.assumeTrue(fake.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions needed to make a fake executable");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Variable y = F.sin(Variable.of(1.0));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DotGraph.plot(y, false, dir.resolve("g.svg"), bin.toString()));
        assertTrue(e.getMessage().contains("exit code 3") && e.getMessage().contains("syntax error"), e.getMessage());
    }

    @Test
    void rendersWithRealGraphvizWhenInstalled() throws Exception {
        Assumptions.assumeTrue(DotGraph.findOnPath("dot", System.getenv("PATH")).isPresent(),
                "Graphviz 'dot' is not on the PATH: rendering is not tested here");
        Variable x = Variable.of(1.0);
        x.setName("x");
        Variable y = F.tanh(x);
        for (String ext : new String[] {"png", "svg", "pdf"}) {
            Path out = DotGraph.plot(y, true, dir.resolve("tanh." + ext));
            assertTrue(Files.size(out) > 0, ext);
        }
    }

    private static String idOf(String dot, String quotedLabel) {
        for (String line : dot.split("\n")) {
            if (line.contains("[label=" + quotedLabel)) {
                return line.substring(0, line.indexOf(' '));
            }
        }
        throw new AssertionError(quotedLabel + " not in\n" + dot);
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
            n++;
        }
        return n;
    }
}
