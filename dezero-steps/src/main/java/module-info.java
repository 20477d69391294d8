/**
 * The book's sixty step programs, run as {@code java -jar dezero-steps.jar N} ({@code dezero.steps.Main})
 * or one source file at a time. A set of programs, not a library: it exports nothing.
 * {@code dezero.steps} is open to {@code dezero.core}, whose {@code Layer} finds the parameters of
 * the models defined there by reflection. XChart (plots) is an automatic module, hence the
 * suppressed warning.
 */
@SuppressWarnings("requires-automatic")
module dezero.steps {
    requires dezero.core;
    requires dezero.launcher;
    requires org.knowm.xchart;

    opens dezero.steps to dezero.core;
}
