package dezero.functions;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad-input checks: the call must throw, and the message must name the operation and the shapes. */
final class Rejects {
    private Rejects() {
    }

    static <T extends Throwable> T rejects(Class<T> type, Executable call, String... mentioned) {
        T e = assertThrows(type, call);
        String m = String.valueOf(e.getMessage());
        for (String part : mentioned) {
            assertTrue(m.contains(part), () -> "message should mention '" + part + "': " + m);
        }
        return e;
    }
}
