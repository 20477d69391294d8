package dezero.ndarray.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels use one shape only, the preferred one. A second species of an element
 * type (a half-size FloatVector for widening, say) gives the library's shared call sites two
 * receiver classes, and C2 then stops intrinsifying them everywhere: a float32 exp run once made
 * the gemm 30 times slower. This is a guard on the code, not a timing: no species field of
 * another shape, and no use of the shape-changing API in any kernel class.
 */
@Tag("vector-api") // needs the incubator module: not in the plain-kernel run
class KernelSpeciesTest {
    private static final String[] KERNEL_CLASSES = {
        "VectorKernel", "VectorGemmF", "VectorGemmD", "VectorGemmDotF", "VectorGemmDotD", "VectorGemmNarrowF",
        "VectorGemmNarrowD", "VectorBinaryF", "VectorBinaryD", "VectorUnary", "VectorMath", "VectorReduce",
        "VectorAdamStep",
    };

    /** Names whose presence in a class file means a second shape: explicit species or shape changes. */
    private static final String[] SHAPE_CHANGING = {
        "convertShape", "castShape", "reinterpretShape", "withShape", "forBitSize", "forShape", "S_64_BIT", "S_128_BIT",
        "S_256_BIT", "S_512_BIT", "S_Max_BIT", "SPECIES_64", "SPECIES_128", "SPECIES_256", "SPECIES_512", "SPECIES_MAX",
    };

    @Test
    void everySpeciesFieldHasThePreferredShape() throws Exception {
        int seen = 0;
        for (String name : KERNEL_CLASSES) {
            Class<?> c = Class.forName("dezero.ndarray.kernel." + name);
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && VectorSpecies.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    VectorSpecies<?> s = (VectorSpecies<?>) f.get(null);
                    assertEquals(VectorShape.preferredShape(), s.vectorShape(), name + "." + f.getName());
                    seen++;
                }
            }
        }
        assertTrue(seen >= 8, "species fields found: " + seen);
    }

    @Test
    void noKernelClassChangesShape() throws IOException {
        List<String> found = new ArrayList<>();
        for (String name : KERNEL_CLASSES) {
            String text = classFileText(name);
            for (String bad : SHAPE_CHANGING) {
                if (text.contains(bad)) {
                    found.add(name + " uses " + bad);
                }
            }
        }
        assertTrue(found.isEmpty(), String.join(", ", found));
    }

    @Test
    void theScanSeesTheVectorApiCalls() throws IOException {
        // the scan reads constant-pool names: a class that calls the API must show its method names
        String text = classFileText("VectorGemmF");
        assertTrue(text.contains("intoArray") && text.contains("SPECIES_PREFERRED"));
        assertFalse(text.contains("convertShape"));
    }

    private static String classFileText(String simpleName) throws IOException {
        try (InputStream in = KernelSpeciesTest.class.getResourceAsStream(simpleName + ".class")) {
            assertNotNull(in, simpleName + ".class");
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
