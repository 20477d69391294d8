package dezero.utils;

import dezero.models.MLP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dezero.utils.NpzHostileTest.npy;
import static dezero.utils.NpzHostileTest.zip;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile headers, interrupted saves, piped archives and memory limits (issue 13, items 1, 8, 9 and NpzLimits). */
class NpzHardeningTest {
    @TempDir
    Path dir;

    private static void assertMessage(Exception e, String... fragments) {
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + e.getMessage() + "' should mention '" + f + "'");
        }
    }

    @Test
    void aHeaderNestedThousandsDeepIsAFormatErrorNotAStackOverflow() throws IOException {
        int depth = 4_000;
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + "(".repeat(depth) + "2,"
                + ")".repeat(depth) + ", }";
        byte[] bytes = npy(dict, new byte[16]);
        assertTrue(bytes.length > 8_000 && bytes.length < 10_000, "a file of about 9.8 KB: " + bytes.length);
        Path file = dir.resolve("deep.npy");
        Files.write(file, bytes);
        assertMessage(assertThrows(NpyFormatException.class, () -> Npy.read(file)), file.toString(), "nested deeper");
        assertMessage(assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(bytes))),
                "nested deeper");
        Path npz = dir.resolve("deep.npz");
        Files.write(npz, zip(true, "l0/W.npy", bytes));
        assertMessage(assertThrows(NpyFormatException.class, () -> Npz.load(npz)), "entry 'l0/W.npy'", "nested deeper");
        assertMessage(assertThrows(NpyFormatException.class,
                () -> Npz.load(new ByteArrayInputStream(Files.readAllBytes(npz)))), "nested deeper");
        assertMessage(assertThrows(NpyFormatException.class, () -> new MLP(new int[] {2}).loadWeights(npz)),
                "nested deeper");
        // a list of tuples (a structured dtype) is still named as such, not as too deep
        String structured = "{'descr': [('a', '<f4', (2,))], 'fortran_order': False, 'shape': (1,), }";
        assertMessage(assertThrows(NpyFormatException.class,
                () -> Npy.read(new ByteArrayInputStream(npy(structured, new byte[8])))), "structured dtypes");
    }
}
