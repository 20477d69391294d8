package dezero.utils;

import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Files we write are read by {@code numpy.load} itself. Runs only where {@code python3} with
 * NumPy is installed; elsewhere it is skipped (never failed).
 */
class NpzNumpyInteropTest {
    @TempDir
    Path dir;

    private static final String CHECK = String.join("\n",
            "import io, sys, zipfile",
            "import numpy as np",
            "exp = {",
            "    'l0/W': np.array([[0.5, -1.25, 2.0], [3.5, -0.125, 7.0]], dtype=np.float32),",
            "    'l0/b': np.array([0.1, 0.2, 0.3], dtype=np.float32),",
            "    'l1/W': np.array([[1.0 / 3.0, -2.5], [1e-300, 1e300], [-0.0, np.nan]]),",
            "    'counts': np.array([0, -1, 2**62, -(2**63)], dtype=np.int64),",
            "    'mask': np.array([[True, False], [False, True]]),",
            "    'scalar': np.array(2.75),",
            "    'empty': np.zeros((0, 3), dtype=np.float32),",
            "}",
            "def same(got, want):",
            "    if got.dtype != want.dtype or got.shape != want.shape:",
            "        return False",
            "    if want.dtype.kind == 'f':",
            "        return np.array_equal(got, want, equal_nan=True) and np.array_equal(np.signbit(got), np.signbit(want))",
            "    return np.array_equal(got, want)",
            "for path, method in ((sys.argv[1], zipfile.ZIP_STORED), (sys.argv[2], zipfile.ZIP_DEFLATED)):",
            "    with zipfile.ZipFile(path) as zf:",
            "        assert zf.testzip() is None, path + ': bad CRC'",
            "        assert all(i.compress_type == method for i in zf.infolist()), path",
            "    with np.load(path) as z:",
            "        assert list(z.files) == list(exp), (path, z.files)",
            "        for k, v in exp.items():",
            "            assert same(z[k], v), (path, k, z[k])",
            "got = np.load(sys.argv[3])",
            "assert same(got, exp['l1/W']), got",
            "buf = io.BytesIO()",
            "np.save(buf, exp['l1/W'])",
            "assert open(sys.argv[3], 'rb').read() == buf.getvalue(), 'np.save writes other bytes'",
            "print('OK')",
            "");

    @Test
    void numpyLoadsWhatWeSave() throws IOException, InterruptedException {
        Assumptions.assumeTrue(pythonWithNumpy(), "python3 with numpy is not available");
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("l0/W", NdArray.wrap(new float[] {0.5f, -1.25f, 2f, 3.5f, -0.125f, 7f}, 2, 3));
        arrays.put("l0/b", NdArray.wrap(new float[] {0.1f, 0.2f, 0.3f}, 3));
        NdArray l1w = NdArray.wrap(new double[] {1.0 / 3.0, -2.5, 1e-300, 1e300, -0.0, Double.NaN}, 3, 2);
        arrays.put("l1/W", l1w);
        arrays.put("counts", NdArray.wrap(new long[] {0, -1, 1L << 62, Long.MIN_VALUE}, 4));
        arrays.put("mask", NdArray.wrap(new boolean[] {true, false, false, true}, 2, 2));
        arrays.put("scalar", NdArray.scalar(2.75));
        arrays.put("empty", NdArray.wrap(new float[0], 0, 3));
        Path stored = dir.resolve("stored.npz");
        Path compressed = dir.resolve("compressed.npz");
        Path single = dir.resolve("l1W.npy");
        Npz.save(stored, arrays);
        Npz.save(compressed, arrays, true);
        Npy.write(single, l1w);
        Path script = dir.resolve("check.py");
        Files.writeString(script, CHECK);
        List<String> out = run("python3", script.toString(), stored.toString(), compressed.toString(),
                single.toString());
        assertEquals("OK", out.get(out.size() - 1), String.join("\n", out));
    }

    private static boolean pythonWithNumpy() {
        try {
            return run("python3", "-c", "import numpy").isEmpty();
        } catch (IOException | InterruptedException | AssertionError e) {
            return false;
        }
    }

    /** Runs a command, returning its output lines; fails unless it exits 0 within two minutes. */
    private static List<String> run(String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("npz-interop", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
            assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + String.join("\n", lines));
            return lines;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
