package dezero.ndarray;

import dezero.ndarray.kernel.Window;

/**
 * The geometry of a 2-d sliding window (a convolution kernel or a pooling window) over NCHW
 * images: kernel height and width, stride and zero padding per spatial axis. Immutable and
 * validated on creation, so the loops in {@link Conv} can trust it.
 *
 * <pre>{@code
 * jshell> var w = ConvWindow.of("conv2d", 3, 3, 2, 2, 1, 1);
 * jshell> w.outHeight(5)            // (5 + 2*1 - 3) / 2 + 1
 * $2 ==> 3
 * }</pre>
 */
public final class ConvWindow {
    /** Kernel height and width. */
    public final int kh;
    public final int kw;
    /** Strides along H and W. */
    public final int sh;
    public final int sw;
    /** Zero padding added on both sides of H and of W. */
    public final int ph;
    public final int pw;

    private ConvWindow(int kh, int kw, int sh, int sw, int ph, int pw) {
        this.kh = kh;
        this.kw = kw;
        this.sh = sh;
        this.sw = sw;
        this.ph = ph;
        this.pw = pw;
    }

    /**
     * A window; {@code op} names the operation in error messages. Kernel sizes and strides must be
     * positive, paddings non-negative.
     */
    public static ConvWindow of(String op, int kh, int kw, int sh, int sw, int ph, int pw) {
        return of(op, null, kh, kw, sh, sw, ph, pw);
    }

    /**
     * As {@link #of(String, int, int, int, int, int, int)}; {@code operands} (e.g. "x (1, 2, 5, 5)") ends error
     * messages.
     */
    public static ConvWindow of(String op, String operands, int kh, int kw, int sh, int sw, int ph, int pw) {
        String tail = operands == null ? "" : " (" + operands + ")";
        if (kh < 1 || kw < 1) {
            throw new IllegalArgumentException(op + ": kernel size must be positive, got (" + kh + ", " + kw + ")"
                    + tail);
        }
        if (sh < 1 || sw < 1) {
            throw new IllegalArgumentException(op + ": stride must be positive, got (" + sh + ", " + sw + ")" + tail);
        }
        if (ph < 0 || pw < 0) {
            throw new IllegalArgumentException(op + ": padding must be non-negative, got (" + ph + ", " + pw + ")"
                    + tail);
        }
        return new ConvWindow(kh, kw, sh, sw, ph, pw);
    }

    /** A window from (h, w) pairs, each an {@code int[2]}. */
    public static ConvWindow of(String op, int[] kernel, int[] stride, int[] pad) {
        return of(op, null, kernel, stride, pad);
    }

    /** A window from (h, w) pairs; {@code operands} (or null) ends error messages. */
    public static ConvWindow of(String op, String operands, int[] kernel, int[] stride, int[] pad) {
        int[] k = pair(op, "kernel size", kernel);
        int[] s = pair(op, "stride", stride);
        int[] p = pair(op, "pad", pad);
        return of(op, operands, k[0], k[1], s[0], s[1], p[0], p[1]);
    }

    /** Checks that {@code v} is an (h, w) pair. */
    public static int[] pair(String op, String what, int[] v) {
        if (v == null || v.length != 2) {
            throw new IllegalArgumentException(op + ": " + what + " must be an int or an (h, w) pair, got "
                    + (v == null ? "null" : java.util.Arrays.toString(v)));
        }
        return v.clone();
    }

    /** DeZero's {@code get_conv_outsize}: {@code (size + 2*pad - kernel) // stride + 1}. */
    public static int convOutSize(int size, int kernel, int stride, int pad) {
        return Math.floorDiv(size + 2 * pad - kernel, stride) + 1;
    }

    /** DeZero's {@code get_deconv_outsize}: {@code stride * (size - 1) + kernel - 2*pad}. */
    public static int deconvOutSize(int size, int kernel, int stride, int pad) {
        return stride * (size - 1) + kernel - 2 * pad;
    }

    /** Output height for an input of height {@code h}. */
    public int outHeight(int h) {
        return convOutSize(h, kh, sh, ph);
    }

    /** Output width for an input of width {@code w}. */
    public int outWidth(int w) {
        return convOutSize(w, kw, sw, pw);
    }

    /**
     * Throws unless the kernel fits the padded image {@code h x w} (so the output is at least 1 x 1).
     * {@code shapes} describes the operands for the message.
     */
    public void requireFits(String op, int h, int w, String shapes) {
        if (h + 2 * ph < kh || w + 2 * pw < kw) {
            throw new IllegalArgumentException(op + ": kernel " + kh + "x" + kw + " is larger than the padded input "
                    + (h + 2 * ph) + "x" + (w + 2 * pw) + " (input " + h + "x" + w + ", pad (" + ph + ", " + pw + "); "
                    + shapes + ")");
        }
    }

    /** The kernel's form of this window over planes of h x w. */
    Window on(int h, int w) {
        return new Window(kh, kw, sh, sw, ph, pw, h, w, outHeight(h), outWidth(w));
    }

    @Override
    public String toString() {
        return "kernel (" + kh + ", " + kw + "), stride (" + sh + ", " + sw + "), pad (" + ph + ", " + pw + ")";
    }
}
