package dezero.ndarray.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dezero.ndarray.NdArray;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A CPU without fused multiply-add instructions, as HotSpot sees one with {@code -XX:-UseFMA}: a
 * child JVM, given the Vector API module, still gets the plain kernel (the Vector API would fuse
 * in software, a microsecond a lane), and the float32 exp, tanh and sigmoid come from
 * {@code Math}'s functions rather than the polynomials written with {@code Math.fma}.
 */
class WithoutHardwareFmaTest {
    /** Run in the child: the kernel, the FMA decision, results that disagree with Math's, a product. */
    public static void main(String[] args) {
        int n = 1000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i - 500) * 0.037f;
        }
        float[] out = new float[n];
        int differ = 0;
        Kernel k = Kernels.get();
        for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.TANH, UnaryOp.SIGMOID}) {
            k.unary(op, x, 0, out, 0, n);
            for (int i = 0; i < n; i++) {
                double v = x[i];
                float want = (float) (op == UnaryOp.EXP ? Math.exp(v)
                        : op == UnaryOp.TANH ? Math.tanh(v) : 0.5 * Math.tanh(0.5 * v) + 0.5);
                differ += Float.floatToRawIntBits(want) == Float.floatToRawIntBits(out[i]) ? 0 : 1;
            }
        }
        NdArray a = NdArray.array(new double[][] {{1, 2}, {3, 4}});
        System.out.println(k.name() + " fma=" + HardwareFma.available() + " differ=" + differ + " sum="
                + a.matmul(a).sum().item());
        System.out.println(Kernels.describe().lines().filter(l -> l.startsWith("fused")).findFirst().orElse("?"));
    }

    @Test
    void theVectorKernelAndTheFmaPolynomialsStepAside() throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-XX:-UseFMA", "--add-modules=jdk.incubator.vector",
                "-Ddezero.relaunch=false", "-cp", System.getProperty("java.class.path"),
                WithoutHardwareFmaTest.class.getName())).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        // [[1,2],[3,4]]^2 = [[7,10],[15,22]], sum 54
        assertTrue(out.contains("plain-java fma=false differ=0 sum=54.0"), out);
        assertTrue(out.contains("fused multiply-add: not in hardware: the JVM computes fused multiply-adds in software"),
                out);
    }

    @Test
    void hotSpotsUseFmaDecides() {
        assertTrue(HardwareFma.inHardware("true"));
        assertFalse(HardwareFma.inHardware("false"));
        assertTrue(HardwareFma.inHardware(null), "a JVM that does not say is assumed to fuse in hardware");
        assertEquals(HardwareFma.inHardware(HardwareFma.useFmaOption()), HardwareFma.available());
    }
}
