package dezero.ndarray.kernel;

/** Reductions along one axis that a {@link Kernel} implements. */
public enum ReduceOp {
    SUM, MAX, MIN
}
