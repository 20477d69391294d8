package dezero.transforms;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageTransformsTest {
    @TempDir
    Path tmp;

    /** The 5 x 7 float image the PIL values below were computed from: value i = ((37 i) mod 23) / 3. */
    private static NdArray pilTestImage() {
        float[] v = new float[35];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (((i * 37) % 23) / 3.0);
        }
        return NdArray.wrap(v, 1, 5, 7);
    }

    /** Expected values from Pillow 9.4 {@code Image.frombytes('F', (7, 5), ...).resize(size, Image.BILINEAR)}. */
    @Test
    void resizeMatchesPillowOnFloatImages() {
        NdArray img = pilTestImage();
        assertArrayEquals(new float[] {2.857142686843872f, 3.7892158031463623f, 3.142857074737549f, 3.8214285373687744f,
                3.566993474960327f, 4.335317611694336f, 3.279761791229248f, 3.532679796218872f, 4.113095283508301f,
                2.875f, 4.024509906768799f, 3.297619104385376f}, resized(img, 3, 4));
        assertArrayEquals(new float[] {2.0f, 3.4166665077209473f, 4.261363506317139f, 3.3810606002807617f,
                3.1803030967712402f, 3.763636350631714f, 4.8522725105285645f, 2.9962122440338135f, 3.492424249649048f,
                4.909090995788574f, 3.560606002807617f, 3.443939447402954f, 3.034090757369995f, 2.153787851333618f,
                3.7651515007019043f, 4.348484992980957f, 3.7643940448760986f, 3.859848737716675f, 3.798485040664673f,
                3.6818182468414307f}, resized(img, 10, 2));
        assertArrayEquals(new float[] {3.1007752418518066f, 3.147286891937256f, 3.852713108062744f, 3.8992247581481934f,
                3.534883737564087f, 4.294573783874512f, 3.038759708404541f, 3.7984495162963867f, 3.4341084957122803f,
                3.4806201457977295f}, resized(img, 2, 5));
        assertArrayEquals(new float[] {0.8571428656578064f, 5.523809432983398f, 2.5238094329833984f, 3.904762029647827f,
                4.190476417541504f, 1.1904761791229248f, 5.857142925262451f}, java.util.Arrays.copyOf(resized(img, 7, 3), 7));
    }

    private static float[] resized(NdArray img, int w, int h) {
        NdArray out = new Resize(w, h).apply(img);
        assertArrayEquals(new int[] {1, h, w}, out.shape());
        assertEquals(DType.FLOAT32, out.dtype());
        return out.floatData();
    }

    /** Pillow 9.4's mode-L results on the 5 x 7 bytes (37 i) mod 256, resized to (3, 4), (10, 2) and (4, 9). */
    @Test
    void resizeOfIntegerImagesRoundsLikePillow() {
        long[] v = new long[35];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 37) % 256;
        }
        NdArray out = new Resize(3, 4).apply(NdArray.wrap(v, 5, 7));
        assertEquals(DType.INT64, out.dtype());
        assertArrayEquals(new long[] {33, 112, 191, 36, 115, 194, 40, 119, 198, 43, 122, 201}, out.longData());
        assertArrayEquals(new long[] {3, 23, 49, 75, 101, 127, 153, 179, 205, 225, 9, 29, 55, 81, 107, 133, 159, 185,
                211, 231}, new Resize(10, 2).apply(NdArray.wrap(v, 5, 7)).longData());
        assertArrayEquals(new long[] {19, 77, 145, 203, 20, 78, 146, 204, 22, 80, 148, 206, 23, 81, 149, 207, 25, 83,
                151, 209, 27, 85, 153, 211, 28, 86, 154, 212, 30, 88, 156, 214, 31, 89, 157, 215},
                new Resize(4, 9).apply(NdArray.wrap(v, 5, 7)).longData());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Resize(2).apply(NdArray.wrap(new long[] {0, 256, 3, 4}, 2, 2)));
        assertTrue(e.getMessage().contains("256"), e.getMessage());
    }

    @Test
    void resizeHandValuesAndChannels() {
        NdArray row = NdArray.array(new double[][] {{0, 1, 2, 3}});
        // halving widens the triangle filter to support 2: output 0 (centre 1) weighs inputs 0, 1, 2 by
        // 0.75, 0.75, 0.25, output 1 (centre 3) weighs inputs 1, 2, 3 by 0.25, 0.75, 0.75; both divided by 1.75
        assertArrayEquals(new double[] {1.25 / 1.75, 4.0 / 1.75}, new Resize(2, 1).apply(row).doubleData(), 1e-15);
        NdArray constant = NdArray.full(7, DType.FLOAT64, 3, 4, 6);
        NdArray out = new Resize(5).apply(constant);
        assertArrayEquals(new int[] {3, 5, 5}, out.shape());
        for (double d : out.doubleData()) {
            assertEquals(7.0, d, 1e-12);
        }
        NdArray same = new Resize(6, 4).apply(constant);
        assertArrayEquals(constant.doubleData(), same.doubleData());
        NdArray batch = NdArray.full(2, DType.FLOAT32, 2, 3, 4, 6);
        assertArrayEquals(new int[] {2, 3, 2, 2}, new Resize(2).applyBatch(batch).shape());
        assertThrows(IllegalArgumentException.class, () -> new Resize(0));
        assertThrows(IllegalArgumentException.class, () -> new Resize(2).apply(NdArray.zeros(4)));
    }

    @Test
    void centerCropAsTheReference() {
        NdArray x = NdArray.arange(16).astype(DType.INT64).reshape(1, 4, 4);
        assertArrayEquals(new long[] {5, 6, 9, 10}, new CenterCrop(2).apply(x).longData());
        // odd difference: left = (4 - 3) // 2 = 0, so the extra column is dropped on the right
        assertArrayEquals(new long[] {0, 1, 2, 4, 5, 6, 8, 9, 10}, new CenterCrop(3).apply(x).longData());
        // (width 2, height 1): rows (4 - 1) // 2 = 1
        assertArrayEquals(new long[] {5, 6}, new CenterCrop(2, 1).apply(x).longData());
        // larger than the image: zero padding, PIL's (6 - 4) // 2 = 1 on each side
        NdArray padded = new CenterCrop(6, 4).apply(x.reshape(4, 4));
        assertArrayEquals(new int[] {4, 6}, padded.shape());
        assertArrayEquals(new long[] {0, 0, 1, 2, 3, 0}, java.util.Arrays.copyOf(padded.longData(), 6));
        assertArrayEquals(new int[] {2, 1, 2, 2}, new CenterCrop(2).applyBatch(NdArray.zeros(2, 1, 4, 4)).shape());
    }

    @Test
    void randomHorizontalFlip() {
        NdArray x = NdArray.arange(6).astype(DType.INT64).reshape(1, 2, 3);
        assertArrayEquals(new long[] {2, 1, 0, 5, 4, 3}, new RandomHorizontalFlip(1.0).apply(x).longData());
        assertSame(x, new RandomHorizontalFlip(0.0).apply(x));
        RandomHorizontalFlip half = new RandomHorizontalFlip(0.5, new NdRandom(0));
        NdRandom same = new NdRandom(0);
        for (int i = 0; i < 20; i++) {
            boolean flips = same.nextDouble() < 0.5;
            assertEquals(flips ? 2L : 0L, (long) half.apply(x).getFlat(0), "draw " + i);
        }
        // a batch flips each image on its own draw
        NdArray batch = NdArray.arange(12).astype(DType.INT64).reshape(4, 1, 1, 3);
        NdArray out = new RandomHorizontalFlip(0.5, new NdRandom(1)).applyBatch(batch);
        NdRandom replay = new NdRandom(1);
        for (int i = 0; i < 4; i++) {
            long first = replay.nextDouble() < 0.5 ? 3L * i + 2 : 3L * i;
            assertEquals(first, (long) out.getFlat(3 * i));
        }
        assertThrows(IllegalArgumentException.class, () -> new RandomHorizontalFlip(1.5));
    }

    @Test
    void toArrayAndToImageRoundTrip() throws IOException {
        BufferedImage rgb = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xff0000);
        rgb.setRGB(2, 1, 0x10a0ff);
        NdArray x = new ToArray().apply(rgb);
        assertEquals(DType.FLOAT32, x.dtype());
        assertArrayEquals(new int[] {3, 2, 3}, x.shape());
        assertEquals(255.0, x.get(0, 0, 0));
        assertEquals(0.0, x.get(1, 0, 0));
        assertEquals(0x10, x.get(0, 1, 2));
        assertEquals(0xa0, x.get(1, 1, 2));
        assertEquals(0xff, x.get(2, 1, 2));
        Path png = tmp.resolve("rgb.png");
        ImageIO.write(ToImage.of(x), "png", png.toFile());
        assertArrayEquals(x.floatData(), ToArray.read(png).floatData());

        NdArray grey = NdArray.wrap(new double[] {0, 127.6, 300, -5}, 1, 2, 2);
        BufferedImage g = ToImage.of(grey);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, g.getType());
        assertArrayEquals(new double[] {0, 128, 255, 0}, new ToArray(DType.FLOAT64).apply(g).doubleData());
        NdArray a = NdArray.zeros(2, 2);
        assertSame(a, new ToArray().apply(a));
        Files.write(tmp.resolve("not.png"), new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> ToArray.read(tmp.resolve("not.png")));
        assertTrue(e.getMessage().contains("not.png"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ToImage.of(NdArray.zeros(2, 2, 2)));
    }
}
