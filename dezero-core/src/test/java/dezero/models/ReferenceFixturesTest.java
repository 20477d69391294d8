package dezero.models;

import dezero.Config;
import dezero.Parameter;
import dezero.Variable;
import dezero.layers.Conv2d;
import dezero.layers.Deconv2d;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.utils.Npz;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against files written by the reference DeZero (see {@code resources/models/README.md}): its saved
 * ResNet stage loads here and computes the same outputs, and seeded lazy initialisation draws the
 * reference's weights.
 */
class ReferenceFixturesTest {
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ReferenceFixturesTest.class.getResource("/models/" + name).toURI());
    }

    static Map<String, NdArray> io() throws IOException, URISyntaxException {
        return Npz.load(resource("reference_io.npz"));
    }

    static void assertClose(String what, NdArray expected, NdArray actual, double rtol, double atol) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], atol + rtol * Math.abs(e[i]), what + ": element " + i);
        }
    }

    /** Every element within {@code tol * max|expected|} (float32 against the reference's float64 through deep nets). */
    static void assertCloseToMax(String what, NdArray expected, NdArray actual, double tol) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        double max = 0;
        double worst = 0;
        for (int i = 0; i < e.length; i++) {
            max = Math.max(max, Math.abs(e[i]));
            worst = Math.max(worst, Math.abs(e[i] - a[i]));
        }
        assertTrue(max > 0 && worst <= tol * max, what + ": max |difference| " + worst + " > " + tol + " * " + max);
    }

    private static BuildingBlock block() {
        return new BuildingBlock(3, 4, 2, 8, 2, false);
    }

    @Test
    void aResNetStageSavedByTheReferenceLoadsAndComputesTheSame() throws Exception {
        Map<String, NdArray> io = io();
        Path file = resource("building_block_dezero.npz");
        BuildingBlock ours = block();
        assertEquals(Npz.load(file).keySet(), new HashSet<>(ours.flattenParams().keySet()));
        ours.loadWeights(file);
        try (Config.Scope t = Config.testMode()) {
            // float64 weights as the reference saved them, so float64 arithmetic as there
            assertClose("test-mode output", io.get("y_test"), ours.apply(io.get("x")).data(), 1e-10, 1e-12);
        }
        BuildingBlock fresh = block();
        fresh.loadWeights(file);
        // train mode normalises with the batch statistics; gamma = 1 and beta = 0 were saved
        assertClose("train-mode output", io.get("y_train"), fresh.apply(io.get("x")).data(), 1e-10, 1e-12);
    }

    @Test
    void seededLazyInitialisationDrawsTheReferencesWeights() throws Exception {
        Map<String, NdArray> io = io();
        Map<String, NdArray> saved = Npz.load(resource("building_block_dezero.npz"));
        NdRandom.seedGlobal(0);
        BuildingBlock ours = block();
        Variable y = ours.apply(io.get("x"));
        // float32 here (weak Java scale), float64 in the reference: compare at float32 precision
        for (Map.Entry<String, Parameter> e : ours.flattenParams().entrySet()) {
            assertEquals(DType.FLOAT32, e.getValue().data().dtype(), e.getKey());
            assertClose(e.getKey(), saved.get(e.getKey()), e.getValue().data(), 1e-5, 1e-6);
        }
        assertClose("train-mode output", io.get("y_train"), y.data(), 1e-4, 1e-5);

        NdRandom.seedGlobal(1);
        Conv2d conv = new Conv2d(4, new int[] {2, 3}, new int[] {2, 1}, new int[] {1, 0}, false, DType.FLOAT32, null);
        Variable convY = conv.apply(io.get("conv_x"));
        Deconv2d deconv = new Deconv2d(2, new int[] {3, 2}, new int[] {2, 3}, new int[] {1, 0}, false, DType.FLOAT32,
                null);
        Variable deconvY = deconv.apply(io.get("conv_x"));
        assertClose("Conv2d W", io.get("conv_W"), conv.weight().data(), 1e-6, 1e-7);
        assertClose("Conv2d output", io.get("conv_y"), convY.data(), 1e-5, 1e-5);
        assertClose("Deconv2d W", io.get("deconv_W"), deconv.weight().data(), 1e-6, 1e-7);
        assertClose("Deconv2d output", io.get("deconv_y"), deconvY.data(), 1e-5, 1e-5);
    }
}
