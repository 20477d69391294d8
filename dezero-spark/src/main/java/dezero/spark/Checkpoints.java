package dezero.spark;

import dezero.models.Model;
import dezero.ndarray.NdArray;
import dezero.optimizers.Optimizer;
import dezero.utils.Npz;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * A directory of training checkpoints, written by the driver every K steps. One checkpoint is
 * <ul>
 *   <li>{@code weights-NNNNNNNN.npz}: the model's {@link Model#saveWeights} file (loadable by
 *       {@code loadWeights} and NumPy), step NNNNNNNN;</li>
 *   <li>{@code optimizer-NNNNNNNN.npz}: the optimizer's {@link OptimizerState} (its {@code state()}) plus
 *       {@code trainer/step}, {@code trainer/seed}, {@code trainer/batch_size} and {@code trainer/examples}
 *       (int64 0-d arrays), which a resumed run checks so that it replays the same batch order;</li>
 *   <li>{@code LATEST}: a properties file naming the step and its two files, replaced atomically
 *       (a rename) after both files are complete.</li>
 * </ul>
 * Each {@code .npz} is itself written atomically, so a crash at any point leaves {@code LATEST}
 * pointing at a whole checkpoint. The two newest checkpoints are kept, older ones deleted.
 */
public final class Checkpoints {
    static final String LATEST = "LATEST";
    private static final int KEEP = 2;

    private final Path dir;

    public Checkpoints(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** What a resumed run needs to know about the run that wrote a checkpoint. */
    public record RunInfo(long step, long seed, int batchSize, long examples) {
    }

    /** Writes the checkpoint of step {@code info.step()} and makes it the latest. */
    public void save(Model model, Optimizer optimizer, RunInfo info) throws IOException {
        Files.createDirectories(dir);
        String weights = String.format(Locale.ROOT, "weights-%08d.npz", info.step());
        String opt = String.format(Locale.ROOT, "optimizer-%08d.npz", info.step());
        model.saveWeights(dir.resolve(weights));
        Map<String, NdArray> state = new LinkedHashMap<>(OptimizerState.capture(optimizer, model));
        state.put("trainer/step", NdArray.scalar(info.step()));
        state.put("trainer/seed", NdArray.scalar(info.seed()));
        state.put("trainer/batch_size", NdArray.scalar((long) info.batchSize()));
        state.put("trainer/examples", NdArray.scalar(info.examples()));
        Npz.save(dir.resolve(opt), state);

        Properties p = new Properties();
        p.setProperty("step", Long.toString(info.step()));
        p.setProperty("weights", weights);
        p.setProperty("optimizer", opt);
        p.setProperty("optimizerClass", optimizer.getClass().getName());
        Path tmp = Files.createTempFile(dir, ".LATEST", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "dezero-spark checkpoint");
            }
            try {
                Files.move(tmp, dir.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(LATEST), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        prune(info.step());
    }

    /** The step of the latest checkpoint, or -1 when there is none. */
    public long latestStep() throws IOException {
        Properties p = latest();
        return p == null ? -1 : Long.parseLong(p.getProperty("step"));
    }

    /**
     * Loads the latest checkpoint into {@code model} and {@code optimizer} and returns what it says
     * about its run, or returns null (changing nothing) when the directory holds none.
     */
    public RunInfo restore(Model model, Optimizer optimizer) throws IOException {
        Properties p = latest();
        if (p == null) {
            return null;
        }
        String cls = p.getProperty("optimizerClass");
        if (cls != null && !cls.equals(optimizer.getClass().getName())) {
            throw new IOException("checkpoint " + dir + " was written with optimizer " + cls + ", not "
                    + optimizer.getClass().getName());
        }
        Map<String, NdArray> state = Npz.load(dir.resolve(p.getProperty("optimizer")));
        RunInfo info = new RunInfo(scalar(state, "trainer/step"), scalar(state, "trainer/seed"),
                (int) scalar(state, "trainer/batch_size"), scalar(state, "trainer/examples"));
        if (info.step() != Long.parseLong(p.getProperty("step"))) {
            throw new IOException("checkpoint " + dir + ": LATEST says step " + p.getProperty("step") + " but "
                    + p.getProperty("optimizer") + " holds step " + info.step());
        }
        model.loadWeights(dir.resolve(p.getProperty("weights")));
        Map<String, NdArray> opt = new LinkedHashMap<>(state);
        opt.keySet().removeIf(k -> k.startsWith("trainer/"));
        OptimizerState.restore(optimizer, model, opt);
        return info;
    }

    private Properties latest() throws IOException {
        Path f = dir.resolve(LATEST);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = new StringReader(Files.readString(f, StandardCharsets.UTF_8))) {
            p.load(r);
        }
        for (String key : new String[] {"step", "weights", "optimizer"}) {
            if (p.getProperty(key) == null) {
                throw new IOException(f + " has no '" + key + "'");
            }
        }
        return p;
    }

    private static long scalar(Map<String, NdArray> state, String key) throws IOException {
        NdArray a = state.get(key);
        if (a == null || a.size() != 1) {
            throw new IOException("checkpoint optimizer file has no scalar '" + key + "'");
        }
        return (long) a.item();
    }

    /** Deletes the checkpoints older than the {@link #KEEP} newest (the newest being {@code newest}). */
    private void prune(long newest) throws IOException {
        TreeSet<Long> steps = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "weights-*.npz")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    steps.add(Long.parseLong(name.substring("weights-".length(), name.length() - ".npz".length())));
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        }
        steps.removeIf(s -> s > newest);
        while (steps.size() > KEEP) {
            long s = steps.pollFirst();
            Files.deleteIfExists(dir.resolve(String.format(Locale.ROOT, "weights-%08d.npz", s)));
            Files.deleteIfExists(dir.resolve(String.format(Locale.ROOT, "optimizer-%08d.npz", s)));
        }
    }
}
