package dezero.launcher;

import java.lang.management.ManagementFactory;

/**
 * A relaunching program for {@link VectorModuleTest}: prints whether it runs with the Vector
 * module, its process id and its JVM options, then sleeps when asked to.
 */
public final class RelaunchProbe {
    private RelaunchProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        VectorModule.relaunchIfAbsent(RelaunchProbe.class, args);
        System.out.println("module=" + VectorModule.present() + " pid=" + ProcessHandle.current().pid()
                + " options=" + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.flush();
        if (args.length > 0 && args[0].equals("sleep")) {
            Thread.sleep(60_000);
        }
    }
}
