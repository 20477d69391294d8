package dezero.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The programs as module {@code dezero.examples}: it exports nothing, and it runs from the module
 * path (the library, the launcher, XChart and its dependencies as modules), its models' parameters
 * found by the core through the package it opens.
 */
class ModulePathTest {
    @Test
    void theModuleExportsNothingAndOpensItsModelsToTheCore() {
        ModuleDescriptor d = ModuleFinder.of(Path.of("target/classes")).find("dezero.examples").orElseThrow().descriptor();
        assertEquals(Set.of(), d.exports());
        assertEquals(Set.of("dezero.examples:[dezero.core]"),
                d.opens().stream().map(o -> o.source() + ":" + o.targets()).collect(Collectors.toSet()));
        assertTrue(d.requires().stream().anyMatch(r -> r.name().equals("org.knowm.xchart")));
    }

    @Test
    void anExampleWithItsOwnModelRunsFromTheModulePath(@TempDir Path out) throws IOException, InterruptedException {
        // the test class path less the tests and their framework: target/classes, the library, XChart, ...
        String modulePath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("test-classes") && !Path.of(e).getFileName().toString()
                        .matches("(junit|opentest4j|apiguardian).*"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Ddezero.relaunch=false", "--module-path", modulePath, "-m", "dezero.examples/dezero.examples.Main",
                "sin-lstm", "--epochs", "1", "--out", out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), printed);
        assertTrue(printed.contains("mean squared error"), printed);
        assertTrue(Files.size(out.resolve("sin-lstm.png")) > 0, printed);
    }
}
