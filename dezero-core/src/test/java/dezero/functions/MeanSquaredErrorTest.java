package dezero.functions;

import dezero.Variable;
import dezero.ndarray.DType;
import dezero.ndarray.NdArray;
import org.junit.jupiter.api.Test;

import java.util.function.BiFunction;

import static dezero.functions.FnTest.BROADCAST_PAIRS;
import static dezero.functions.FnTest.assertValues;
import static dezero.functions.FnTest.checkGrad;
import static dezero.functions.FnTest.checkSecondOrder;
import static dezero.functions.FnTest.rand;
import static dezero.functions.FnTest.var;
import static dezero.functions.Rejects.rejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** F.meanSquaredError (fused) and F.meanSquaredErrorSimple: sum of squares over len(x0 - x1). */
class MeanSquaredErrorTest {
    private static final BiFunction<Variable, Variable, Variable> FUSED = F::meanSquaredError;
    private static final BiFunction<Variable, Variable, Variable> SIMPLE = F::meanSquaredErrorSimple;

    @Test
    void dividesByTheFirstAxisLengthNotTheSize() {
        for (BiFunction<Variable, Variable, Variable> mse : java.util.List.of(FUSED, SIMPLE)) {
            Variable x0 = var(new double[] {1, 2, 3, 4}, 2, 2);
            Variable x1 = var(new double[] {0, 0, 1, 1}, 2, 2);
            Variable y = mse.apply(x0, x1);
            // diff [[1, 2], [2, 3]]: (1 + 4 + 4 + 9) / 2
            assertValues(new double[] {9}, new int[] {}, y);
            y.backward();
            assertValues(new double[] {1, 2, 2, 3}, new int[] {2, 2}, x0.grad());
            assertValues(new double[] {-1, -2, -2, -3}, new int[] {2, 2}, x1.grad());

            Variable a = var(new double[] {1, 2, 3}, 3);
            Variable b = mse.apply(a, var(new double[] {0, 0, 0}, 3));
            assertValues(new double[] {14.0 / 3}, new int[] {}, b);
        }
    }

    @Test
    void broadcastGradientsHaveTheInputsShapes() {
        for (BiFunction<Variable, Variable, Variable> mse : java.util.List.of(FUSED, SIMPLE)) {
            Variable x0 = var(new double[] {1, 2, 3, 4}, 2, 2);
            Variable x1 = var(new double[] {0, 1}, 2);
            Variable y = mse.apply(x0, x1);
            // diff [[1, 1], [3, 3]]: (1 + 1 + 9 + 9) / 2
            assertValues(new double[] {10}, new int[] {}, y);
            y.backward();
            assertValues(new double[] {1, 1, 3, 3}, new int[] {2, 2}, x0.grad());
            assertValues(new double[] {-4, -4}, new int[] {2}, x1.grad());
        }
    }

    @Test
    void targetArrayGetsNoGradientAndFloat32StaysFloat32() {
        Variable x0 = var(NdArray.array(new float[][] {{1, 2}, {3, 4}}));
        Variable y = F.meanSquaredError(x0, Variable.constant(NdArray.zeros(DType.FLOAT32, 2, 2)));
        assertEquals(DType.FLOAT32, y.dtype());
        assertEquals(15.0, y.data().item());
        y.backward();
        assertEquals(DType.FLOAT32, x0.grad().dtype());
        assertArrayEquals(new float[] {1, 2, 3, 4}, x0.grad().data().toFloatArray());
    }

    @Test
    void gradientChecksIncludingBroadcastShapes() {
        long seed = 3500;
        for (int[][] p : BROADCAST_PAIRS) {
            checkGrad(xs -> F.meanSquaredError(xs[0], xs[1]), rand(seed++, p[0]), rand(seed++, p[1]));
            checkGrad(xs -> F.meanSquaredErrorSimple(xs[0], xs[1]), rand(seed++, p[0]), rand(seed++, p[1]));
        }
    }

    @Test
    void secondOrder() {
        checkSecondOrder(xs -> F.meanSquaredError(xs[0], xs[1]).pow(2), rand(3550, 2, 3), rand(3551, 2, 3));
        checkSecondOrder(xs -> F.meanSquaredError(F.tanh(xs[0]), xs[1]), rand(3552, 3, 1), rand(3553, 4));
        checkSecondOrder(xs -> F.meanSquaredErrorSimple(F.tanh(xs[0]), xs[1]), rand(3554, 2, 3), rand(3555, 3));
    }

    @Test
    void badShapesAreRejected() {
        for (int i = 0; i < 2; i++) {
            BiFunction<Variable, Variable, Variable> mse = i == 0 ? FUSED : SIMPLE;
            String name = i == 0 ? "meanSquaredError" : "meanSquaredErrorSimple";
            rejects(IllegalArgumentException.class, () -> mse.apply(var(rand(1, 2, 3)), var(rand(2, 3, 2))),
                    name, "(2, 3)", "(3, 2)");
        }
        rejects(RuntimeException.class, () -> F.meanSquaredError(Variable.of(1.0), Variable.of(2.0)), "0-d");
    }
}
