package dezero.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The reference scripts' JSON lines, the bundled scripts, and a python that is not there. */
class PythonReferenceTest {
    @Test
    void readsTheScriptsLinesAndOurOwn() {
        Result r = PythonReference.parse(
                "{\"workload\": \"gemm\", \"metric\": \"float32 n=256\", \"value\": 106.8, \"unit\": \"GFLOP/s\"}");
        assertNotNull(r);
        assertEquals("gemm", r.workload());
        assertEquals("float32 n=256", r.metric());
        assertEquals(106.8, r.value(), 0.0);
        assertTrue(r.higherIsBetter());
        Result ms = new Result("cnn-step", "batch 64", 5.5, "ms");
        assertEquals(ms, PythonReference.parse(ms.toJson()));
        assertEquals(2.0, ms.speedup(new Result("cnn-step", "batch 64", 11.0, "ms")), 1e-12);
        assertNull(PythonReference.parse("Traceback (most recent call last):"));
    }

    @Test
    void theScriptsComeWithTheJarAndAMissingPythonIsANoteNotAFailure() {
        PrintStream out = System.out;
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(notes, true, StandardCharsets.UTF_8));
            PythonReference numpy = PythonReference.numpy(null, "no-such-python-dezero", 1);
            PythonReference torch = PythonReference.torch(null, "no-such-python-dezero", 1);
            assertNotNull(numpy, "numpy_ref.py is bundled");
            assertNotNull(torch, "torch_ref.py is bundled");
            assertTrue(numpy.run("gemm").isEmpty());
            assertTrue(numpy.run("reduce").isEmpty(), "after the first failure nothing more is tried");
            assertNull(PythonReference.numpy("no/such/numpy_ref.py", "python3", 1));
        } finally {
            System.setOut(out);
        }
        String printed = notes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("NumPy reference skipped: cannot run no-such-python-dezero"), printed);
        assertTrue(printed.contains("no script at no/such/numpy_ref.py"), printed);
        assertEquals(1, printed.split("cannot run", -1).length - 1, "one note, not one per workload: " + printed);
    }
}
