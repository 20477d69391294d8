package dezero.ndarray.kernel;

/** Element-wise binary operations that a {@link Kernel} implements. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM
}
