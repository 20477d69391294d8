package dezero.ndarray;

/** Element-wise comparisons producing bool masks. */
enum CompareOp {
    EQ, NE, LT, LE, GT, GE
}
