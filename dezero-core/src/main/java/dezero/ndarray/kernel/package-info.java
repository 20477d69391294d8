/**
 * The kernels: every loop over the elements of an array, on flat primitive arrays, behind one
 * interface, {@link dezero.ndarray.kernel.Kernel}, chosen once by
 * {@link dezero.ndarray.kernel.Kernels#get()}: {@code PlainKernel} (plain Java in the loop forms
 * C2 vectorizes) or {@code VectorKernel} (the Vector API, {@code jdk.incubator.vector}, loaded by
 * name only when the module is present). A Vector implementation may hand an operation to the
 * plain one where SIMD gives nothing, and says why where it does.
 *
 * <p>The float64, float32 and int64 twins (gemm, element-wise loops, reductions, image windows,
 * the Adam step) are generated at build time from one template each ({@code src/main/templates},
 * {@code Generate.java}): a fix to a template fixes every dtype. This package imports nothing of
 * the library above it; only {@code dezero.ndarray} uses it.
 */
package dezero.ndarray.kernel;
