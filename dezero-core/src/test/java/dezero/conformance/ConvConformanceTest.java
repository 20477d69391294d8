package dezero.conformance;

import dezero.Variable;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Golden cases of {@code conv.json}: conv2d, conv2d_simple, deconv2d, pooling, pooling_simple,
 * average_pooling, im2col and col2im of DeZero's {@code dezero/functions_conv.py}.
 */
class ConvConformanceTest {

    @TestFactory
    List<DynamicTest> conv() {
        return new Suite("conv.json", c -> Suite.standard(c, FunctionCases.Dtypes.REFERENCE))
                .divergence("average_pooling_k2x3_s2x3", ConvConformanceTest::nonSquareAveragePooling)
                .tests();
    }

    /**
     * The reference's average-pooling backward swaps KH and KW and raised for this (2, 3) kernel. The
     * forward is the reference's; our grads have x's shape and equal float64 central differences for
     * the all-ones seed and for a random upstream gradient (the case has none: the reference raised).
     */
    static void nonSquareAveragePooling(GoldenCase c) {
        Op op = Suite.op(c);
        GoldenCase.In in = c.fresh();
        Variable y = FunctionCases.forward(c, op, in, FunctionCases.Dtypes.REFERENCE);
        y.backward();
        assertArrayEquals(in.a("x").shape(), in.v("x").grad().shape(), c.id() + ": grad shape of x");
        FunctionCases.checkAgainstFiniteDifferences(c, op, NdArray.onesLike(y.data()), "grads (all-ones seed)");
        FunctionCases.checkAgainstFiniteDifferences(c, op, FunctionsConformanceTest.randomLike(y.data(), 13),
                "upstream grads (random gy)");
    }
}
