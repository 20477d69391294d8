package dezero.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JitOptionsTest {
    @Test
    void theTestJvmRunsWithTheLimitTheLaunchersPass() {
        // surefire's argLine passes the option like VectorModule's relaunch does; without it the
        // kernel tests would measure nothing different, but the long-JVM slowdown would go unguarded
        assertEquals(OptionalLong.of(JitOptions.TRAP_LIMIT), JitOptions.perMethodTrapLimit());
        assertNull(JitOptions.advice(JitOptions.perMethodTrapLimit()));
    }

    @Test
    void adviceNamesTheCurrentValueAndTheOptionToAdd() {
        String advice = JitOptions.advice(OptionalLong.of(100));
        assertTrue(advice.contains("PerMethodTrapLimit=100)"), advice);
        assertTrue(advice.contains("-XX:PerMethodTrapLimit=100000"), advice);
        assertNull(JitOptions.advice(OptionalLong.of(JitOptions.TRAP_LIMIT)));
        assertNull(JitOptions.advice(OptionalLong.of(1_000_000)));
        assertNull(JitOptions.advice(OptionalLong.empty()), "unknown (not HotSpot): nothing to advise");
    }

    @Test
    void aLimitGivenByTheUserIsRecognized() {
        assertTrue(JitOptions.setIn(List.of("-Xmx2g", "-XX:PerMethodTrapLimit=500")));
        assertFalse(JitOptions.setIn(List.of("-Xmx2g", "-XX:PerBytecodeTrapLimit=4")));
        assertFalse(JitOptions.setIn(List.of()));
    }
}
