package dezero.ndarray.kernel;

/**
 * A 2-d sliding window over the planes of NCHW images, as the kernel's image loops take it:
 * kernel height and width, strides, zero padding, the plane's height and width and the output's.
 * The array layer validates the geometry ({@code dezero.ndarray.ConvWindow}) before it builds one.
 */
public final class Window {
    final int kh;
    final int kw;
    final int sh;
    final int sw;
    final int ph;
    final int pw;
    final int h;
    final int w;
    final int oh;
    final int ow;

    /** A window of kh x kw with strides (sh, sw) and padding (ph, pw) over h x w planes, giving oh x ow outputs. */
    public Window(int kh, int kw, int sh, int sw, int ph, int pw, int h, int w, int oh, int ow) {
        this.kh = kh;
        this.kw = kw;
        this.sh = sh;
        this.sw = sw;
        this.ph = ph;
        this.pw = pw;
        this.h = h;
        this.w = w;
        this.oh = oh;
        this.ow = ow;
    }
}
