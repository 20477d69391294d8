package dezero.models;

import dezero.Variable;
import dezero.functions.F;
import dezero.layers.Linear;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelsTest {
    private static final NdArray X = NdArray.array(new double[][] {{0.5, -1.0}, {2.0, 0.25}, {-0.75, 1.5}});

    @Test
    void sequentialMixesLayersAndFunctionsAndNamesLayersByPosition() {
        Linear first = new Linear(4);
        Linear last = new Linear(1);
        Sequential model = new Sequential(first, F::sigmoid, last);
        Variable y = model.apply(X);
        assertEquals(List.of("l0/W", "l0/b", "l2/W", "l2/b"), List.copyOf(model.flattenParams().keySet()));
        Variable manual = last.apply(F.sigmoid(first.apply(new Variable(X))));
        assertTrue(manual.data().contentEquals(y.data()));
        assertArrayEquals(new int[] {3, 1}, y.shape());
        assertThrows(IllegalArgumentException.class, () -> new Sequential(first, null));
    }

    @Test
    void mlpAppliesTheActivationBetweenLayersOnly() {
        MLP model = new MLP(new int[] {5, 3, 2}, F::relu);
        Variable y = model.apply(X);
        List<Linear> l = model.layers();
        Variable manual = l.get(2).apply(F.relu(l.get(1).apply(F.relu(l.get(0).apply(new Variable(X))))));
        assertTrue(manual.data().contentEquals(y.data()));
        assertEquals(List.of("l0/W", "l0/b", "l1/W", "l1/b", "l2/W", "l2/b"), List.copyOf(model.flattenParams().keySet()));
        assertEquals(6, model.params().size());
    }

    @Test
    void mlpDefaultsToSigmoid() {
        MLP model = new MLP(new int[] {4, 2});
        Variable y = model.apply(X);
        List<Linear> l = model.layers();
        assertTrue(l.get(1).apply(F.sigmoid(l.get(0).apply(new Variable(X)))).data().contentEquals(y.data()));
        assertThrows(IllegalArgumentException.class, () -> new MLP(new int[0]));
    }

    @Test
    void plotWritesTheGraphOfAForwardPass(@TempDir Path dir) throws Exception {
        MLP model = new MLP(new int[] {3, 1});
        Path out = model.plot(dir.resolve("mlp.dot"), new Variable(X));
        String dot = Files.readString(out);
        assertTrue(dot.startsWith("digraph g {") && dot.contains("Linear") && dot.contains("Sigmoid"), dot);
    }
}
