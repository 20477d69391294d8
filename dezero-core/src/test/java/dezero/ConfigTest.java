package dezero;

import dezero.functions.F;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTest {

    @Test
    void scopesRestoreThePreviousValue() {
        assertTrue(Config.enableBackprop());
        try (Config.Scope outer = Config.noGrad()) {
            assertFalse(Config.enableBackprop());
            try (Config.Scope inner = Config.enableBackprop(true)) {
                assertTrue(Config.enableBackprop());
            }
            assertFalse(Config.enableBackprop());
        }
        assertTrue(Config.enableBackprop());

        assertTrue(Config.train());
        try (Config.Scope s = Config.testMode()) {
            assertFalse(Config.train());
        }
        assertTrue(Config.train());
    }

    @Test
    void scopesAreRestoredWhenTheBlockThrows() {
        assertThrows(IllegalStateException.class, () -> {
            try (Config.Scope s = Config.noGrad()) {
                throw new IllegalStateException("boom");
            }
        });
        assertTrue(Config.enableBackprop());
    }

    @Test
    void noGradInOneThreadDoesNotAffectAnother() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try (Config.Scope s = Config.noGrad()) {
                entered.countDown();
                checked.await(10, TimeUnit.SECONDS);
                assertNull(F.square(Variable.of(2.0)).creator());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        other.start();
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        // The other thread is inside noGrad right now; this thread still records graphs.
        assertTrue(Config.enableBackprop());
        assertNotNull(F.square(Variable.of(2.0)).creator());
        checked.countDown();
        other.join(10_000);
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    @Test
    void aScopeMustBeClosedOnItsOwnThread() throws Exception {
        Config.Scope s = Config.noGrad();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                s.close();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        t.join();
        s.close();
        assertEquals(IllegalStateException.class, thrown.get().getClass());
        assertTrue(Config.enableBackprop());
    }
}
