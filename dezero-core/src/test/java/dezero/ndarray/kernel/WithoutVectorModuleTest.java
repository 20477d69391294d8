package dezero.ndarray.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dezero.ndarray.NdArray;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The library on a JVM started without {@code --add-modules jdk.incubator.vector}: a child JVM
 * runs {@link #main} (nothing links the Vector classes, the plain kernel is chosen and computes).
 */
class WithoutVectorModuleTest {
    /** Run in the child: prints the kernel's name and a product computed through NdArray. */
    public static void main(String[] args) {
        NdArray a = NdArray.array(new double[][] {{1, 2}, {3, 4}});
        System.out.println(Kernels.get().name() + " " + ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() + " "
                + a.matmul(a).sum().item());
    }

    @Test
    void plainKernelIsChosenAndWorks() throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-Ddezero.relaunch=false", "-cp", System.getProperty("java.class.path"),
                WithoutVectorModuleTest.class.getName())).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        // [[1,2],[3,4]]^2 = [[7,10],[15,22]], sum 54
        assertEquals("plain-java false 54.0", out);
    }
}
