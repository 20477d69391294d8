package dezero.models;

import dezero.Config;
import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ResNet 50/101/152 and their blocks: the reference's weight keys, shapes and counts, each block
 * against its definition written out with F, a seeded forward pass against the reference's output
 * and a saveWeights/loadWeights round trip.
 */
class ResNetTest {
    @TempDir
    Path dir;

    private static final List<String> BN = List.of("avg_mean", "avg_var", "gamma", "beta");

    private static void bottleneck(List<String> keys, String prefix, int convs) {
        for (int i = 1; i <= convs; i++) {
            keys.add(prefix + "conv" + i + "/W");
            for (String s : BN) {
                keys.add(prefix + "bn" + i + "/" + s);
            }
        }
    }

    /** The keys of the reference's resnet{50,101,152}.npz, from the classes of dezero/models.py. */
    static List<String> referenceKeys(int[] blocks) {
        List<String> keys = new ArrayList<>(List.of("conv1/W", "conv1/b"));
        for (String s : BN) {
            keys.add("bn1/" + s);
        }
        for (int stage = 0; stage < 4; stage++) {
            String res = "res" + (stage + 2) + "/";
            bottleneck(keys, res + "a/", 4);
            for (int b = 1; b < blocks[stage]; b++) {
                bottleneck(keys, res + "b" + b + "/", 3);
            }
        }
        keys.add("fc6/W");
        keys.add("fc6/b");
        return keys;
    }

    @Test
    void keysAreTheReferencesForEachDepth() {
        int[][] blocks = {{3, 4, 6, 3}, {3, 4, 23, 3}, {3, 8, 36, 3}};
        ResNet[] models = {new ResNet50(), new ResNet101(), new ResNet152()};
        int[] keyCounts = {268, 523, 778};
        for (int i = 0; i < models.length; i++) {
            Map<String, Parameter> params = models[i].flattenParams();
            List<String> keys = new ArrayList<>(params.keySet());
            assertEquals(keyCounts[i], keys.size(), "ResNet" + models[i].depth());
            assertEquals(new HashSet<>(referenceKeys(blocks[i])), new HashSet<>(keys), "ResNet" + models[i].depth());
            assertEquals(referenceKeys(blocks[i]), keys, "declaration order");
            assertNull(params.get("res3/a/conv2/W").data(), "sized at the first call");
        }
        assertEquals(List.of(50, 101, 152), List.of(models[0].depth(), models[1].depth(), models[2].depth()));
        assertTrue(models[2].flattenParams().containsKey("res4/b35/bn3/beta"));
        assertFalse(models[2].flattenParams().containsKey("res4/b36/bn3/beta"));
        assertFalse(models[0].flattenParams().containsKey("res2/b0/conv1/W"), "B blocks count from 1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ResNet(34));
        assertTrue(e.getMessage().contains("50, 101 or 152") && e.getMessage().contains("34"), e.getMessage());
        assertEquals("https://github.com/koki0702/dezero-models/releases/download/v0.1/resnet152.npz",
                ResNet.weightsUrl(152));
    }

    @Test
    void resNet50ForwardShapesCountsAndASaveLoadRoundTrip() throws Exception {
        NdRandom.seedGlobal(0);
        ResNet model = new ResNet50();
        NdArray x = NdRandom.global().randn(DType.FLOAT32, 2, 3, 64, 64);
        Variable train;
        try (Config.Scope g = Config.noGrad()) {
            train = model.apply(x); // train mode: batch statistics, running averages updated
        }
        assertArrayEquals(new int[] {2, 1000}, train.shape());
        Variable y;
        try (Config.Scope t = Config.testMode(); Config.Scope g = Config.noGrad()) {
            y = model.apply(x);
        }
        assertArrayEquals(new int[] {2, 1000}, y.shape());
        assertEquals(DType.FLOAT32, y.dtype());
        // the same seed, input and lazy draws in the reference (float64 there, float32 here)
        Map<String, NdArray> reference = ReferenceFixturesTest.io();
        // (train mode is the less well-conditioned: each BatchNorm divides by a batch's spread)
        ReferenceFixturesTest.assertCloseToMax("seeded train-mode output", reference.get("resnet50_seed0_y_train"),
                train.data(), 5e-4);
        ReferenceFixturesTest.assertCloseToMax("seeded test-mode output", reference.get("resnet50_seed0_y_test"),
                y.data(), 1e-4);

        Map<String, Parameter> p = model.flattenParams();
        assertArrayEquals(new int[] {64, 3, 7, 7}, p.get("conv1/W").shape());
        assertArrayEquals(new int[] {64}, p.get("conv1/b").shape());
        assertArrayEquals(new int[] {64, 64, 1, 1}, p.get("res2/a/conv1/W").shape());
        assertArrayEquals(new int[] {64, 64, 3, 3}, p.get("res2/a/conv2/W").shape());
        assertArrayEquals(new int[] {256, 64, 1, 1}, p.get("res2/a/conv4/W").shape());
        assertArrayEquals(new int[] {64, 256, 1, 1}, p.get("res2/b1/conv1/W").shape());
        assertArrayEquals(new int[] {1024, 512, 1, 1}, p.get("res4/a/conv4/W").shape());
        assertArrayEquals(new int[] {2048, 512, 1, 1}, p.get("res5/b2/conv3/W").shape());
        assertArrayEquals(new int[] {2048}, p.get("res5/b2/bn3/avg_var").shape());
        assertArrayEquals(new int[] {2048, 1000}, p.get("fc6/W").shape());
        long trained = 0;
        long all = 0;
        for (Map.Entry<String, Parameter> e : p.entrySet()) {
            all += e.getValue().data().size();
            if (!e.getKey().contains("avg_")) {
                trained += e.getValue().data().size();
            }
        }
        // torchvision's resnet50 has 25,557,032; the reference's conv1 also has a bias (64)
        assertEquals(25_557_032L + 64, trained);
        // plus the running mean and variance of the 26,560 batch-normalised channels
        assertEquals(25_557_032L + 64 + 2 * 26_560, all);
        assertTrue(p.get("res5/b2/bn3/avg_mean").data().abs().sum().item() > 0, "running averages were updated");

        Path file = dir.resolve("resnet50.npz");
        model.saveWeights(file);
        assertEquals(new ArrayList<>(p.keySet()), VGG16Test.npzKeys(file));
        ResNet loaded = new ResNet50(file);
        Variable y2;
        try (Config.Scope t = Config.testMode(); Config.Scope g = Config.noGrad()) {
            y2 = loaded.apply(x);
        }
        assertTrue(y.data().contentEquals(y2.data()), "the loaded model computes the same outputs");
    }

    /** Batch normalisation in test mode with fresh statistics: x / sqrt(1 + eps). */
    private static Variable freshBn(Variable x) {
        return x.div(Math.sqrt(1 + 2e-5));
    }

    private static Variable conv(Map<String, Parameter> p, String key, Variable x, int stride, int pad) {
        return F.conv2d(x, p.get(key), null, stride, pad);
    }

    @Test
    void bottlenecksComputeTheirDefinition() {
        NdRandom rng = new NdRandom(3);
        Variable x = new Variable(rng.randn(1, 8, 6, 6));
        for (boolean fb : new boolean[] {false, true}) {
            BottleneckA a = new BottleneckA(8, 4, 16, 2, fb);
            try (Config.Scope t = Config.testMode()) {
                Variable y = a.apply(x);
                assertArrayEquals(new int[] {1, 16, 3, 3}, y.shape());
                Map<String, Parameter> p = a.flattenParams();
                int s1 = fb ? 1 : 2;
                int s3 = fb ? 2 : 1;
                Variable h1 = F.relu(freshBn(conv(p, "conv1/W", x, s1, 0)));
                h1 = F.relu(freshBn(conv(p, "conv2/W", h1, s3, 1)));
                h1 = freshBn(conv(p, "conv3/W", h1, 1, 0));
                Variable h2 = freshBn(conv(p, "conv4/W", x, 2, 0));
                assertClose(F.relu(h1.add(h2)).data(), y.data());
            }
        }
        BottleneckB b = new BottleneckB(8, 4);
        try (Config.Scope t = Config.testMode()) {
            Variable y = b.apply(x);
            Map<String, Parameter> p = b.flattenParams();
            Variable h = F.relu(freshBn(conv(p, "conv1/W", x, 1, 0)));
            h = F.relu(freshBn(conv(p, "conv2/W", h, 1, 1)));
            h = freshBn(conv(p, "conv3/W", h, 1, 0));
            assertClose(F.relu(h.add(x)).data(), y.data());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.apply(new Variable(rng.randn(1, 6, 4, 4))));
        assertTrue(e.getMessage().contains("BottleneckB") && e.getMessage().contains("(1, 6, 4, 4)"), e.getMessage());
    }

    private static void assertClose(NdArray expected, NdArray actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        double[] ex = expected.toDoubleArray();
        double[] ac = actual.toDoubleArray();
        for (int i = 0; i < ex.length; i++) {
            assertEquals(ex[i], ac[i], 1e-12 * (1 + Math.abs(ex[i])), "element " + i);
        }
    }

    @Test
    void buildingBlockNamesItsBottlenecksAThenB1AndChainsThem() {
        BuildingBlock block = new BuildingBlock(3, 8, 4, 16, 2, false);
        assertEquals(3, block.size());
        List<String> expected = new ArrayList<>();
        bottleneck(expected, "a/", 4);
        bottleneck(expected, "b1/", 3);
        bottleneck(expected, "b2/", 3);
        assertEquals(expected, new ArrayList<>(block.flattenParams().keySet()));
        Variable y = block.apply(new Variable(new NdRandom(5).randn(2, 8, 7, 7)));
        assertArrayEquals(new int[] {2, 16, 4, 4}, y.shape());
        y.backward();
        assertArrayEquals(new int[] {16, 4, 1, 1}, block.flattenParams().get("b2/conv3/W").grad().shape());
        assertThrows(IllegalArgumentException.class, () -> new BuildingBlock(0, 8, 4, 16, 1, false));
    }

    @Test
    void globalAveragePoolingIsTheMeanOfEachChannel() {
        Variable x = new Variable(NdArray.arange(0, 24, 1).reshape(2, 3, 2, 2));
        // channel (n, c) holds 4k .. 4k+3, k = 3n + c: the mean is 4k + 1.5
        NdArray y = ResNet.globalAveragePooling(x).data();
        assertArrayEquals(new int[] {2, 3}, y.shape());
        for (int k = 0; k < 6; k++) {
            assertEquals(4 * k + 1.5, y.getFlat(k), 1e-12);
        }
    }

    @Test
    void badInputIsNamed() {
        ResNet model = new ResNet50();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.apply(NdArray.ones(DType.FLOAT32, 3, 32, 32)));
        assertTrue(e.getMessage().contains("ResNet") && e.getMessage().contains("(3, 32, 32)"), e.getMessage());
        // 4x4: conv1 gives 2x2, too small for the 3x3 max pooling
        e = assertThrows(IllegalArgumentException.class, () -> model.apply(NdArray.ones(DType.FLOAT32, 1, 3, 4, 4)));
        assertTrue(e.getMessage().contains("pooling") && e.getMessage().contains("3x3"), e.getMessage());
    }
}
