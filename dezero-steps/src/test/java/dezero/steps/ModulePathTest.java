package dezero.steps;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The step programs as module {@code dezero.steps}: it exports nothing, opens its package to the core
 * (step 45's model is found by reflection) and runs from the module path.
 */
class ModulePathTest {
    @Test
    void theModuleExportsNothingAndOpensItsPackageToTheCore() {
        ModuleDescriptor d = ModuleFinder.of(Path.of("target/classes")).find("dezero.steps").orElseThrow().descriptor();
        assertEquals(Set.of(), d.exports());
        assertEquals(1, d.opens().size());
        ModuleDescriptor.Opens opens = d.opens().iterator().next();
        assertEquals("dezero.steps", opens.source());
        assertEquals(Set.of("dezero.core"), opens.targets());
    }

    @Test
    void stepFortyFiveRunsFromTheModulePath() throws IOException, InterruptedException {
        String modulePath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("test-classes") && !e.matches(".*[\\\\/](junit|opentest4j|apiguardian)[^\\\\/]*"))
                .collect(Collectors.joining(File.pathSeparator));
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Ddezero.relaunch=false", "-p", modulePath, "-m", "dezero.steps/dezero.steps.Main", "45"))
                .redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), printed);
        assertTrue(printed.startsWith("variable("), printed);
    }
}
