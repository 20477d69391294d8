package dezero.optimizers;

import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.layers.Layer;
import dezero.models.MLP;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every optimizer against the formulas evaluated by hand (scalar Java arithmetic) on two elements. */
class OptimizersTest {
    private static final double[] P0 = {1.0, -2.0};
    private static final double[][] GRADS = {{0.5, 2.0}, {-1.0, 0.25}};

    /** A layer with one parameter. */
    static final class One extends Layer {
        final Parameter p;

        One(double... values) {
            p = new Parameter(NdArray.array(values.clone()));
        }

        One(NdArray data) {
            p = new Parameter(data);
        }

        @Override
        protected Variable forward(Variable... inputs) {
            return p;
        }
    }

    /** Runs two steps with the gradients GRADS and returns the parameter after each. */
    private static double[][] twoSteps(Optimizer opt) {
        One layer = new One(P0);
        opt.setup(layer);
        double[][] out = new double[2][];
        for (int s = 0; s < 2; s++) {
            layer.p.setGrad(new Variable(NdArray.array(GRADS[s].clone())));
            opt.update();
            out[s] = layer.p.data().toDoubleArray();
        }
        return out;
    }

    private static void assertSteps(double[][] expected, double[][] actual) {
        for (int s = 0; s < expected.length; s++) {
            for (int i = 0; i < expected[s].length; i++) {
                if (Math.abs(expected[s][i] - actual[s][i]) > 1e-14 * Math.max(1, Math.abs(expected[s][i]))) {
                    fail("step " + s + " element " + i + ": expected " + expected[s][i] + " but got " + actual[s][i]);
                }
            }
        }
    }

    @Test
    void sgd() {
        double[][] want = new double[2][2];
        for (int i = 0; i < 2; i++) {
            want[0][i] = P0[i] - 0.1 * GRADS[0][i];
            want[1][i] = want[0][i] - 0.1 * GRADS[1][i];
        }
        assertSteps(want, twoSteps(new SGD(0.1)));
        assertEquals(0.01, new SGD().lr());
    }

    @Test
    void momentumSgd() {
        double[][] want = new double[2][2];
        for (int i = 0; i < 2; i++) {
            double v = -0.1 * GRADS[0][i];
            want[0][i] = P0[i] + v;
            v = 0.8 * v - 0.1 * GRADS[1][i];
            want[1][i] = want[0][i] + v;
        }
        assertSteps(want, twoSteps(new MomentumSGD(0.1, 0.8)));
    }

    @Test
    void adaGrad() {
        double[][] want = new double[2][2];
        for (int i = 0; i < 2; i++) {
            double p = P0[i];
            double h = 0;
            for (int s = 0; s < 2; s++) {
                double g = GRADS[s][i];
                h += g * g;
                p -= 0.1 * g / (Math.sqrt(h) + 1e-8);
                want[s][i] = p;
            }
        }
        assertSteps(want, twoSteps(new AdaGrad(0.1, 1e-8)));
    }

    @Test
    void adaDelta() {
        double rho = 0.9;
        double eps = 1e-4;
        double[][] want = new double[2][2];
        for (int i = 0; i < 2; i++) {
            double p = P0[i];
            double msg = 0;
            double msdx = 0;
            for (int s = 0; s < 2; s++) {
                double g = GRADS[s][i];
                msg = rho * msg + (1 - rho) * g * g;
                double dx = Math.sqrt((msdx + eps) / (msg + eps)) * g;
                msdx = rho * msdx + (1 - rho) * dx * dx;
                p -= dx;
                want[s][i] = p;
            }
        }
        assertSteps(want, twoSteps(new AdaDelta(rho, eps)));
    }

    @Test
    void adamWithBiasCorrectedStepAndStepCount() {
        double alpha = 0.05;
        double b1 = 0.9;
        double b2 = 0.999;
        double[][] want = new double[2][2];
        for (int i = 0; i < 2; i++) {
            double p = P0[i];
            double m = 0;
            double v = 0;
            for (int s = 0; s < 2; s++) {
                int t = s + 1;
                double g = GRADS[s][i];
                m += (1 - b1) * (g - m);
                v += (1 - b2) * (g * g - v);
                double lr = alpha * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
                p -= lr * m / (Math.sqrt(v) + 1e-8);
                want[s][i] = p;
            }
        }
        Adam adam = new Adam(alpha);
        assertSteps(want, twoSteps(adam));
        assertEquals(2, adam.t());
        assertEquals(alpha * Math.sqrt(1 - b2 * b2) / (1 - b1 * b1), adam.lr(), 1e-17);
    }

    @Test
    void weightDecayAddsRateTimesParamToTheGradBeforeTheUpdate() {
        One layer = new One(P0);
        Optimizer opt = new SGD(0.1).setup(layer).addHook(new WeightDecay(0.5));
        layer.p.setGrad(new Variable(NdArray.array(GRADS[0].clone())));
        opt.update();
        for (int i = 0; i < 2; i++) {
            double g = GRADS[0][i] + 0.5 * P0[i];
            assertEquals(g, layer.p.grad().data().getFlat(i), 1e-15);
            assertEquals(P0[i] - 0.1 * g, layer.p.data().getFlat(i), 1e-15);
        }
    }

    @Test
    void clipGradScalesOnlyAboveTheMaxNorm() {
        double norm = Math.sqrt(0.5 * 0.5 + 2.0 * 2.0);
        for (double maxNorm : new double[] {0.5, 10.0}) {
            One layer = new One(P0);
            Optimizer opt = new SGD(1.0).setup(layer).addHook(new ClipGrad(maxNorm));
            layer.p.setGrad(new Variable(NdArray.array(GRADS[0].clone())));
            opt.update();
            double rate = maxNorm / (norm + 1e-6);
            double scale = rate < 1 ? rate : 1;
            for (int i = 0; i < 2; i++) {
                assertEquals(GRADS[0][i] * scale, layer.p.grad().data().getFlat(i), 1e-15);
                assertEquals(P0[i] - GRADS[0][i] * scale, layer.p.data().getFlat(i), 1e-15);
            }
        }
    }

    @Test
    void freezeParamKeepsTheFrozenLayerFixedAndTrainsTheRest() {
        MLP model = new MLP(new int[] {4, 3});
        NdArray x = NdArray.array(new double[][] {{0.1, 0.2}, {0.3, -0.4}});
        NdArray t = NdArray.array(new long[] {0, 2});
        F.softmaxCrossEntropy(model.apply(x), t); // creates the weights
        Optimizer opt = new SGD(0.5).setup(model).addHook(new FreezeParam(model.layers().get(0)));
        List<NdArray> before = new ArrayList<>();
        for (Parameter p : model.params()) {
            before.add(p.data().copy());
        }
        for (int step = 0; step < 2; step++) {
            Variable loss = F.softmaxCrossEntropy(model.apply(x), t);
            model.cleargrads();
            loss.backward();
            opt.update();
        }
        List<Parameter> ps = model.params();
        for (int i = 0; i < ps.size(); i++) {
            boolean frozen = i < 2;
            assertEquals(frozen, before.get(i).contentEquals(ps.get(i).data()), "l" + (i / 2) + " param " + i);
        }
        assertNull(ps.get(0).grad(), "a frozen parameter's grad is dropped");
        FreezeParam single = new FreezeParam(ps.get(3));
        assertEquals(List.of(ps.get(3)), single.frozen());
    }

    @Test
    void sharedGradientArraysAreSplitBeforeInPlaceHooks() {
        Parameter a = new Parameter(NdArray.array(new double[] {1, 2}));
        Parameter b = new Parameter(NdArray.array(new double[] {3, 4}));
        Layer pair = new Layer() {
            final Parameter pa = a;
            final Parameter pb = b;

            @Override
            protected Variable forward(Variable... inputs) {
                return F.sum(pa.add(pb).pow(2));
            }
        };
        pair.apply(new Variable[0]).backward();
        assertSame(a.grad(), b.grad(), "backward shares one grad between a and b");
        new SGD(0.1).setup(pair).addHook(new WeightDecay(0.5)).update();
        assertNotSame(a.grad().data(), b.grad().data());
        // g = 2 (a + b) = (8, 12); a's grad + 0.5 a, b's grad + 0.5 b, once each
        assertTrue(NdArray.array(new double[] {8.5, 13}).contentEquals(a.grad().data()));
        assertTrue(NdArray.array(new double[] {9.5, 14}).contentEquals(b.grad().data()));
        assertTrue(NdArray.array(new double[] {1 - 0.85, 2 - 1.3}).sub(a.data()).abs().max().item() < 1e-15);
    }

    @Test
    void gradsThatComeStraightFromABroadcastCanBeChangedInPlace() {
        // DeZero: the grads of sum(a + b) are one read-only broadcast view, and WeightDecay raises
        One layer = new One(P0);
        F.sum(layer.p.add(layer.p.mul(0.0))).backward();
        new SGD(0.1).setup(layer).addHook(new WeightDecay(0.5)).update();
        for (int i = 0; i < 2; i++) {
            assertEquals(1 + 0.5 * P0[i], layer.p.grad().data().getFlat(i), 1e-15);
            assertEquals(P0[i] - 0.1 * (1 + 0.5 * P0[i]), layer.p.data().getFlat(i), 1e-15);
        }
    }

    @Test
    void parametersWithoutGradsAreSkippedAndMisuseIsReported() {
        One layer = new One(P0);
        new SGD(1.0).setup(layer).update();
        assertTrue(NdArray.array(P0).contentEquals(layer.p.data()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SGD().update());
        assertTrue(e.getMessage().contains("setup"), e.getMessage());
        layer.p.setGrad(new Variable(NdArray.ones(3)));
        e = assertThrows(IllegalStateException.class, () -> new Adam().setup(layer).update());
        assertTrue(e.getMessage().contains("(2,)") && e.getMessage().contains("(3,)"), e.getMessage());
    }

    /**
     * Adam's one-pass kernel step gives the values of DeZero's array steps, bit for bit, for
     * float32 and float64 parameters over several updates (the bias-corrected lr changes each time),
     * and a gradient of another dtype takes the array steps with their casting rules.
     */
    @Test
    void adamsFusedStepEqualsTheArrayStepsBitForBit() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            NdRandom rnd = new NdRandom(3);
            NdArray w0 = rnd.randn(37, 29).astype(dtype);
            NdArray[] grads = {rnd.randn(37, 29).astype(dtype), rnd.randn(37, 29).astype(dtype), rnd.randn(37, 29).astype(dtype)};
            One layer = new One(w0.copy());
            Adam adam = new Adam(0.01);
            adam.setup(layer);
            NdArray w = w0.copy();
            NdArray m = NdArray.zerosLike(w0);
            NdArray v = NdArray.zerosLike(w0);
            for (NdArray g : grads) {
                layer.p.setGrad(new Variable(g.copy()));
                adam.update();
                double lr = adam.lr();
                m.addi(g.sub(m).mul(1 - 0.9));
                v.addi(g.mul(g).sub(v).mul(1 - 0.999));
                w.subi(m.mul(lr).div(v.sqrt().add(1e-8)));
                assertTrue(w.contentEquals(layer.p.data()), dtype + " after step " + adam.t());
            }
        }
        // float32 parameter, float64 gradient: the array steps (the result is cast back into float32)
        One mixed = new One(NdArray.ones(DType.FLOAT32, 4));
        mixed.p.setGrad(new Variable(NdArray.full(0.5, DType.FLOAT64, 4)));
        new Adam(0.1).setup(mixed).update();
        assertEquals(DType.FLOAT32, mixed.p.data().dtype());
        assertEquals(1 - 0.1, mixed.p.data().getFlat(0), 1e-6);
    }
}
