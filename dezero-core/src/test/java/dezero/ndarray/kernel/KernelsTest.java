package dezero.ndarray.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The provider's choice: forced plain, missing module, and the Vector kernel when the module is there. */
class KernelsTest {
    @Test
    void propertyForcesPlain() {
        Kernels.Choice c = Kernels.choose("plain", true);
        assertInstanceOf(PlainKernel.class, c.kernel);
        assertTrue(c.reason.contains("dezero.kernel=plain"), c.reason);
        assertInstanceOf(PlainKernel.class, Kernels.choose(" PLAIN ", true).kernel);
    }

    @Test
    void withoutTheModuleThePlainKernelIsChosenAndTheReasonSaysHowToEnable() {
        Kernels.Choice c = Kernels.choose(null, false);
        assertInstanceOf(PlainKernel.class, c.kernel);
        assertTrue(c.reason.contains("--add-modules jdk.incubator.vector"), c.reason);
        assertInstanceOf(PlainKernel.class, Kernels.choose("vector", false).kernel);
    }

    @Test
    @Tag("vector-api")
    void withTheModuleTheVectorKernelIsChosen() {
        // the test JVM runs with --add-modules jdk.incubator.vector (surefire argLine)
        assertTrue(ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isPresent());
        assertEquals(VectorKernel.class, Kernels.choose(null, true).kernel.getClass());
        assertEquals(VectorKernel.class, Kernels.choose("auto", true).kernel.getClass());
        if (System.getProperty("dezero.kernel") == null) {
            assertEquals(VectorKernel.class, Kernels.get().getClass());
        }
    }

    @Test
    void theSuiteRunsOnTheKernelItsRunAsksFor() {
        // the build runs the suite twice: with the module (Vector API kernel) and with
        // -Ddezero.kernel=plain and no module (plain kernel), see dezero-core/pom.xml
        boolean module = ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isPresent();
        String property = System.getProperty("dezero.kernel");
        if ("plain".equals(property) || !module) {
            assertInstanceOf(PlainKernel.class, Kernels.get());
        } else {
            assertEquals(VectorKernel.class, Kernels.get().getClass());
        }
    }
}
