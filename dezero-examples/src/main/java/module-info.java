/**
 * The book's programs, run as {@code java -jar dezero-examples.jar NAME} ({@code dezero.examples.Main}).
 * A set of programs, not a library: it exports nothing. {@code dezero.examples} is open to
 * {@code dezero.core}, whose {@code Layer} finds the parameters of the models defined there by
 * reflection. XChart (charts) is an automatic module, hence the suppressed warning.
 */
@SuppressWarnings("requires-automatic")
module dezero.examples {
    requires dezero.core;
    requires dezero.launcher;
    requires org.knowm.xchart;

    opens dezero.examples to dezero.core;
}
