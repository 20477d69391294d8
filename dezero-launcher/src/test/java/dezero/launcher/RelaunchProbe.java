package dezero.launcher;

/** A program relaunched by {@link VectorModule} for {@link VectorModuleTest}: its flag is whether it runs with the module. */
public final class RelaunchProbe {
    private RelaunchProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        VectorModule.relaunchIfAbsent(RelaunchProbe.class, args);
        ProbeProcess.report("module", VectorModule.present(), args);
    }
}
