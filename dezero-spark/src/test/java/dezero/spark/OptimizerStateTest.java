package dezero.spark;

import dezero.models.Model;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.optimizers.AdaDelta;
import dezero.optimizers.AdaGrad;
import dezero.optimizers.Adam;
import dezero.optimizers.MomentumSGD;
import dezero.optimizers.Optimizer;
import dezero.optimizers.SGD;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Captured and restored optimizer state continues exactly, for every optimizer of the core. */
class OptimizerStateTest {
    private static final List<Sample> DATA = TestSpark.samples(40, 13);
    private static final int[] SHAPE = {TestSpark.WIDTH};

    @Test
    void everyCoreOptimizerResumesBitForBit() {
        List<Supplier<Optimizer>> all = List.of(() -> new SGD(0.1), () -> new MomentumSGD(0.1, 0.9),
                () -> new AdaGrad(0.1, 1e-8), () -> new AdaDelta(0.95, 1e-6), () -> new Adam(0.01));
        for (Supplier<Optimizer> make : all) {
            Model straight = TestSpark.initialModel(DType.FLOAT32, 4);
            SingleJvmTrainer a = new SingleJvmTrainer(straight, make.get(), Loss.softmaxCrossEntropy(), DATA, SHAPE,
                    8, 1);
            a.train(7);

            Model first = TestSpark.initialModel(DType.FLOAT32, 4);
            Optimizer o1 = make.get();
            SingleJvmTrainer b = new SingleJvmTrainer(first, o1, Loss.softmaxCrossEntropy(), DATA, SHAPE, 8, 1);
            b.train(4);
            Map<String, NdArray> state = OptimizerState.capture(o1, first);

            // the same weights and state in a new model and optimizer, then the remaining 3 steps
            Model second = TestSpark.initialModel(DType.FLOAT32, 77);
            ParamLayout layout = ParamLayout.of(first);
            layout.setWeights(second, layout.weights(first));
            Optimizer o2 = make.get();
            SingleJvmTrainer c = new SingleJvmTrainer(second, o2, Loss.softmaxCrossEntropy(), DATA, SHAPE, 8, 1);
            OptimizerState.restore(o2, second, state);
            for (int i = 0; i < 4; i++) {
                c.step(); // replays the batch order; the weights are reset below
            }
            layout.setWeights(second, layout.weights(first));
            OptimizerState.restore(o2, second, state);
            c.train(3);
            assertTrue(layout.weights(straight).bitwiseEquals(layout.weights(second)), o1.getClass().getSimpleName());
        }
    }

    @Test
    void adamsStateHasItsMomentsAndStepCount() {
        Model m = TestSpark.initialModel(DType.FLOAT32, 4);
        Adam adam = new Adam(0.01);
        new SingleJvmTrainer(m, adam, Loss.softmaxCrossEntropy(), DATA, SHAPE, 8, 1).train(2);
        Map<String, NdArray> s = OptimizerState.capture(adam, m);
        assertEquals(2.0, s.get("t").item());
        assertEquals(0.01, s.get("hyper/alpha").item());
        assertTrue(s.containsKey("ms/l0/W") && s.containsKey("vs/l1/b"), s.keySet().toString());
        assertEquals(DType.FLOAT32, s.get("ms/l0/W").dtype());
    }

    @Test
    void stateThatDoesNotFitIsRefusedByKeyAndTheModelMustBeTheTarget() {
        Model m = TestSpark.initialModel(DType.FLOAT32, 4);
        Adam adam = new Adam(0.01);
        new SingleJvmTrainer(m, adam, Loss.softmaxCrossEntropy(), DATA, SHAPE, 8, 1).train(2);
        Map<String, NdArray> s = new java.util.LinkedHashMap<>(OptimizerState.capture(adam, m));
        s.remove("vs/l0/W");
        Exception e = assertThrows(IllegalArgumentException.class, () -> OptimizerState.restore(adam, m, s));
        assertTrue(e.getMessage().contains("missing 'vs/l0/W'"), e.getMessage());
        Model other = TestSpark.initialModel(DType.FLOAT32, 4);
        e = assertThrows(IllegalArgumentException.class, () -> OptimizerState.capture(adam, other));
        assertTrue(e.getMessage().contains("not set up with this"), e.getMessage());
    }
}
