package dezero.ndarray.kernel;

/** Element-wise unary operations that a {@link Kernel} implements. */
public enum UnaryOp {
    NEG, EXP, LOG, SIN, COS, TANH, SQRT, ABS, SQUARE, SIGN, RECIPROCAL,
    /** The logistic function {@code 1 / (1 + exp(-x))}, computed as {@code tanh(x/2)/2 + 1/2} like DeZero. */
    SIGMOID
}
