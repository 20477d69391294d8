package dezero.layers;

import dezero.Variable;
import dezero.models.MLP;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.utils.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layer.saveWeights / loadWeights: DeZero's key names, NumPy-written files, strict checks, no partial loads. */
class WeightsTest {
    @TempDir
    Path dir;

    private static Path fixture(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path p = dir.resolve("mlp_3_2_numpy.npz");
        Files.deleteIfExists(p);
        try (InputStream in = WeightsTest.class.getResourceAsStream("/weights/mlp_3_2_numpy.npz")) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void aFileWrittenByNumPyLoadsIntoALazyMlpAndPredictsAsNumPyDid() throws IOException {
        MLP model = new MLP(new int[] {3, 2});
        model.loadWeights(fixture(dir));
        Variable y = model.apply(NdArray.ones(1, 4));
        // NumPy: sigmoid(ones(1,4) @ W0 + b0) @ W1 + b1 with the fixture's weights (see weights/README.md)
        assertArrayEquals(new double[] {1.01822082, -0.30684656}, y.data().toDoubleArray(), 1e-8);
        assertEquals(DType.FLOAT64, model.flattenParams().get("l0/b").data().dtype(), "the file's precision, as DeZero");
    }

    @Test
    void saveThenLoadRoundTripsEveryParameterWithDeZeroKeys() throws IOException {
        NdRandom.seedGlobal(0);
        MLP a = new MLP(new int[] {5, 3});
        NdArray x = new NdRandom(1).randn(2, 4);
        NdArray ya = a.apply(x).data();
        Path file = dir.resolve("w.npz");
        a.saveWeights(file);
        assertEquals(List.of("l0/W", "l0/b", "l1/W", "l1/b"), List.copyOf(Npz.load(file).keySet()));

        MLP b = new MLP(new int[] {5, 3});
        b.loadWeights(file);
        assertArrayEquals(ya.toDoubleArray(), b.apply(x).data().toDoubleArray(), 0.0);
        assertEquals(a.params().size(), b.params().size());
    }

    @Test
    void aModelThatNeverRanSavesOnlyItsInitialisedWeights() throws IOException {
        MLP model = new MLP(new int[] {2});
        Path file = dir.resolve("lazy.npz");
        model.saveWeights(file);
        assertEquals(List.of("l0/b"), List.copyOf(Npz.load(file).keySet()), "W does not exist before the first call");
    }

    @Test
    void mismatchedShapesDtypesAndNamesAreRejectedWithoutTouchingTheModel() throws IOException {
        MLP model = new MLP(new int[] {3, 2});
        model.apply(NdArray.ones(1, 5)); // l0/W is (5, 3): the file's (4, 3) does not fit
        NdArray before = model.flattenParams().get("l0/W").data();
        IOException e = assertThrows(IOException.class, () -> model.loadWeights(fixture(dir)));
        assertTrue(e.getMessage().contains("'l0/W' has shape (4, 3) in the file but (5, 3) in the model"), e.getMessage());
        assertTrue(model.flattenParams().get("l0/W").data() == before, "nothing assigned on failure");
        assertArrayEquals(new double[] {0, 0}, model.flattenParams().get("l1/b").data().toDoubleArray(), 0.0);

        Map<String, NdArray> extra = new LinkedHashMap<>(Npz.load(fixture(dir.resolve("sub"))));
        extra.put("l2/W", NdArray.ones(2, 2));
        extra.remove("l1/b");
        Path bad = dir.resolve("bad.npz");
        Npz.save(bad, extra);
        IOException e2 = assertThrows(IOException.class, () -> new MLP(new int[] {3, 2}).loadWeights(bad));
        assertTrue(e2.getMessage().contains("missing weight 'l1/b'"), e2.getMessage());
        assertTrue(e2.getMessage().contains("'l2/W', which is not a parameter"), e2.getMessage());

        Map<String, NdArray> ints = new LinkedHashMap<>(Npz.load(fixture(dir.resolve("sub2"))));
        ints.put("l1/b", NdArray.array(new long[] {1, 2}));
        Path intFile = dir.resolve("ints.npz");
        Npz.save(intFile, ints);
        IOException e3 = assertThrows(IOException.class, () -> new MLP(new int[] {3, 2}).loadWeights(intFile));
        assertTrue(e3.getMessage().contains("'l1/b' is int64 in the file but float32 in the model"), e3.getMessage());
    }

    @Test
    void aCorruptFileRaisesAndLeavesTheModelAsItWas() throws IOException {
        MLP model = new MLP(new int[] {3, 2});
        Path file = dir.resolve("corrupt.npz");
        byte[] good = Files.readAllBytes(fixture(dir));
        Files.write(file, java.util.Arrays.copyOf(good, good.length / 2));
        assertThrows(IOException.class, () -> model.loadWeights(file));
        assertNull(model.flattenParams().get("l0/W").data());
    }
}
