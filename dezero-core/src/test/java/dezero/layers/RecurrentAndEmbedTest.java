package dezero.layers;

import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecurrentAndEmbedTest {
    private static final NdArray X = NdArray.array(new double[][] {{0.5, -1.0}, {2.0, 0.25}});

    @Test
    void embedIdLooksUpRowsAndAccumulatesRepeatedIds() {
        NdRandom.seedGlobal(3);
        EmbedID e = new EmbedID(4, 2);
        assertTrue(new NdRandom(3).randn(4, 2).contentEquals(e.weight().data()), "W = randn(4, 2) from the global generator");
        NdArray ids = NdArray.array(new long[] {1, 1, 3});
        Variable y = e.apply(ids);
        assertArrayEquals(new int[] {3, 2}, y.shape());
        assertTrue(e.weight().data().getItem(dezero.ndarray.Index.array(ids)).contentEquals(y.data()));
        F.sum(y).backward();
        assertTrue(NdArray.array(new double[][] {{0, 0}, {2, 2}, {0, 0}, {1, 1}}).contentEquals(e.weight().grad().data()));
        assertThrows(IllegalArgumentException.class, () -> e.apply(NdArray.array(new double[] {1})));
    }

    @Test
    void rnnKeepsItsStateAndWorksWithAnInputSizeOtherThanTheHiddenSize() {
        RNN rnn = new RNN(3, 2);
        assertEquals(List.of("x2h/W", "x2h/b", "h2h/W"), List.copyOf(rnn.flattenParams().keySet()));
        Variable h1 = rnn.apply(X);
        Variable h2 = rnn.apply(X);
        assertArrayEquals(new int[] {2, 3}, h2.shape());
        assertArrayEquals(new int[] {3, 3}, rnn.flattenParams().get("h2h/W").shape());
        // h2 = tanh(x W + b + h1 U)
        NdArray w = rnn.flattenParams().get("x2h/W").data();
        NdArray b = rnn.flattenParams().get("x2h/b").data();
        NdArray u = rnn.flattenParams().get("h2h/W").data();
        NdArray expected = X.matmul(w).add(b).add(h1.data().matmul(u)).tanh();
        assertTrue(expected.sub(h2.data()).abs().max().item() < 1e-6);
        rnn.resetState();
        assertNull(rnn.hiddenState());
        assertTrue(h1.data().contentEquals(rnn.apply(X).data()), "after resetState the first step has no h2h term");
    }

    @Test
    void truncatedBackpropCutsTheGraphBetweenChunks() {
        RNN rnn = new RNN(3);
        Variable loss = F.sum(rnn.apply(X)).add(F.sum(rnn.apply(X)));
        rnn.cleargrads();
        loss.backward();
        loss.unchainBackward();
        assertNull(rnn.hiddenState().creator(), "the kept state is a leaf after unchainBackward");
        Variable next = F.sum(rnn.apply(X));
        rnn.cleargrads();
        next.backward();
        assertTrue(rnn.flattenParams().get("h2h/W").grad() != null);
    }

    @Test
    void lstmFirstStepHasNoForgetTermAndLaterStepsUseTheState() {
        LSTM lstm = new LSTM(3, 2);
        assertEquals(List.of("x2f/W", "x2f/b", "x2i/W", "x2i/b", "x2o/W", "x2o/b", "x2u/W", "x2u/b",
                "h2f/W", "h2i/W", "h2o/W", "h2u/W"), List.copyOf(lstm.flattenParams().keySet()));
        Variable h1 = lstm.apply(X);
        var p = lstm.flattenParams();
        NdArray i = X.matmul(p.get("x2i/W").data()).add(p.get("x2i/b").data()).sigmoid();
        NdArray o = X.matmul(p.get("x2o/W").data()).add(p.get("x2o/b").data()).sigmoid();
        NdArray u = X.matmul(p.get("x2u/W").data()).add(p.get("x2u/b").data()).tanh();
        NdArray c1 = i.mul(u);
        assertTrue(c1.sub(lstm.cellState().data()).abs().max().item() < 1e-6);
        assertTrue(o.mul(c1.tanh()).sub(h1.data()).abs().max().item() < 1e-6);
        Variable h2 = lstm.apply(X);
        assertArrayEquals(new int[] {2, 3}, h2.shape());
        F.sum(h2).backward();
        assertTrue(p.get("h2f/W").grad() != null, "the second step uses the h2* layers");
        lstm.resetState();
        assertNull(lstm.cellState());
        assertEquals(DType.FLOAT64, h1.dtype());
    }
}
