package dezero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library used from the module path, as module {@code dezero.core}: a consumer module that
 * requires it compiles against the exported packages, cannot compile against the kernel package
 * (not exported), and runs, on the Vector API kernel when the JVM has the incubator module and on
 * the plain one otherwise.
 */
class ModulePathTest {
    private static final Path CORE = Path.of("target/classes");

    private static final String CONSUMER = String.join("\n",
            "package consumer;",
            "import dezero.Variable;",
            "import dezero.functions.F;",
            "import dezero.ndarray.NdArray;",
            "import java.util.logging.Handler;",
            "import java.util.logging.Level;",
            "import java.util.logging.LogRecord;",
            "import java.util.logging.Logger;",
            "public final class Main {",
            "    public static void main(String[] args) {",
            "        Logger log = Logger.getLogger(\"dezero.ndarray.kernel.Kernels\");",
            "        log.setLevel(Level.FINE);",
            "        log.addHandler(new Handler() {",
            "            @Override public void publish(LogRecord r) {",
            "                System.out.println(\"kernel \" + r.getParameters()[0]);",
            "            }",
            "            @Override public void flush() { }",
            "            @Override public void close() { }",
            "        });",
            "        NdArray a = NdArray.array(new double[][] {{1, 2}, {3, 4}});",
            "        Variable x = new Variable(NdArray.arange(0, 4096, 1).div(4096.0));",
            "        Variable y = F.sum(F.tanh(x));",
            "        y.backward();",
            "        System.out.println(a.matmul(a).sum().item() + \" \" + (x.grad().data().size()));",
            "        try {",
            "            Class.forName(\"dezero.ndarray.kernel.Kernels\").getMethod(\"get\").invoke(null);",
            "            System.out.println(\"kernel package reachable\");",
            "        } catch (IllegalAccessException e) {",
            "            System.out.println(\"kernel package not exported\");",
            "        } catch (ReflectiveOperationException e) {",
            "            System.out.println(e);",
            "        }",
            "    }",
            "}",
            "");

    private static int compile(Path out, Path... sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--module-path", CORE.toString(), "-d", out.toString()));
        for (Path s : sources) {
            args.add(s.toString());
        }
        return javac.run(null, new ByteArrayOutputStream(), new ByteArrayOutputStream(), args.toArray(new String[0]));
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String run(Path consumer, boolean vectorModule) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "--module-path", CORE + File.pathSeparator + consumer));
        if (vectorModule) {
            cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        cmd.addAll(List.of("-m", "dezero.consumer/consumer.Main"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the consumer did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void aModuleThatRequiresTheCoreUsesItsApiOnBothKernels(@TempDir Path tmp) throws Exception {
        assertTrue(Files.exists(CORE.resolve("module-info.class")), "dezero-core is compiled as a module");
        Path src = tmp.resolve("src");
        Path out = tmp.resolve("out");
        Path info = write(src.resolve("module-info.java"),
                "module dezero.consumer { requires dezero.core; requires java.logging; }\n");
        Path main = write(src.resolve("consumer/Main.java"), CONSUMER);
        assertEquals(0, compile(out, info, main), "the consumer compiles against the exported packages");

        String vector = run(out, true);
        assertTrue(vector.contains("kernel vector-api"), vector);
        assertTrue(vector.contains("54.0 4096"), vector);
        assertTrue(vector.contains("kernel package not exported"), vector);
        String plain = run(out, false);
        assertTrue(plain.contains("kernel plain-java"), plain);
        assertTrue(plain.contains("54.0 4096"), plain);
    }

    @Test
    void theKernelPackageIsNotExported(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src");
        Path info = write(src.resolve("module-info.java"), "module dezero.consumer { requires dezero.core; }\n");
        Path bad = write(src.resolve("consumer/Bad.java"), "package consumer;\n"
                + "public final class Bad { Object k = dezero.ndarray.kernel.Kernels.get(); }\n");
        assertFalse(compile(tmp.resolve("out"), info, bad) == 0, "dezero.ndarray.kernel must not be exported");
    }
}
