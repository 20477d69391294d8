package dezero.datasets;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.transforms.ToFloat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static dezero.datasets.MnistFixtures.dirWith;
import static dezero.datasets.MnistFixtures.gzip;
import static dezero.datasets.MnistFixtures.raw;
import static dezero.datasets.MnistFixtures.sliceDir;
import static dezero.datasets.MnistFixtures.withInt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MnistTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheSliceWithTheReferenceTransform() throws IOException {
        MNIST train = MNIST.fromDirectory(sliceDir(), true);
        MNIST test = MNIST.fromDirectory(sliceDir(), false);
        assertEquals(100, train.size());
        assertEquals(50, test.size());
        assertTrue(train.train());
        byte[] pixels = raw(MNIST.TRAIN_IMAGES);
        byte[] labels = raw(MNIST.TRAIN_LABELS);
        for (int i : new int[] {0, 1, 57, 99}) {
            Example e = train.get(i);
            assertEquals(DType.FLOAT32, e.x().dtype());
            assertArrayEquals(new int[] {784}, e.x().shape());
            float[] expected = new float[784];
            for (int p = 0; p < 784; p++) {
                expected[p] = (pixels[16 + i * 784 + p] & 0xff) / 255f;
            }
            assertArrayEquals(expected, e.x().floatData(), 0f, "image " + i);
            assertEquals(DType.INT64, e.t().dtype());
            assertEquals(labels[8 + i], (long) e.t().item());
        }
        assertEquals(raw(MNIST.TEST_LABELS)[8 + 49], (long) test.get(-1).t().item());
    }

    @Test
    void batchesEqualStackedExamples() throws IOException {
        MNIST train = MNIST.fromDirectory(sliceDir(), true);
        int[] idx = {5, 0, 99, 5};
        Batch b = train.getBatch(idx);
        assertArrayEquals(new int[] {4, 784}, b.x().shape());
        assertArrayEquals(new int[] {4}, b.t().shape());
        for (int k = 0; k < idx.length; k++) {
            Example e = train.get(idx[k]);
            assertArrayEquals(e.x().floatData(), Arrays.copyOfRange(b.x().floatData(), k * 784, k * 784 + 784), 0f);
            assertEquals(e.t().item(), b.t().getFlat(k));
        }
    }

    @Test
    void withoutTransformImagesAreIntegerChw() throws IOException {
        MNIST raw = MNIST.fromDirectory(sliceDir(), true, null, null);
        NdArray x = raw.get(3).x();
        assertEquals(DType.INT64, x.dtype());
        assertArrayEquals(new int[] {1, 28, 28}, x.shape());
        assertEquals(raw(MNIST.TRAIN_IMAGES)[16 + 3 * 784 + 14 * 28 + 14] & 0xff, (long) x.get(0, 14, 14));
        MNIST floats = MNIST.fromDirectory(sliceDir(), true, new ToFloat(), null);
        assertArrayEquals(new int[] {2, 1, 28, 28}, floats.getBatch(0, 1).x().shape());
    }

    @Test
    void readsUncompressedFiles() throws IOException {
        for (String name : new String[] {MNIST.TEST_IMAGES, MNIST.TEST_LABELS}) {
            Files.write(tmp.resolve(name.replace(".gz", "")), raw(name));
        }
        MNIST plain = MNIST.fromDirectory(tmp, false);
        MNIST gz = MNIST.fromDirectory(sliceDir(), false);
        assertArrayEquals(gz.getBatch(0, 49).x().floatData(), plain.getBatch(0, 49).x().floatData(), 0f);
    }

    private IOException broken(String file, byte[] content, boolean train) throws IOException {
        Path dir = dirWith(tmp, file, content);
        return assertThrows(IOException.class, () -> MNIST.fromDirectory(dir, train));
    }

    private static void assertMentions(IOException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' should mention '" + p + "'");
        }
    }

    @Test
    void badMagicIsRejected() throws IOException {
        assertMentions(broken(MNIST.TRAIN_IMAGES, gzip(raw(MNIST.TRAIN_LABELS)), true),
                MNIST.TRAIN_IMAGES, "bad magic number 2049", "2051");
        assertMentions(broken(MNIST.TRAIN_LABELS, gzip(withInt(raw(MNIST.TRAIN_LABELS), 0, 0x12345678)), true),
                MNIST.TRAIN_LABELS, "bad magic");
    }

    @Test
    void truncatedGzipIsRejected() throws IOException {
        byte[] gz = MnistFixtures.bytes(sliceDir().resolve(MNIST.TRAIN_IMAGES));
        assertMentions(broken(MNIST.TRAIN_IMAGES, Arrays.copyOf(gz, gz.length / 2), true), MNIST.TRAIN_IMAGES, "gzip");
        assertMentions(broken(MNIST.TRAIN_IMAGES, new byte[0], true), MNIST.TRAIN_IMAGES, "too short");
    }

    @Test
    void dataShorterOrLongerThanTheHeaderIsRejected() throws IOException {
        byte[] images = raw(MNIST.TEST_IMAGES);
        assertMentions(broken(MNIST.TEST_IMAGES, gzip(Arrays.copyOf(images, images.length - 1)), false),
                MNIST.TEST_IMAGES, "truncated", "39200");
        assertMentions(broken(MNIST.TEST_IMAGES, gzip(Arrays.copyOf(images, images.length + 784)), false),
                MNIST.TEST_IMAGES, "more data than the header");
        assertMentions(broken(MNIST.TEST_IMAGES, gzip(Arrays.copyOf(images, 10)), false),
                MNIST.TEST_IMAGES, "truncated IDX header");
    }

    @Test
    void countMismatchIsRejected() throws IOException {
        byte[] labels = raw(MNIST.TEST_LABELS);
        byte[] fewer = Arrays.copyOf(withInt(labels, 4, 49), labels.length - 1);
        assertMentions(broken(MNIST.TEST_LABELS, gzip(fewer), false), "50 images", "49 labels");
    }

    @Test
    void wrongImageSizeIsRejected() throws IOException {
        byte[] images = raw(MNIST.TEST_IMAGES);
        byte[] reshaped = withInt(withInt(images, 8, 56), 12, 14);   // 50 x 56 x 14: same byte count
        assertMentions(broken(MNIST.TEST_IMAGES, gzip(reshaped), false), MNIST.TEST_IMAGES, "56 x 14", "28 x 28");
    }

    @Test
    void hostileHeaderIsRejectedWithoutAllocatingIt() throws IOException {
        byte[] images = raw(MNIST.TEST_IMAGES);
        byte[] huge = withInt(images, 4, Integer.MAX_VALUE);
        assertMentions(broken(MNIST.TEST_IMAGES, gzip(huge), false), MNIST.TEST_IMAGES, "more than");
        byte[] big = withInt(images, 4, 1_000_000);    // 784 MB declared, 39 KB present: beyond IdxFile's limit
        assertMentions(broken(MNIST.TEST_IMAGES, gzip(big), false), MNIST.TEST_IMAGES, "784000000 data bytes",
                "limit of");
    }

    @Test
    void labelOutOfRangeIsRejected() throws IOException {
        byte[] labels = raw(MNIST.TEST_LABELS);
        labels[8 + 7] = 10;
        assertMentions(broken(MNIST.TEST_LABELS, gzip(labels), false), MNIST.TEST_LABELS, "label 10 at index 7");
    }

    @Test
    void missingFilesAreNamed() {
        IOException e = assertThrows(IOException.class, () -> MNIST.fromDirectory(tmp, true));
        assertMentions(e, MNIST.TRAIN_IMAGES, tmp.toString());
    }

    @Test
    void readsTheSharedTenThousandWhenPresent() throws IOException {
        Path shared = MnistFixtures.sharedDir();
        Assumptions.assumeTrue(shared != null, "shared/data/mnist-10k is not in this checkout");
        MNIST train = MNIST.fromDirectory(shared, true);
        MNIST test = MNIST.fromDirectory(shared, false);
        assertEquals(8000, train.size());
        assertEquals(2000, test.size());
        MNIST slice = MNIST.fromDirectory(sliceDir(), true);
        int[] first = new int[100];
        for (int i = 0; i < first.length; i++) {
            first[i] = i;
        }
        assertArrayEquals(slice.getBatch(first).x().floatData(), train.getBatch(first).x().floatData(), 0f);
        long[] perClass = new long[10];
        for (int i = 0; i < test.size(); i++) {
            perClass[(int) test.get(i).t().item()]++;
        }
        for (long c : perClass) {
            assertTrue(c > 0, "every digit occurs in the test set: " + Arrays.toString(perClass));
        }
    }
}
