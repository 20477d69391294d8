package dezero.steps;

/**
 * Step 55: the mechanics of convolution. A kernel slides over the input; with input size H,
 * kernel size KH, stride SH and padding PH on each side, the output has
 * (H + 2 PH - KH) / SH + 1 rows (integer division), and the same for the width. A 4x4 input with
 * a 3x3 kernel, stride 1 and padding 1 keeps its size: 4x4.
 */
public final class Step55 {
    private Step55() {
    }

    static int getConvOutsize(int inputSize, int kernelSize, int stride, int pad) {
        return (inputSize + pad * 2 - kernelSize) / stride + 1;
    }

    public static void main(String[] args) {
        int h = 4; // input size
        int w = 4;
        int kh = 3; // kernel size
        int kw = 3;
        int sh = 1; // stride
        int sw = 1;
        int ph = 1; // padding
        int pw = 1;

        int oh = getConvOutsize(h, kh, sh, ph);
        int ow = getConvOutsize(w, kw, sw, pw);
        System.out.println(oh + " " + ow);
    }
}
