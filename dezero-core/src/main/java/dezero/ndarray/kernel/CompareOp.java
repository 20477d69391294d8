package dezero.ndarray.kernel;

/** Element-wise comparisons producing bool masks, which a {@link Kernel} implements. */
public enum CompareOp {
    EQ, NE, LT, LE, GT, GE
}
