package dezero.steps;

import dezero.Variable;
import dezero.functions.F;
import dezero.ndarray.NdArray;
import dezero.ndarray.NdRandom;
import dezero.ndarray.Shapes;

/**
 * Step 57: convolution with {@code im2col}. {@code F.im2col} copies each kernel-sized window of
 * the input into one row: a (1, 3, 7, 7) image and a 5x5 kernel give 9 windows of 3 * 5 * 5 = 75
 * values, (9, 75); ten images give (90, 75). {@code F.conv2dSimple} then is im2col, a matrix
 * product with the reshaped kernels and a reshape, and backpropagates like any composition of
 * functions.
 */
public final class Step57 {
    private Step57() {
    }

    public static void main(String[] args) {
        NdRandom.seedGlobal(0); // the reference's recordings start from np.random.seed(0)

        // im2col
        Variable x1 = new Variable(NdRandom.global().rand(1, 3, 7, 7));
        Variable col1 = F.im2col(x1, 5, 1, 0, true);
        System.out.println(Shapes.str(col1.shape())); // (9, 75)

        Variable x2 = new Variable(NdRandom.global().rand(10, 3, 7, 7)); // ten images
        int[] kernelSize = {5, 5};
        int[] stride = {1, 1};
        int[] pad = {0, 0};
        Variable col2 = F.im2col(x2, kernelSize, stride, pad, true);
        System.out.println(Shapes.str(col2.shape())); // (90, 75)

        // conv2d
        int n = 1;
        int c = 5;
        int h = 15;
        int w = 15;
        int oc = 8;
        int kh = 3;
        int kw = 3;
        Variable x = new Variable(NdRandom.global().randn(n, c, h, w));
        NdArray weight = NdRandom.global().randn(oc, c, kh, kw);
        Variable y = F.conv2dSimple(x, new Variable(weight), null, 1, 1);
        y.backward();
        System.out.println(Shapes.str(y.shape())); // (1, 8, 15, 15)
        System.out.println(Shapes.str(x.grad().shape())); // (1, 5, 15, 15)
    }
}
