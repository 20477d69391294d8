package dezero.ndarray;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * NumPy's {@code str()} and {@code repr()} of arrays with NumPy 2's default print options
 * (precision 8, threshold 1000, edgeitems 3, linewidth 75, suppress False, floatmode 'maxprec',
 * sign '-'). This follows {@code numpy/_core/arrayprint.py} ({@code _formatArray},
 * {@code FloatingFormat}, {@code IntegerFormat}, {@code BoolFormat}) and the Dragon4 digit rules
 * (shortest round-trip digits, cut at the precision with round-half-even on the exact binary value).
 *
 * <pre>{@code
 * str:  [0.5        1.33333333]      [[1. 2.]\n [3. 4.]]      1.5 (0-d)
 * repr: array([0.5       , 1.33333333])      array([1.5, 2. ], dtype=float32)
 * }</pre>
 */
final class ArrayFormatter {
    private static final int PRECISION = 8;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final int LINE_WIDTH = 75;

    private ArrayFormatter() {
    }

    /** NumPy's {@code str(a)}. */
    static String format(NdArray a) {
        if (a.shape.length == 0) {
            return scalarStr(a);
        }
        if (a.size == 0) {
            return "[]";
        }
        return formatArray(a, " ", "", LINE_WIDTH);
    }

    /** NumPy's {@code repr(a)}. */
    static String repr(NdArray a) {
        String prefix = "array(";
        String lst = a.size == 0 ? "[]" : formatArray(a, ", ", prefix, LINE_WIDTH - 1);
        List<String> extras = new ArrayList<>();
        if ((a.size == 0 && a.shape.length != 1) || a.size > THRESHOLD) {
            extras.add("shape=" + Shapes.str(a.shape));
        }
        if (a.dtype == DType.FLOAT32 || a.size == 0) {
            extras.add("dtype=" + a.dtype.numpyName());
        }
        if (extras.isEmpty()) {
            return prefix + lst + ")";
        }
        String arrStr = prefix + lst + ",";
        String extraStr = String.join(", ", extras) + ")";
        int lastLineLen = arrStr.length() - (arrStr.lastIndexOf('\n') + 1);
        String spacer = " ";
        if (lastLineLen + extraStr.length() + 1 > LINE_WIDTH) {
            spacer = "\n" + " ".repeat(prefix.length());
        }
        return arrStr + spacer + extraStr;
    }

    // ------------------------------------------------------------------ 0-d str (NumPy scalar str)

    private static String scalarStr(NdArray a) {
        switch (a.dtype) {
            case FLOAT64:
                return pyRepr((a.data.doubles())[0], false);
            case FLOAT32:
                return pyRepr((a.data.floats())[0], true);
            case INT64:
                return Long.toString((a.data.longs())[0]);
            default:
                return (a.data.booleans())[0] ? "True" : "False";
        }
    }

    /**
     * The str of a NumPy float scalar, which for float64 is Python's {@code repr(float)}: shortest
     * round-trip digits, positional when {@code 1e-4 <= |x| < 1e16} (float32: {@code < 1e6}), else
     * scientific.
     */
    static String pyRepr(double x, boolean f32) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        String sign = isNegative(x) ? "-" : "";
        double ax = Math.abs(x);
        if (ax == 0) {
            return sign + "0.0";
        }
        BigDecimal s = shortest(ax, f32);
        if (ax >= 1e-4 && ax < (f32 ? 1e6 : 1e16)) {
            String plain = s.toPlainString();
            if (plain.indexOf('.') < 0) {
                plain += ".0";
            }
            return sign + plain;
        }
        String digits = s.unscaledValue().toString();
        int exp = digits.length() - 1 - s.scale();
        StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        return sb.append('e').append(expString(exp, 2)).toString();
    }

    // ------------------------------------------------------------------ digits

    private static boolean isNegative(double x) {
        return (Double.doubleToRawLongBits(x) & Long.MIN_VALUE) != 0;
    }

    private static boolean roundTrips(BigDecimal d, double ax, boolean f32) {
        return f32 ? d.floatValue() == (float) ax : d.doubleValue() == ax;
    }

    /**
     * The shortest decimal (trailing zeros stripped) that reads back as {@code ax} (positive,
     * finite, non-zero) in float64, or in float32 when {@code f32}; the nearest such when several.
     */
    static BigDecimal shortest(double ax, boolean f32) {
        BigDecimal exact = new BigDecimal(ax);
        int maxDigits = f32 ? 9 : 17;
        for (int p = 1; p <= maxDigits; p++) {
            BigDecimal lo = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal hi = exact.round(new MathContext(p, RoundingMode.CEILING));
            boolean okLo = roundTrips(lo, ax, f32);
            boolean okHi = roundTrips(hi, ax, f32);
            if (okLo && okHi) {
                int c = exact.subtract(lo).compareTo(hi.subtract(exact));
                if (c < 0) {
                    return lo.stripTrailingZeros();
                }
                if (c > 0) {
                    return hi.stripTrailingZeros();
                }
                return exact.round(new MathContext(p, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            }
            if (okLo) {
                return lo.stripTrailingZeros();
            }
            if (okHi) {
                return hi.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(maxDigits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** Dragon4 positional, unique, at most {@code precision} fractional digits, trailing zeros trimmed: {int, frac}. */
    private static String[] positional(double x, boolean f32, int precision) {
        String sign = isNegative(x) ? "-" : "";
        double ax = Math.abs(x);
        if (ax == 0) {
            return new String[] {sign + "0", ""};
        }
        BigDecimal s = shortest(ax, f32);
        if (s.scale() > precision) {
            s = new BigDecimal(ax).setScale(precision, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
        if (s.signum() == 0) {
            return new String[] {sign + "0", ""};
        }
        String plain = s.toPlainString();
        int dot = plain.indexOf('.');
        if (dot < 0) {
            return new String[] {sign + plain, ""};
        }
        return new String[] {sign + plain.substring(0, dot), plain.substring(dot + 1)};
    }

    /** Dragon4 scientific, unique, at most {@code precision} fractional digits, trimmed: {int, frac, exponent}. */
    private static Object[] scientific(double x, boolean f32, int precision) {
        String sign = isNegative(x) ? "-" : "";
        double ax = Math.abs(x);
        if (ax == 0) {
            return new Object[] {sign + "0", "", 0};
        }
        BigDecimal s = shortest(ax, f32);
        if (s.precision() - 1 > precision) {
            s = new BigDecimal(ax).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        }
        String digits = s.unscaledValue().toString();
        int exp = digits.length() - 1 - s.scale();
        return new Object[] {sign + digits.charAt(0), digits.substring(1), exp};
    }

    /** Scientific with exactly {@code precision} fractional digits of the exact binary value, rounded half-even. */
    private static Object[] scientificExact(double x, int precision) {
        String sign = isNegative(x) ? "-" : "";
        double ax = Math.abs(x);
        if (ax == 0) {
            return new Object[] {sign + "0", "0".repeat(precision), 0};
        }
        BigDecimal r = new BigDecimal(ax).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String digits = r.unscaledValue().toString();
        int exp = digits.length() - 1 - r.scale();
        StringBuilder frac = new StringBuilder(digits.substring(1));
        while (frac.length() < precision) {
            frac.append('0');
        }
        return new Object[] {sign + digits.charAt(0), frac.substring(0, precision), exp};
    }

    private static String expString(int exp, int minDigits) {
        StringBuilder d = new StringBuilder(Integer.toString(Math.abs(exp)));
        while (d.length() < minDigits) {
            d.insert(0, '0');
        }
        return (exp < 0 ? "-" : "+") + d;
    }

    // ------------------------------------------------------------------ element formats

    private interface ElementFormat {
        String format(int flat);
    }

    private static double value(NdArray a, int i) {
        return a.dtype == DType.FLOAT32 ? (a.data.floats())[i] : (a.data.doubles())[i];
    }

    private static ElementFormat elementFormat(NdArray a, int[] shown) {
        switch (a.dtype) {
            case FLOAT64:
            case FLOAT32:
                return new FloatFormat(a, shown);
            case INT64: {
                long[] d = a.data.longs();
                int width = 0;
                if (shown.length > 0) {
                    long max = Long.MIN_VALUE;
                    long min = Long.MAX_VALUE;
                    for (int i : shown) {
                        max = Math.max(max, d[i]);
                        min = Math.min(min, d[i]);
                    }
                    width = Math.max(Long.toString(max).length(), Long.toString(min).length());
                }
                final int w = width;
                return i -> padLeft(Long.toString(d[i]), w);
            }
            default: {
                boolean[] d = a.data.booleans();
                String t = a.shape.length == 0 ? "True" : " True";
                return i -> d[i] ? t : "False";
            }
        }
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** NumPy's FloatingFormat for floatmode 'maxprec', sign '-', suppress False. */
    private static final class FloatFormat implements ElementFormat {
        private final NdArray a;
        private final boolean f32;
        private boolean expFormat;
        private int padLeft;
        private int padRight;
        private int precision = PRECISION;
        private int expSize = -1;

        FloatFormat(NdArray a, int[] shown) {
            this.a = a;
            this.f32 = a.dtype == DType.FLOAT32;
            List<Double> finite = new ArrayList<>();
            boolean anyNonFinite = false;
            boolean negInf = false;
            for (int i : shown) {
                double v = value(a, i);
                if (Double.isFinite(v)) {
                    finite.add(v);
                } else {
                    anyNonFinite = true;
                    negInf |= v == Double.NEGATIVE_INFINITY;
                }
            }
            double max = -1;
            double min = Double.POSITIVE_INFINITY;
            for (double v : finite) {
                double av = Math.abs(v);
                if (av != 0) {
                    max = Math.max(max, av);
                    min = Math.min(min, av);
                }
            }
            if (max > 0) {
                if (f32) {
                    // NumPy 2: the cutoff is 10**min(8, finfo(dtype).precision), compared in float32
                    float fmax = (float) max;
                    float fmin = (float) min;
                    expFormat = fmax >= 1e6f || fmin < 0.0001f || fmax / fmin > 1000f;
                } else {
                    expFormat = max >= 1e8 || min < 0.0001 || max / min > 1000.0;
                }
            }
            if (finite.isEmpty()) {
                padLeft = 0;
                padRight = 0;
            } else if (expFormat) {
                int maxFrac = 0;
                int maxInt = 0;
                int maxExpDigits = 0;
                for (double v : finite) {
                    Object[] p = scientific(v, f32, PRECISION);
                    maxInt = Math.max(maxInt, ((String) p[0]).length());
                    maxFrac = Math.max(maxFrac, ((String) p[1]).length());
                    maxExpDigits = Math.max(maxExpDigits, expString((Integer) p[2], 2).length() - 1);
                }
                expSize = maxExpDigits;
                precision = maxFrac;
                padLeft = maxInt;
                padRight = expSize + 2 + precision;
            } else {
                int maxFrac = 0;
                int maxInt = 0;
                for (double v : finite) {
                    String[] p = positional(v, f32, PRECISION);
                    maxInt = Math.max(maxInt, p[0].length());
                    maxFrac = Math.max(maxFrac, p[1].length());
                }
                padLeft = maxInt;
                padRight = maxFrac;
            }
            if (anyNonFinite) {
                int offset = padRight + 1;
                padLeft = Math.max(padLeft, Math.max(3 - offset, 3 + (negInf ? 1 : 0) - offset));
            }
        }

        @Override
        public String format(int flat) {
            double x = value(a, flat);
            if (!Double.isFinite(x)) {
                String ret = Double.isNaN(x) ? "nan" : x < 0 ? "-inf" : "inf";
                return padLeft(ret, padLeft + padRight + 1);
            }
            if (expFormat) {
                // min_digits == precision: Dragon4 goes on past the unique digits with the exact ones
                Object[] p = scientificExact(x, precision);
                return padLeft((String) p[0], padLeft) + "." + p[1] + "e" + expString((Integer) p[2], expSize);
            }
            String[] p = positional(x, f32, precision);
            return padLeft(p[0], padLeft) + "." + padRight(p[1], padRight);
        }
    }

    // ------------------------------------------------------------------ layout (_formatArray)

    /** Flat indices of the elements that are displayed (all, or the edges when summarising). */
    private static int[] shownIndices(NdArray a, boolean summarize) {
        List<Integer> out = new ArrayList<>();
        collect(a, summarize, 0, 0, out);
        int[] r = new int[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }

    private static void collect(NdArray a, boolean summarize, int axis, int base, List<Integer> out) {
        if (axis == a.shape.length) {
            out.add(base);
            return;
        }
        int len = a.shape[axis];
        int stride = 1;
        for (int k = axis + 1; k < a.shape.length; k++) {
            stride *= a.shape[k];
        }
        boolean cut = summarize && 2 * EDGE_ITEMS < len;
        for (int i = 0; i < len; i++) {
            if (cut && i >= EDGE_ITEMS && i < len - EDGE_ITEMS) {
                continue;
            }
            collect(a, summarize, axis + 1, base + i * stride, out);
        }
    }

    private static String formatArray(NdArray a, String separator, String prefix, int lineWidth) {
        boolean summarize = a.size > THRESHOLD;
        ElementFormat fmt = elementFormat(a, shownIndices(a, summarize));
        if (a.shape.length == 0) {
            return fmt.format(0);
        }
        int[] strides = new int[a.shape.length];
        int st = 1;
        for (int k = a.shape.length - 1; k >= 0; k--) {
            strides[k] = st;
            st *= a.shape[k];
        }
        String nextLinePrefix = " " + " ".repeat(prefix.length());
        return new Layout(a, fmt, separator, summarize ? "..." : "", strides).recurse(0, 0, nextLinePrefix,
                lineWidth);
    }

    private static final class Layout {
        private final NdArray a;
        private final ElementFormat fmt;
        private final String separator;
        private final String summaryInsert;
        private final int[] strides;

        Layout(NdArray a, ElementFormat fmt, String separator, String summaryInsert, int[] strides) {
            this.a = a;
            this.fmt = fmt;
            this.separator = separator;
            this.summaryInsert = summaryInsert;
            this.strides = strides;
        }

        private String[] extendLine(String s, String line, String word, int lineWidth, String nextLinePrefix) {
            boolean needsWrap = line.length() + word.length() > lineWidth;
            if (line.length() <= nextLinePrefix.length()) {
                needsWrap = false;
            }
            if (needsWrap) {
                s += stripTrailing(line) + "\n";
                line = nextLinePrefix;
            }
            return new String[] {s, line + word};
        }

        String recurse(int axis, int base, String hangingIndent, int currWidth) {
            int axesLeft = a.shape.length - axis;
            if (axesLeft == 0) {
                return fmt.format(base);
            }
            String nextHangingIndent = hangingIndent + " ";
            int nextWidth = currWidth - 1;
            int len = a.shape[axis];
            boolean showSummary = !summaryInsert.isEmpty() && 2 * EDGE_ITEMS < len;
            int leading = showSummary ? EDGE_ITEMS : 0;
            int trailing = showSummary ? EDGE_ITEMS : len;
            int stride = strides[axis];
            String s = "";
            if (axesLeft == 1) {
                int elemWidth = currWidth - Math.max(stripTrailing(separator).length(), 1);
                String line = hangingIndent;
                String[] sl;
                for (int i = 0; i < leading; i++) {
                    String word = recurse(axis + 1, base + i * stride, nextHangingIndent, nextWidth);
                    sl = extendLine(s, line, word, elemWidth, hangingIndent);
                    s = sl[0];
                    line = sl[1] + separator;
                }
                if (showSummary) {
                    sl = extendLine(s, line, summaryInsert, elemWidth, hangingIndent);
                    s = sl[0];
                    line = sl[1] + separator;
                }
                for (int i = trailing; i > 1; i--) {
                    String word = recurse(axis + 1, base + (len - i) * stride, nextHangingIndent, nextWidth);
                    sl = extendLine(s, line, word, elemWidth, hangingIndent);
                    s = sl[0];
                    line = sl[1] + separator;
                }
                String word = recurse(axis + 1, base + (len - 1) * stride, nextHangingIndent, nextWidth);
                sl = extendLine(s, line, word, elemWidth, hangingIndent);
                s = sl[0] + sl[1];
            } else {
                StringBuilder sb = new StringBuilder();
                String lineSep = stripTrailing(separator) + "\n".repeat(axesLeft - 1);
                for (int i = 0; i < leading; i++) {
                    sb.append(hangingIndent).append(recurse(axis + 1, base + i * stride, nextHangingIndent, nextWidth))
                            .append(lineSep);
                }
                if (showSummary) {
                    sb.append(hangingIndent).append(summaryInsert).append(lineSep);
                }
                for (int i = trailing; i > 1; i--) {
                    sb.append(hangingIndent)
                            .append(recurse(axis + 1, base + (len - i) * stride, nextHangingIndent, nextWidth))
                            .append(lineSep);
                }
                sb.append(hangingIndent)
                        .append(recurse(axis + 1, base + (len - 1) * stride, nextHangingIndent, nextWidth));
                s = sb.toString();
            }
            return "[" + s.substring(hangingIndent.length()) + "]";
        }
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
