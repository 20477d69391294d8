package dezero;

/**
 * DeZero's global switches, scoped per thread: {@code enableBackprop} (record graphs for
 * backward) and {@code train} (dropout and batch normalisation behave as in training).
 * Changes are made through try-with-resources scopes that restore the previous value when the
 * block ends, also when it throws. Each thread has its own settings, so {@code noGrad()} in one
 * thread never changes another thread's behaviour.
 *
 * <pre>{@code
 * jshell> try (var s = Config.noGrad()) { System.out.println(Config.enableBackprop()); }
 * false
 * jshell> Config.enableBackprop()
 * $2 ==> true
 * }</pre>
 */
public final class Config {
    private Config() {
    }

    private static final class Settings {
        boolean enableBackprop = true;
        boolean train = true;
    }

    private static final ThreadLocal<Settings> SETTINGS = ThreadLocal.withInitial(Settings::new);

    /** A scope that restores the settings it changed when closed; close it on the thread that opened it. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether operations record the graph needed by {@code backward()} (true by default). */
    public static boolean enableBackprop() {
        return SETTINGS.get().enableBackprop;
    }

    /** Whether layers run in training mode (true by default). */
    public static boolean train() {
        return SETTINGS.get().train;
    }

    /** Sets {@code enableBackprop} for the scope. */
    public static Scope enableBackprop(boolean value) {
        Settings s = SETTINGS.get();
        boolean old = s.enableBackprop;
        s.enableBackprop = value;
        return restorer(s, () -> s.enableBackprop = old);
    }

    /** Sets {@code train} for the scope. */
    public static Scope train(boolean value) {
        Settings s = SETTINGS.get();
        boolean old = s.train;
        s.train = value;
        return restorer(s, () -> s.train = old);
    }

    /** DeZero's {@code no_grad()}: no graph is recorded inside the scope. */
    public static Scope noGrad() {
        return enableBackprop(false);
    }

    /** DeZero's {@code test_mode()}: dropout off, batch norm uses running averages. */
    public static Scope testMode() {
        return train(false);
    }

    private static Scope restorer(Settings owner, Runnable restore) {
        Thread opener = Thread.currentThread();
        return new Scope() {
            private boolean closed;

            @Override
            public void close() {
                if (Thread.currentThread() != opener) {
                    throw new IllegalStateException("a Config scope must be closed on the thread that opened it ("
                            + opener.getName() + "), not on " + Thread.currentThread().getName());
                }
                if (!closed) {
                    closed = true;
                    restore.run();
                }
            }
        };
    }
}
