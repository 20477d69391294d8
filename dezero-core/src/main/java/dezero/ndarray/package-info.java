/**
 * The array layer: {@link dezero.ndarray.NdArray}, DeZero's NumPy. It knows nothing of autograd.
 *
 * <p><b>The one rule of this layer.</b> {@code NdArray} and its helpers in this package do shapes,
 * strides, broadcasting, type promotion and dispatch; every loop over elements that computes is a
 * method of the {@link dezero.ndarray.kernel.Kernel} (element-wise arithmetic and math,
 * comparisons and selection, reductions, arg-extremes, sumTo's accumulations, matrix products,
 * im2col and col2im, pooling, the fused activation masks and the optimizers' fused steps), which
 * has a plain-Java implementation and a Vector API one, chosen once. What stays here is moving
 * elements without computing on them (the typed storage's copies, gathers and scatters for
 * reshaping, transposing and indexing), dtype conversion, and the scalar bookkeeping of printing
 * and random numbers. Callers outside this package use {@code NdArray} and never the kernel
 * (optimizers included); nothing here speaks of backward passes: operations are named for what
 * they compute ({@code maskedByPositive}, {@code logisticSlopeTimes}, {@code adamStepInPlace}).
 * {@code ArchitectureTest} checks what may import what.
 *
 * <p>Elements live in a sealed {@code Storage} (float64, float32, int64, bool), reached through its
 * typed accessors: no cast of a backing array outside the storage and the kernels.
 */
package dezero.ndarray;
