package dezero.optimizers;

/** Range checks of the optimizers' and hooks' hyper-parameters, each failure naming the owner, the value and the range. */
final class HyperParameters {
    private HyperParameters() {
    }

    /** A finite number {@code >= 0} (a learning rate, a decay rate). */
    static double notNegative(String owner, String name, double v) {
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(owner + ": " + name + " must be a finite number >= 0, got " + v);
        }
        return v;
    }

    /** A finite number {@code > 0} (an epsilon that keeps a division finite, a norm). */
    static double positive(String owner, String name, double v) {
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(owner + ": " + name + " must be a finite number > 0, got " + v);
        }
        return v;
    }

    /** A factor in {@code [0, 1)}, or {@code [0, 1]} when {@code oneAllowed}. */
    static double fraction(String owner, String name, double v, boolean oneAllowed) {
        if (!(v >= 0 && (oneAllowed ? v <= 1 : v < 1))) {
            throw new IllegalArgumentException(owner + ": " + name + " must be in [0, 1" + (oneAllowed ? "]" : ")")
                    + ", got " + v);
        }
        return v;
    }
}
