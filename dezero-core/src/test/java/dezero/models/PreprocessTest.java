package dezero.models;

import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.utils.Npz;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** VGG16.preprocess and ResNet.preprocess: RGB to BGR, mean pixel subtracted, HWC to CHW, float32, resizing. */
class PreprocessTest {
    /** A 2x3 RGB picture: pixel (y, x) is (10y + x, 100 + 10y + x, 200 + 10y + x). */
    private static NdArray rgb() {
        double[] v = new double[2 * 3 * 3];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                for (int c = 0; c < 3; c++) {
                    v[(y * 3 + x) * 3 + c] = 100 * c + 10 * y + x;
                }
            }
        }
        return NdArray.wrap(v, 2, 3, 3);
    }

    private static BufferedImage picture() {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                int base = 10 * y + x;
                img.setRGB(x, y, (base << 16) | ((100 + base) << 8) | (200 + base));
            }
        }
        return img;
    }

    @Test
    void arraysBecomeBgrMinusTheMeanPixelInChwOrder() {
        NdArray out = VGG16.preprocess(rgb());
        assertArrayEquals(new int[] {3, 2, 3}, out.shape());
        assertEquals(DType.FLOAT32, out.dtype());
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                int base = 10 * y + x;
                assertEquals((float) (200 + base) - (float) 103.939, out.get(0, y, x), 0, "blue first");
                assertEquals((float) (100 + base) - (float) 116.779, out.get(1, y, x), 0);
                assertEquals((float) base - (float) 123.68, out.get(2, y, x), 0, "red last");
            }
        }
        NdArray res = ResNet.preprocess(rgb());
        assertEquals(200 - (float) 103.063, res.get(0, 0, 0), 1e-4);
        assertEquals(100 - (float) 115.903, res.get(1, 0, 0), 1e-4);
        assertEquals(0 - (float) 123.152, res.get(2, 0, 0), 1e-4);
    }

    @Test
    void picturesAtTheirSizeGiveTheSameAsArrays() {
        assertTrue(VGG16.preprocess(rgb()).contentEquals(VGG16.preprocess(picture(), 3, 2)));
        assertTrue(ResNet.preprocess(rgb()).contentEquals(ResNet.preprocess(picture(), 3, 2)));
    }

    @Test
    void resizingGivesThePixelsOfTheReferenceWithPillow() throws Exception {
        // VGG16.preprocess of the reference, Pillow 12.3 (see resources/models/README.md)
        Map<String, NdArray> fixture = Npz.load(Path.of(getClass().getResource("/models/preprocess_pillow.npz").toURI()));
        int cases = 0;
        for (int i = 0; fixture.containsKey("img" + i); i++, cases++) {
            NdArray img = fixture.get("img" + i);
            BufferedImage picture = new BufferedImage(img.shape(1), img.shape(0), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < img.shape(0); y++) {
                for (int x = 0; x < img.shape(1); x++) {
                    int r = (int) img.get(y, x, 0);
                    int g = (int) img.get(y, x, 1);
                    int b = (int) img.get(y, x, 2);
                    picture.setRGB(x, y, (r << 16) | (g << 8) | b);
                }
            }
            NdArray size = fixture.get("size" + i);
            NdArray ours = VGG16.preprocess(picture, (int) size.getFlat(0), (int) size.getFlat(1));
            NdArray expected = fixture.get("out" + i);
            assertArrayEquals(expected.shape(), ours.shape(), "case " + i);
            assertTrue(expected.contentEquals(ours), "case " + i + ": " + expected + " but " + ours);
        }
        assertEquals(4, cases);
    }

    @Test
    void picturesAreResizedTo224ByDefault() {
        BufferedImage img = new BufferedImage(10, 7, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 10; x++) {
                img.setRGB(x, y, 0xff000000 | (30 << 16) | (60 << 8) | 90);
            }
        }
        NdArray out = VGG16.preprocess(img);
        assertArrayEquals(new int[] {3, 224, 224}, out.shape());
        // a plain colour stays plain at any size
        float[] expected = {90 - (float) 103.939, 60 - (float) 116.779, 30 - (float) 123.68};
        for (int c = 0; c < 3; c++) {
            NdArray channel = out.reshape(3, -1).getItem(dezero.ndarray.Index.at(c));
            assertEquals(expected[c], channel.max().item(), 1e-4);
            assertEquals(expected[c], channel.min().item(), 1e-4);
        }
        assertArrayEquals(new int[] {3, 5, 8}, ResNet.preprocess(img, 8, 5).shape());
    }

    @Test
    void greyPicturesGiveThreeEqualChannels() {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 100);
        grey.getRaster().setSample(1, 0, 0, 7);
        NdArray out = VGG16.preprocess(grey, 2, 1);
        assertEquals(100 - (float) 103.939, out.get(0, 0, 0), 1e-4);
        assertEquals(100 - (float) 123.68, out.get(2, 0, 0), 1e-4);
        assertEquals(7 - (float) 116.779, out.get(1, 0, 1), 1e-4);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VGG16.preprocess(NdArray.zeros(3, 4, 4)));
        assertTrue(e.getMessage().contains("VGG16.preprocess") && e.getMessage().contains("(3, 4, 4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResNet.preprocess(picture(), 0, 5));
        assertTrue(e.getMessage().contains("ResNet.preprocess"), e.getMessage());
    }
}
