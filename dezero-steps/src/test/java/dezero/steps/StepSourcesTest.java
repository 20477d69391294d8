package dezero.steps;

import dezero.Variable;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The step files are what the README promises: steps 1-22 use nothing of the finished library
 * (only the array package and the JDK), and every step is one source file that the JDK's
 * source-file mode runs on its own.
 */
class StepSourcesTest {
    static final Path SOURCES = Path.of("src/main/java/dezero/steps");

    static String source(int step) throws IOException {
        return Files.readString(SOURCES.resolve(String.format("Step%02d.java", step)), StandardCharsets.UTF_8);
    }

    @Test
    void stepsOneToTwentyTwoGrowTheirOwnFramework() throws IOException {
        Pattern anyDezero = Pattern.compile("\\bdezero\\.(\\w+)");
        for (int s = 1; s <= 22; s++) {
            String text = source(s);
            for (String line : text.split("\n")) {
                if (line.startsWith("import ")) {
                    assertTrue(line.startsWith("import java.") || line.startsWith("import dezero.ndarray."),
                            "step " + s + " may import the JDK and dezero.ndarray only: " + line);
                }
            }
            Matcher m = anyDezero.matcher(text);
            while (m.find()) {
                assertTrue(m.group(1).equals("ndarray") || m.group(1).equals("steps"),
                        "step " + s + " refers to dezero." + m.group(1));
            }
            // and they define the framework themselves
            assertTrue(text.contains("class Variable"), "step " + s + " defines its Variable");
        }
    }

    @Test
    void everyStepIsOneSelfContainedFile() throws IOException {
        Pattern otherClass = Pattern.compile("\\b(Step\\d\\d|Main)\\b");
        for (int s = 1; s <= 60; s++) {
            String own = String.format("Step%02d", s);
            String text = source(s);
            assertTrue(text.startsWith("package dezero.steps;"), own);
            // the first top-level class is the step's, with main (what source-file mode runs)
            assertTrue(text.contains("public final class " + own + " {"), own);
            assertTrue(text.contains("public static void main(String[] args)"), own);
            Matcher m = otherClass.matcher(text.replaceAll("(?m)^\\s*(\\*|//).*$", ""));
            while (m.find()) {
                assertEquals(own, m.group(1), own + " uses another class of this module: " + m.group(1));
            }
            for (String line : text.split("\n")) {
                assertFalse(line.length() > 120, own + ": line longer than 120 characters: " + line);
                assertFalse(line.contains("\t"), own + ": tab in " + line);
            }
        }
    }

    /**
     * Runs a few steps as a learner does, {@code java -cp <core and XChart> StepNN.java}, in a new
     * JVM: the source file compiles and runs on its own and prints the reference's output.
     */
    @Test
    void stepsRunAsSingleSourceFiles() throws Exception {
        String classPath = location(Variable.class) + File.pathSeparator + location(XYChart.class);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempDirectory("dezero-steps-single-source");
        for (int s : new int[] {1, 22, 42}) {
            List<String> command = new ArrayList<>(List.of(java, "-cp", classPath,
                    SOURCES.resolve(String.format("Step%02d.java", s)).toAbsolutePath().toString()));
            if (s == 42) {
                command.addAll(List.of("--out", out.toString()));
            }
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "step " + s + " finished");
            assertEquals(0, p.exitValue(), "step " + s + " as a source file: " + printed);
            List<String> expected = PrintedOutput.lines(StepsMatchReferenceTest.recording("steps", s));
            List<String> actual = PrintedOutput.lines(printed);
            assertEquals(expected.size(), actual.size(), printed);
            for (int i = 0; i < expected.size(); i++) {
                assertNull(PrintedOutput.mismatch(expected.get(i), actual.get(i), PrintedOutput.Tolerance.FLOAT64,
                        false), "step " + s + ", line " + (i + 1));
            }
        }
        assertTrue(Files.size(out.resolve("step42.png")) > 0);
    }

    /** docs/STEPS.md has a row for every step, and its links lead to files that exist. */
    @Test
    void theStepsTableLinksToExistingFiles() throws IOException {
        Path doc = Path.of("../docs/STEPS.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        for (int s = 1; s <= 60; s++) {
            assertTrue(text.contains(String.format("| %d | ", s)) && text.contains(String.format("Step%02d.java", s)),
                    "docs/STEPS.md has a row for step " + s);
        }
        Matcher m = Pattern.compile("\\]\\((\\.\\./[^)#]+)").matcher(text);
        int links = 0;
        while (m.find()) {
            links++;
            assertTrue(Files.exists(doc.getParent().resolve(m.group(1))), "docs/STEPS.md links to " + m.group(1));
        }
        assertTrue(links > 120, "links: " + links);
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
