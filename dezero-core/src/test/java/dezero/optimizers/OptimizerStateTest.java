package dezero.optimizers;

import dezero.Parameter;
import dezero.Variable;
import dezero.functions.F;
import dezero.models.MLP;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dezero.MessageAssertions.assertMentions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Optimizer#state()} and {@link Optimizer#loadState}: a run of N steps equals k steps, the state
 * moved into a fresh optimizer (and a fresh model with the same weights), and N - k more, bit for bit;
 * state that does not fit is refused, naming the key, and changes nothing.
 */
class OptimizerStateTest {
    private static final int N = 7;
    private static final int K = 3;

    @TempDir
    Path dir;

    private static final List<Supplier<Optimizer>> ALL = List.of(() -> new SGD(0.1), () -> new MomentumSGD(0.1, 0.9),
            () -> new AdaGrad(0.1, 1e-8), () -> new AdaDelta(0.95, 1e-6), () -> new Adam(0.01));

    /** A two-layer MLP with its weights drawn from a fixed seed (the first call sizes it). */
    private static MLP model() {
        NdRandom.seedGlobal(3);
        MLP m = new MLP(new int[] {5, 3});
        m.apply(batch(0).x);
        return m;
    }

    private record Batch(NdArray x, NdArray t) {
    }

    /** The inputs and labels of step {@code s}: float32, a new draw per step. */
    private static Batch batch(int s) {
        NdRandom r = new NdRandom(100 + s);
        NdArray x = r.randn(8, 4).astype(DType.FLOAT32);
        long[] t = new long[8];
        for (int i = 0; i < t.length; i++) {
            t[i] = (i * 7 + s) % 3;
        }
        return new Batch(x, NdArray.array(t));
    }

    /** Steps {@code from} to {@code to - 1}. */
    private static void train(MLP m, Optimizer o, int from, int to) {
        for (int s = from; s < to; s++) {
            Batch b = batch(s);
            Variable loss = F.softmaxCrossEntropy(m.apply(b.x), b.t);
            m.cleargrads();
            loss.backward();
            o.update();
        }
    }

    /** A new model (other weights) that takes {@code from}'s weights, copied. */
    private static MLP copyOf(MLP from) {
        NdRandom.seedGlobal(99);
        MLP m = new MLP(new int[] {5, 3});
        m.apply(batch(0).x);
        Map<String, Parameter> src = from.flattenParams();
        m.flattenParams().forEach((name, p) -> p.setData(src.get(name).data().copy()));
        return m;
    }

    private static void assertSameWeights(MLP a, MLP b, String what) {
        Map<String, Parameter> pb = b.flattenParams();
        a.flattenParams().forEach((name, p) -> {
            NdArray x = p.data();
            NdArray y = pb.get(name).data();
            assertEquals(x.dtype(), y.dtype(), what + " " + name);
            // Arrays.equals on doubles compares bits (0.0 and -0.0 differ); float32 widens exactly
            assertTrue(Arrays.equals(x.toDoubleArray(), y.toDoubleArray()), what + ": " + name + " differs");
        });
    }

    /** An Adam (alpha 0.01) set up with {@code m} after {@code steps} steps. */
    private static Adam trainedAdam(MLP m, int steps) {
        Adam adam = new Adam(0.01);
        adam.setup(m);
        train(m, adam, 0, steps);
        return adam;
    }

    private static Optimizer withHooks(Optimizer o, MLP m) {
        return o.setup(m).addHook(new WeightDecay(1e-3)).addHook(new ClipGrad(0.5));
    }

    @Test
    void everyOptimizerResumesBitForBitFromItsState() {
        for (Supplier<Optimizer> make : ALL) {
            MLP straight = model();
            Optimizer o = withHooks(make.get(), straight);
            train(straight, o, 0, N);

            MLP first = model();
            Optimizer o1 = withHooks(make.get(), first);
            train(first, o1, 0, K);
            Map<String, NdArray> state = o1.state();

            MLP second = copyOf(first);
            Optimizer o2 = withHooks(make.get(), second);
            o2.loadState(state);
            train(second, o2, K, N);
            String name = o.getClass().getSimpleName();
            assertSameWeights(straight, second, name);

            // the state is a copy: the first optimizer going on does not change it
            Map<String, NdArray> kept = new LinkedHashMap<>();
            state.forEach((k, v) -> kept.put(k, v.copy()));
            train(first, o1, K, N);
            assertSameWeights(straight, first, name + " (not resumed)");
            kept.forEach((k, v) -> assertTrue(v.contentEquals(state.get(k)), name + " " + k));
        }
    }

    @Test
    void theStateFileResumesBitForBitToo() throws IOException {
        for (Supplier<Optimizer> make : ALL) {
            MLP straight = model();
            train(straight, make.get().setup(straight), 0, N);

            MLP first = model();
            Optimizer o1 = make.get().setup(first);
            train(first, o1, 0, K);
            first.saveWeights(dir.resolve("weights.npz"));
            o1.saveState(dir.resolve("optimizer.npz"));

            NdRandom.seedGlobal(42);
            MLP second = new MLP(new int[] {5, 3});
            second.loadWeights(dir.resolve("weights.npz"));   // sizes the lazy layers
            Optimizer o2 = make.get().setup(second);
            o2.loadState(dir.resolve("optimizer.npz"));
            train(second, o2, K, N);
            assertSameWeights(straight, second, o1.getClass().getSimpleName());
        }
    }

    @Test
    void theKeysAreHyperParametersCountersAndSlotsOfNamedParameters() {
        MLP m = model();
        Adam adam = new Adam(0.01);
        adam.setup(m);
        assertEquals(List.of("hyper/alpha", "hyper/beta1", "hyper/beta2", "hyper/eps", "t"),
                new ArrayList<>(adam.state().keySet()), "nothing per parameter before the first update");
        train(m, adam, 0, 2);
        Map<String, NdArray> s = adam.state();
        assertEquals(List.of("hyper/alpha", "hyper/beta1", "hyper/beta2", "hyper/eps", "t",
                "ms/l0/W", "ms/l0/b", "ms/l1/W", "ms/l1/b", "vs/l0/W", "vs/l0/b", "vs/l1/W", "vs/l1/b"),
                new ArrayList<>(s.keySet()));
        assertEquals(DType.INT64, s.get("t").dtype());
        assertEquals(0, s.get("t").ndim());
        assertEquals(2.0, s.get("t").item());
        assertEquals(0.01, s.get("hyper/alpha").item());
        assertEquals(DType.FLOAT32, s.get("ms/l0/W").dtype());
        assertArrayEquals(m.flattenParams().get("l0/W").data().shape(), s.get("ms/l0/W").shape());

        assertEquals(List.of("hyper/lr"), new ArrayList<>(new SGD(0.1).setup(m).state().keySet()));
        MomentumSGD momentum = new MomentumSGD();
        momentum.setup(m);
        train(m, momentum, 0, 1);
        assertTrue(momentum.state().keySet().containsAll(List.of("hyper/lr", "hyper/momentum", "vs/l1/b")));
        AdaGrad adaGrad = new AdaGrad();
        adaGrad.setup(m);
        train(m, adaGrad, 0, 1);
        assertTrue(adaGrad.state().keySet().containsAll(List.of("hyper/lr", "hyper/eps", "hs/l0/W")));
        AdaDelta adaDelta = new AdaDelta();
        adaDelta.setup(m);
        train(m, adaDelta, 0, 1);
        assertTrue(adaDelta.state().keySet().containsAll(List.of("hyper/rho", "msg/l0/W", "msdx/l0/W")));
    }

    @Test
    void aFrozenParameterHasNoStateAndStartsAfreshAfterALoad() {
        MLP m = model();
        Adam adam = new Adam(0.01);
        adam.setup(m).addHook(new FreezeParam(m.flattenParams().get("l0/b")));
        train(m, adam, 0, 2);
        Map<String, NdArray> s = adam.state();
        assertFalse(s.containsKey("ms/l0/b") || s.containsKey("vs/l0/b"), s.keySet().toString());
        Adam other = new Adam(0.01);
        other.setup(copyOf(m));
        other.loadState(s);
        assertEquals(2, other.t());
        assertEquals(s.keySet(), other.state().keySet());
    }

    /** Loads {@code bad} into a fresh Adam set up with a model like {@code m} and checks nothing changed. */
    private static IllegalArgumentException refused(MLP m, Map<String, NdArray> bad) {
        Adam fresh = new Adam(0.01);
        fresh.setup(copyOf(m));
        Map<String, NdArray> before = fresh.state();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fresh.loadState(bad));
        Map<String, NdArray> after = fresh.state();
        assertEquals(before.keySet(), after.keySet(), "a refused state changes nothing");
        before.forEach((k, v) -> assertTrue(v.contentEquals(after.get(k)), k));
        assertMentions(e, "Adam.loadState");
        return e;
    }

    @Test
    void stateThatDoesNotFitIsRefusedNamingTheKey() {
        MLP m = model();
        Adam adam = trainedAdam(m, 2);
        Map<String, NdArray> good = adam.state();

        Map<String, NdArray> bad = new LinkedHashMap<>(good);
        bad.remove("vs/l0/W");
        assertMentions(refused(m, bad), "missing 'vs/l0/W'");

        bad = new LinkedHashMap<>(good);
        bad.remove("t");
        assertMentions(refused(m, bad), "missing 't'");

        bad = new LinkedHashMap<>(good);
        bad.remove("hyper/beta2");
        assertMentions(refused(m, bad), "missing 'hyper/beta2'");

        bad = new LinkedHashMap<>(good);
        bad.put("ms/l1/W", NdArray.zeros(DType.FLOAT32, 3, 5));
        assertMentions(refused(m, bad), "'ms/l1/W'", "(3, 5)", "(5, 3)");

        bad = new LinkedHashMap<>(good);
        bad.put("vs/l1/b", good.get("vs/l1/b").astype(DType.FLOAT64));
        assertMentions(refused(m, bad), "'vs/l1/b'", "float64", "float32");

        bad = new LinkedHashMap<>(good);
        bad.put("t", NdArray.scalar(2.0));
        assertMentions(refused(m, bad), "'t'", "0-d int64");

        bad = new LinkedHashMap<>(good);
        bad.put("t", NdArray.scalar(-1L));
        assertMentions(refused(m, bad), "'t'", "negative");

        bad = new LinkedHashMap<>(good);
        bad.put("t", NdArray.scalar(1L << 40));
        assertMentions(refused(m, bad), "'t'", "1099511627776", "out of range");

        bad = new LinkedHashMap<>(good);
        bad.put("ms/l9/W", NdArray.zeros(DType.FLOAT32, 5, 3));
        bad.put("momentum", NdArray.scalar(0L));
        assertMentions(refused(m, bad), "'ms/l9/W' is not part of Adam's state", "'momentum' is not part");

        // another optimizer's state, and other hyper-parameters
        MomentumSGD momentum = new MomentumSGD();
        momentum.setup(m);
        train(m, momentum, 0, 1);
        assertMentions(refused(m, momentum.state()), "'vs/l0/W'", "missing 't'", "'hyper/momentum' is not part");
        Adam other = new Adam(0.02);
        other.setup(copyOf(m));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.loadState(good));
        assertMentions(e, "'hyper/alpha' is 0.01 in the state but 0.02 here");
    }

    @Test
    void aModelThatHasNotBeenSizedYetIsAskedForItsWeightsFirst() {
        MLP m = model();
        Adam adam = trainedAdam(m, 1);
        Adam fresh = new Adam(0.01);
        fresh.setup(new MLP(new int[] {5, 3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fresh.loadState(adam.state()));
        assertMentions(e, "'ms/l0/W'", "no data yet", "load the weights");
    }

    @Test
    void aStateFileThatDoesNotFitIsAnIOExceptionNamingTheFileAndTheKey() throws IOException {
        MLP m = model();
        Adam adam = trainedAdam(m, 1);
        Path file = dir.resolve("adam.npz");
        adam.saveState(file);
        Adam other = new Adam(0.5);
        other.setup(m);
        IOException e = assertThrows(IOException.class, () -> other.loadState(file));
        assertMentions(e, file.toString(), "'hyper/alpha'");
        Files.writeString(dir.resolve("junk.npz"), "not a zip");
        assertThrows(IOException.class, () -> adam.loadState(dir.resolve("junk.npz")));
    }

    @Test
    void stateNeedsATarget() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Adam().state());
        assertMentions(e, "Adam.state", "setup");
        e = assertThrows(IllegalStateException.class, () -> new SGD().loadState(Map.of()));
        assertMentions(e, "SGD.loadState", "setup");
    }

    /** A subclass that declares its state the way the core's optimizers do. */
    static final class Counting extends SGD {
        private long steps;
        private final Map<Parameter, NdArray> seen = newState("seen");

        Counting() {
            counter("steps", () -> steps, v -> steps = v);
        }

        @Override
        protected void updateOne(Parameter param) {
            steps++;
            NdArray a = state(seen, param);
            a.addi(NdArray.onesLike(a));
            super.updateOne(param);
        }
    }

    @Test
    void aSubclassDeclaresSlotsAndCountersOfItsOwn() {
        MLP m = model();
        Counting c = new Counting();
        c.setup(m);
        train(m, c, 0, 2);
        Map<String, NdArray> s = c.state();
        assertEquals(8.0, s.get("steps").item());
        assertEquals(2.0, s.get("seen/l1/b").getFlat(0));
        Counting d = new Counting();
        d.setup(copyOf(m));
        d.loadState(s);
        assertEquals(8.0, d.state().get("steps").item());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SGD() {
            {
                newState("a/b");
            }
        });
        assertMentions(e, "'a/b' cannot name a state slot");
        e = assertThrows(IllegalArgumentException.class, () -> new SGD() {
            {
                hyperParameter("lr", 1.0);
            }
        });
        assertMentions(e, "'hyper/lr' is declared twice");
    }
}
