package dezero.launcher;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapOptionsTest {
    @Test
    void addsTheParallelCollectorAndPreTouchUnlessChosen() {
        assertEquals(HeapOptions.STEADY, HeapOptions.missingFrom(List.of("-Xmx1g")));
        assertEquals(List.of("-XX:+AlwaysPreTouch"), HeapOptions.missingFrom(List.of("-XX:+UseG1GC")));
        assertEquals(List.of("-XX:+UseParallelGC"), HeapOptions.missingFrom(List.of("-XX:-AlwaysPreTouch")));
        assertTrue(HeapOptions.missingFrom(List.of("-XX:+UseZGC", "-XX:+AlwaysPreTouch")).isEmpty());
    }

    @Test
    void theRelaunchCommandCarriesThemOnce() {
        List<String> cmd = VectorModule.command(HeapOptionsTest.class, new String[0], List.of("-XX:+UseSerialGC"),
                null, null);
        assertTrue(cmd.contains("-XX:+AlwaysPreTouch"), cmd.toString());
        assertEquals(1, cmd.stream().filter(o -> o.matches("-XX:[+-]Use\\w*GC")).count(), cmd.toString());
    }
}
