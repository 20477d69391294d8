package dezero.utils;

import dezero.Variable;
import dezero.functions.F;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How plot runs Graphviz: file names are never options, and a hung dot is stopped (issue 13, DotGraph). */
class DotGraphProcessTest {
    @TempDir
    Path bin;

    private String fakeDot(String script) throws IOException {
        Path fake = Files.writeString(bin.resolve("dot"), "#!/bin/sh\n" + script);
        Assumptions.assumeTrue(fake.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions needed to make a fake executable");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin.toString();
    }

    @Test
    void aFileNameStartingWithADashIsNotAnOption() throws IOException {
        Path args = bin.resolve("args.txt");
        String path = fakeDot("for a in \"$@\"; do echo \"$a\" >> '" + args + "'; done\n");
        Path png = Path.of("-Tsvg.png");   // relative, in the working directory, as a user would type it
        Path dot = Path.of("-Tsvg.dot");
        try {
            DotGraph.plot(F.tanh(Variable.of(1.0)), false, png, path);
            List<String> got = Files.readAllLines(args, StandardCharsets.UTF_8);
            assertEquals(List.of("-Tpng", dot.toAbsolutePath().toString(), "-o", png.toAbsolutePath().toString()), got);
        } finally {
            Files.deleteIfExists(dot);
            Files.deleteIfExists(png);
        }
    }

    @Test
    void aDotThatHangsWithoutOutputIsStoppedAtTheTimeout() throws IOException {
        String path = fakeDot("sleep 30\n");
        Path png = bin.resolve("g.png");
        long start = System.nanoTime();
        IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThrows(
                IllegalStateException.class,
                () -> DotGraph.plot(F.tanh(Variable.of(1.0)), false, png, path, Duration.ofSeconds(1))));
        assertTrue((System.nanoTime() - start) / 1e9 < 10);
        assertTrue(e.getMessage().contains("did not finish within 1 s"), e.getMessage());
        assertTrue(Files.isRegularFile(bin.resolve("g.dot")), "the DOT text is still there");
    }
}
