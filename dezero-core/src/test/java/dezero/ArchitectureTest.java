package dezero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layering of the core, read from its sources (and the kernel templates): what may use what.
 * <ul>
 * <li>{@code dezero.ndarray.kernel} uses nothing of the library but itself;</li>
 * <li>{@code dezero.ndarray} uses nothing above it (no autograd) and speaks of no backward pass;</li>
 * <li>only {@code dezero.ndarray} uses the kernel: functions, layers and optimizers call NdArray;</li>
 * <li>only the kernel's Vector classes use {@code jdk.incubator.vector};</li>
 * <li>no cast of a backing array anywhere in the core outside the storage and the kernels (the
 * array layer uses Storage's typed accessors, the rest NdArray's {@code doubleData()} ...).</li>
 * </ul>
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TEMPLATES = Path.of("src/main/templates");
    /** A reference to a library package, in an import or written out in code. */
    private static final Pattern LIBRARY_REF = Pattern.compile("\\bdezero\\.([a-z]+(?:\\.[a-z]+)*)\\.[A-Z]");
    /** A type of the Vector API, imported or written out (the module's name alone is no use of it). */
    private static final Pattern VECTOR_API = Pattern.compile("\\bjdk\\.incubator\\.vector\\.[A-Z*]");
    private static final Pattern BACKING_CAST = Pattern.compile("\\((double|float|long|boolean)\\[\\]\\)");
    /** A variable of type Object that holds elements (the way to a cast). */
    private static final Pattern UNTYPED_DATA = Pattern.compile("\\bObject\\s+(data|values|elements)\\b");

    /** A source file: its package (from its folder), its name and its code without comments. */
    private static final class Source {
        final String pkg;
        final String name;
        final String code;

        Source(Path root, Path file) {
            Path rel = root.relativize(file.getParent());
            this.pkg = rel.toString().replace(java.io.File.separatorChar, '.');
            this.name = file.getFileName().toString();
            try {
                this.code = stripComments(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> libraryPackages() {
            List<String> out = new ArrayList<>();
            Matcher m = LIBRARY_REF.matcher(code);
            while (m.find()) {
                out.add("dezero." + m.group(1));
            }
            return out;
        }

        @Override
        public String toString() {
            return pkg + "/" + name;
        }
    }

    private static String stripComments(String s) {
        return s.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    private static List<Source> sources() throws IOException {
        List<Source> out = new ArrayList<>();
        for (Path root : List.of(MAIN, TEMPLATES)) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".java.template"))
                        .filter(p -> !root.relativize(p).toString().equals("Generate.java"))
                        .collect(Collectors.toList())) {
                    out.add(new Source(root, f));
                }
            }
        }
        assertTrue(out.size() > 100, "the core's sources were not found from " + Path.of("").toAbsolutePath());
        return out;
    }

    @Test
    void theKernelUsesNothingOfTheLibraryAboveIt() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Source s : sources()) {
            if (s.pkg.equals("dezero.ndarray.kernel")) {
                for (String p : s.libraryPackages()) {
                    if (!p.equals("dezero.ndarray.kernel")) {
                        bad.add(s + " uses " + p);
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void theArrayLayerKnowsNoAutogradAndNoBackwardPass() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Source s : sources()) {
            if (s.pkg.startsWith("dezero.ndarray")) {
                for (String p : s.libraryPackages()) {
                    if (!p.startsWith("dezero.ndarray")) {
                        bad.add(s + " uses " + p);
                    }
                }
                if (s.code.toLowerCase(java.util.Locale.ROOT).contains("backward")) {
                    bad.add(s + " speaks of backward");
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void onlyTheArrayLayerUsesTheKernel() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Source s : sources()) {
            if (!s.pkg.startsWith("dezero.ndarray") && s.code.contains("dezero.ndarray.kernel")) {
                bad.add(s.toString());
            }
        }
        assertEquals(List.of(), bad, "outside dezero.ndarray the kernel is reached through NdArray only");
    }

    @Test
    void onlyTheVectorKernelUsesTheIncubatorModule() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Source s : sources()) {
            if (VECTOR_API.matcher(s.code).find()
                    && !(s.pkg.equals("dezero.ndarray.kernel") && s.name.startsWith("Vector"))) {
                bad.add(s.toString());
            }
        }
        assertEquals(List.of(), bad);
    }

    /** Where backing arrays are owned: the storage (its template) and the kernels. */
    private static boolean ownsBackingArrays(Source s) {
        return s.pkg.equals("dezero.ndarray.kernel") || s.pkg.equals("dezero.ndarray") && s.name.startsWith("Storage.");
    }

    @Test
    void noBackingArrayIsCastOutsideTheStorageAndTheKernels() throws IOException {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (Source s : sources()) {
            if (ownsBackingArrays(s)) {
                continue;
            }
            checked++;
            if (BACKING_CAST.matcher(s.code).find()) {
                bad.add(s.toString());
            }
            if (UNTYPED_DATA.matcher(s.code).find()) {
                bad.add(s + " holds untyped data");
            }
        }
        assertTrue(checked > 100, "the rule covers the whole core, " + checked + " files");
        assertEquals(List.of(), bad, "backing arrays are reached through typed accessors (Storage's in the array layer, "
                + "NdArray's doubleData() ... elsewhere)");
    }

    @Test
    void theCastCheckSeesCasts() {
        assertTrue(BACKING_CAST.matcher("out = (long[]) target;").find());
        assertTrue(BACKING_CAST.matcher("f((boolean[]) o)").find());
        assertTrue(UNTYPED_DATA.matcher("Object values = allocate(n);").find());
        assertTrue(UNTYPED_DATA.matcher("void build(NpyHeader h, Object data) {").find());
        assertTrue(!BACKING_CAST.matcher("(int[]) shape").find() && !UNTYPED_DATA.matcher("Object lock = this;").find());
    }
}
