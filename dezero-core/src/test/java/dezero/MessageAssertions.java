package dezero;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on error messages, shared by the tests of several packages. */
public final class MessageAssertions {
    private MessageAssertions() {
    }

    /** {@code e}'s message contains every one of {@code fragments}. */
    public static void assertMentions(Throwable e, String... fragments) {
        for (String f : fragments) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(f),
                    "'" + e.getMessage() + "' should mention '" + f + "'");
        }
    }
}
