package dezero.models;

import dezero.Config;
import dezero.Parameter;
import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.util.zip.ZipFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * VGG16: the reference's weight keys, parameter shapes and counts, a seeded forward pass against
 * the reference's output and a saveWeights/loadWeights round trip. The full model at 224x224 (138M numbers, a 25088x4096 fc6) is
 * too big for a unit test; at 32x32 every layer but fc6 has its pretrained shape.
 */
class VGG16Test {
    @TempDir
    Path dir;

    /** The keys of the reference's vgg16.npz, from the layer list of dezero/models.py. */
    static List<String> referenceKeys() {
        int[] convsPerBlock = {2, 2, 3, 3, 3};
        List<String> keys = new ArrayList<>();
        for (int b = 0; b < convsPerBlock.length; b++) {
            for (int i = 1; i <= convsPerBlock[b]; i++) {
                keys.add("conv" + (b + 1) + "_" + i + "/W");
                keys.add("conv" + (b + 1) + "_" + i + "/b");
            }
        }
        for (int fc = 6; fc <= 8; fc++) {
            keys.add("fc" + fc + "/W");
            keys.add("fc" + fc + "/b");
        }
        return keys;
    }

    static long count(Map<String, Parameter> params) {
        long n = 0;
        for (Parameter p : params.values()) {
            n += p.data().size();
        }
        return n;
    }

    @Test
    void keysAreTheReferencesAndNothingIsAllocatedBeforeTheFirstCall() {
        VGG16 model = new VGG16();
        Map<String, Parameter> params = model.flattenParams();
        assertEquals(referenceKeys(), new ArrayList<>(params.keySet()));
        assertEquals(32, params.size());
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            if (e.getKey().endsWith("/W")) {
                assertNull(e.getValue().data(), e.getKey() + " is drawn at the first call");
            }
        }
        assertEquals(new ArrayList<>(model.convolutions().keySet()),
                List.of("conv1_1", "conv1_2", "conv2_1", "conv2_2", "conv3_1", "conv3_2", "conv3_3", "conv4_1",
                        "conv4_2", "conv4_3", "conv5_1", "conv5_2", "conv5_3"));
        assertEquals(List.of("fc6", "fc7", "fc8"), new ArrayList<>(model.fullyConnected().keySet()));
    }

    @Test
    void forwardShapesCountsAndASaveLoadRoundTrip() throws Exception {
        NdRandom.seedGlobal(0);
        VGG16 model = new VGG16();
        NdArray x = NdRandom.global().randn(DType.FLOAT32, 1, 3, 32, 32);
        Variable y;
        try (Config.Scope t = Config.testMode(); Config.Scope g = Config.noGrad()) {
            y = model.apply(x);
        }
        assertArrayEquals(new int[] {1, 1000}, y.shape());
        assertEquals(DType.FLOAT32, y.dtype());
        // the same seed, input and lazy draws in the reference (float64 there, float32 here)
        ReferenceFixturesTest.assertCloseToMax("seeded VGG16 output",
                ReferenceFixturesTest.io().get("vgg16_seed0_y"), y.data(), 1e-4);

        Map<String, Parameter> p = model.flattenParams();
        assertArrayEquals(new int[] {64, 3, 3, 3}, p.get("conv1_1/W").shape());
        assertArrayEquals(new int[] {64, 64, 3, 3}, p.get("conv1_2/W").shape());
        assertArrayEquals(new int[] {256, 128, 3, 3}, p.get("conv3_1/W").shape());
        assertArrayEquals(new int[] {512, 512, 3, 3}, p.get("conv5_3/W").shape());
        assertArrayEquals(new int[] {512}, p.get("conv5_3/b").shape());
        assertArrayEquals(new int[] {512, 4096}, p.get("fc6/W").shape()); // 32x32 input: 512x1x1 features
        assertArrayEquals(new int[] {4096, 4096}, p.get("fc7/W").shape());
        assertArrayEquals(new int[] {4096, 1000}, p.get("fc8/W").shape());
        assertArrayEquals(new int[] {1000}, p.get("fc8/b").shape());
        long convs = 0;
        for (Map.Entry<String, Parameter> e : p.entrySet()) {
            if (e.getKey().startsWith("conv")) {
                convs += e.getValue().data().size();
            }
        }
        assertEquals(14_714_688L, convs, "the convolutions' numbers (Keras's VGG16 without top)");
        // At 224x224 the features are 512 x 7 x 7, so fc6/W is (25088, 4096): the published total.
        long fc6At224 = 512L * 7 * 7 * 4096 + 4096;
        long fc7AndFc8 = count(p) - convs - p.get("fc6/W").data().size() - p.get("fc6/b").data().size();
        assertEquals(138_357_544L, convs + fc6At224 + fc7AndFc8);

        // every layer's output by name, as Grad-CAM reads conv5_3's (before its ReLU)
        Map<String, Variable> outputs = new LinkedHashMap<>();
        Variable yr;
        try (Config.Scope t = Config.testMode()) {
            yr = model.apply(new Variable(x), outputs);
        }
        List<String> names = new ArrayList<>(model.convolutions().keySet());
        names.addAll(model.fullyConnected().keySet());
        assertEquals(names, new ArrayList<>(outputs.keySet()));
        assertTrue(yr.data().contentEquals(y.data()));
        assertTrue(outputs.get("fc8").data().contentEquals(y.data()));
        assertArrayEquals(new int[] {1, 64, 32, 32}, outputs.get("conv1_1").shape());
        assertArrayEquals(new int[] {1, 512, 2, 2}, outputs.get("conv5_3").shape());
        assertTrue(outputs.get("conv5_3").data().min().item() < 0, "before the ReLU");
        int top = (int) yr.data().argmax().item();
        yr.getItem(dezero.ndarray.Index.at(0), dezero.ndarray.Index.at(top)).backward(true);
        assertArrayEquals(new int[] {1, 512, 2, 2}, outputs.get("conv5_3").grad().shape());
        model.cleargrads();   // free the gradients and the graph before the round trip
        outputs.clear();

        Path file = dir.resolve("vgg16.npz");
        model.saveWeights(file);
        assertEquals(referenceKeys(), npzKeys(file));
        VGG16 loaded = new VGG16(file);
        Variable y2;
        try (Config.Scope t = Config.testMode(); Config.Scope g = Config.noGrad()) {
            y2 = loaded.apply(x);
        }
        assertTrue(y.data().contentEquals(y2.data()), "the loaded model computes the same outputs");

        // the features part alone: five 2x2 poolings divide the size by 32
        try (Config.Scope g = Config.noGrad()) {
            assertArrayEquals(new int[] {1, 512, 2, 2}, loaded.features(new Variable(
                    NdRandom.global().randn(DType.FLOAT32, 1, 3, 64, 64))).shape());
            // once sized for 32x32 inputs, fc6 rejects the 2048 features of a 64x64 input
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loaded.apply(NdRandom.global().randn(DType.FLOAT32, 1, 3, 64, 64)));
            assertTrue(e.getMessage().contains("Linear") && e.getMessage().contains("(1, 2048)"), e.getMessage());
        }
    }

    @Test
    void badInputAndUnfittingWeightsAreNamed() throws IOException {
        VGG16 model = new VGG16();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.apply(NdArray.ones(DType.FLOAT32, 3, 32, 32)));
        assertTrue(e.getMessage().contains("VGG16") && e.getMessage().contains("(3, 32, 32)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model.apply(NdArray.ones(DType.FLOAT32, 1, 3, 16, 16)));
        assertTrue(e.getMessage().contains("VGG16") && e.getMessage().contains("(1, 3, 16, 16)"), e.getMessage());

        Path other = dir.resolve("mlp.npz");
        MLP mlp = new MLP(new int[] {3});
        mlp.apply(NdArray.ones(DType.FLOAT32, 1, 2));
        mlp.saveWeights(other);
        IOException io = assertThrows(IOException.class, () -> new VGG16(other));
        assertTrue(io.getMessage().contains("missing weight 'conv1_1/W'") && io.getMessage().contains("'l0/W'"),
                io.getMessage());
        assertNull(new VGG16(null).flattenParams().get("fc6/W").data(), "no file: random (lazy) weights");
    }

    /** The array names in an .npz, read from the zip directory (without loading the arrays). */
    static List<String> npzKeys(Path file) throws IOException {
        List<String> keys = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            zip.stream().forEach(e -> keys.add(e.getName().substring(0, e.getName().length() - ".npy".length())));
        }
        return keys;
    }
}
