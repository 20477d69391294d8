package dezero.layers;

import dezero.models.MLP;
import dezero.models.Sequential;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.utils.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static dezero.MessageAssertions.assertMentions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * loadWeights into a lazily sized model that has not run yet: the file sizes the parameters, under
 * the checks a built model gets (floating dtype, every size the layer already knows) (issue 13, item 7).
 */
class LazyLoadWeightsTest {
    @TempDir
    Path dir;

    private Path file(Object... namesAndArrays) throws IOException {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        for (int i = 0; i < namesAndArrays.length; i += 2) {
            arrays.put((String) namesAndArrays[i], (NdArray) namesAndArrays[i + 1]);
        }
        Path p = dir.resolve("w" + arrays.hashCode() + ".npz");
        Npz.save(p, arrays);
        return p;
    }


    @Test
    void integerWeightsAreRefusedForALazyLayer() throws IOException {
        MLP model = new MLP(new int[] {3});
        Path p = file("l0/W", NdArray.zeros(DType.INT64, 4, 3), "l0/b", NdArray.zeros(DType.FLOAT32, 3));
        IOException e = assertThrows(IOException.class, () -> model.loadWeights(p));
        assertMentions(e, "'l0/W' is int64 in the file", "float32 or float64");
        assertNull(model.flattenParams().get("l0/W").data(), "nothing assigned");
    }

    @Test
    void aWeightOfTheWrongOutputSizeIsRefusedForALazyLinear() throws IOException {
        Sequential model = new Sequential(new Linear(3));
        Path p = file("l0/W", NdArray.zeros(DType.FLOAT32, 2, 7), "l0/b", NdArray.zeros(DType.FLOAT32, 3));
        IOException e = assertThrows(IOException.class, () -> model.loadWeights(p));
        assertMentions(e, "'l0/W' has shape (2, 7) in the file but (?, 3) in the model");
        assertNull(model.flattenParams().get("l0/W").data());
        Path ok = file("l0/W", NdArray.ones(DType.FLOAT32, 2, 3), "l0/b", NdArray.zeros(DType.FLOAT32, 3));
        model.loadWeights(ok);
        assertArrayEquals(new int[] {1, 3}, model.apply(NdArray.ones(DType.FLOAT32, 1, 2)).shape());
    }

    @Test
    void convolutionAndBatchNormParametersAreCheckedToo() throws IOException {
        Conv2d conv = new Conv2d(4, 3, 1, 1);
        Path badKernel = file("W", NdArray.zeros(DType.FLOAT32, 4, 2, 5, 5), "b", NdArray.zeros(DType.FLOAT32, 4));
        assertMentions(assertThrows(IOException.class, () -> conv.loadWeights(badKernel)),
                "'W' has shape (4, 2, 5, 5) in the file but (4, ?, 3, 3) in the model");
        conv.loadWeights(file("W", NdArray.zeros(DType.FLOAT32, 4, 2, 3, 3), "b", NdArray.zeros(DType.FLOAT32, 4)));
        assertArrayEquals(new int[] {4, 2, 3, 3}, conv.weight().data().shape());

        Deconv2d deconv = new Deconv2d(4, 3, 1, 1);
        assertMentions(assertThrows(IOException.class, () -> deconv.loadWeights(
                file("W", NdArray.zeros(DType.FLOAT32, 2, 5, 3, 3), "b", NdArray.zeros(DType.FLOAT32, 4)))),
                "(2, 5, 3, 3) in the file but (?, 4, 3, 3)");

        BatchNorm bn = new BatchNorm();
        NdArray c3 = NdArray.zeros(DType.FLOAT32, 3);
        assertMentions(assertThrows(IOException.class, () -> bn.loadWeights(file("avg_mean", c3, "avg_var", c3,
                "gamma", NdArray.zeros(DType.FLOAT32, 3, 1), "beta", c3))), "'gamma' has shape (3, 1) in the file but (?,)");
        bn.loadWeights(file("avg_mean", c3, "avg_var", c3, "gamma", c3, "beta", c3));
        assertEquals(3, bn.gamma().data().size());
    }
}
