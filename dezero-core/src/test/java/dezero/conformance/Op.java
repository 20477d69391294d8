package dezero.conformance;

import dezero.Variable;

/** The Java computation equivalent to a golden case's {@code op}, applied to fresh inputs. */
@FunctionalInterface
interface Op {
    Variable apply(GoldenCase.In in);
}
