package dezero.steps;

/**
 * Step 56: the CNN's building blocks, the theory (the book's step 56 has no code; this program
 * prints nothing).
 *
 * <p>Images are 4-D arrays (N, C, H, W): a batch of N pictures of C channels. A convolution layer
 * holds OC kernels of shape (C, KH, KW) and a bias of OC values and turns (N, C, H, W) into
 * (N, OC, OH, OW); a pooling layer (max or average over a window) shrinks H and W and has no
 * parameters. Step 57 computes both efficiently with {@code im2col}, which unrolls every window
 * into a row so that the convolution becomes one matrix product.
 */
public final class Step56 {
    private Step56() {
    }

    public static void main(String[] args) {
        // No code in the book's step 56: see the class comment for the idea it explains.
    }
}
