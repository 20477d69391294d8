package dezero.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what a step program printed with what the reference's Python program printed, line by
 * line: numbers by value, everything else as text. Only differences of formatting pass:
 * <ul>
 *   <li>the way a number is written ({@code 1e-05} and {@code 1.0E-5}, {@code 0.0001} and
 *       {@code 1.0E-4}, Python's and Java's shortest representations) when the values agree within
 *       the tolerance, but an integer stays an integer ({@code 1} does not match {@code 1.0}: that
 *       would be a different dtype);</li>
 *   <li>white space around and between numbers (NumPy pads array columns to the widest number, so a
 *       different last digit can change the padding), and trailing white space.</li>
 * </ul>
 * A number matches when {@code |actual - expected| <= rtol * max(|actual|, |expected|) + slack},
 * where {@code slack} is zero, or one unit in the last printed decimal of the expected number when
 * the program formats with a fixed number of decimals ({@code %.4f}): Java's {@code Formatter}
 * rounds the shortest decimal representation of a double and Python the exact binary value, so a
 * value on a rounding boundary can come out one unit apart (0.60025 as 0.6003 and 0.6002).
 */
final class PrintedOutput {
    private PrintedOutput() {
    }

    /** How closely numbers must agree. */
    record Tolerance(double rtol, boolean fixedDecimals) {
        static final Tolerance FLOAT64 = new Tolerance(1e-9, false);
        static final Tolerance FLOAT32 = new Tolerance(1e-5, false);

        Tolerance withFixedDecimals() {
            return new Tolerance(rtol, true);
        }
    }

    /** A piece of a line: a number (with its value) or the text between numbers. */
    record Token(String text, boolean number, boolean integer, double value, int decimals) {
        @Override
        public String toString() {
            return text;
        }
    }

    // A number: optional sign, digits with an optional fraction and exponent, or nan / inf(inity)
    // standing alone (not inside a word such as "information").
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(?:(?<![A-Za-z])(?:nan|inf|infinity)(?![A-Za-z])|(?:\\d+\\.\\d*|\\.\\d+|\\d+)(?:[eE][-+]?\\d+)?)",
            Pattern.CASE_INSENSITIVE);

    /** The lines of a program's output, without trailing white space and without the final empty line. */
    static List<String> lines(String output) {
        List<String> out = new ArrayList<>();
        for (String line : output.replace("\r\n", "\n").split("\n", -1)) {
            out.add(line.stripTrailing());
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** The numbers and the texts between them; texts lose their white space. */
    static List<Token> tokenize(String line) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = NUMBER.matcher(line);
        int at = 0;
        while (m.find()) {
            addText(tokens, line.substring(at, m.start()));
            tokens.add(number(m.group()));
            at = m.end();
        }
        addText(tokens, line.substring(at));
        return tokens;
    }

    private static void addText(List<Token> tokens, String text) {
        String t = text.replaceAll("\\s+", "");
        if (!t.isEmpty()) {
            tokens.add(new Token(t, false, false, Double.NaN, -1));
        }
    }

    private static Token number(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String body = lower.replaceFirst("^[-+]", "");
        if (body.equals("nan")) {
            return new Token(s, true, false, Double.NaN, -1);
        }
        if (body.startsWith("inf")) {
            return new Token(s, true, false, negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, -1);
        }
        boolean exponent = body.contains("e");
        int dot = body.indexOf('.');
        boolean integer = dot < 0 && !exponent;
        int decimals = exponent || dot < 0 ? -1 : body.length() - dot - 1;
        return new Token(s, true, integer, Double.parseDouble(s), decimals);
    }

    /**
     * Why {@code actual} does not match {@code expected}, or null when it does.
     *
     * @param skipFloats compare the text and the integers only (numbers with a fraction or an
     *                   exponent may differ: for a run on other data)
     */
    static String mismatch(String expected, String actual, Tolerance tol, boolean skipFloats) {
        List<Token> e = tokenize(expected);
        List<Token> a = tokenize(actual);
        if (e.size() != a.size()) {
            return "different shape: expected tokens " + e + ", got " + a;
        }
        for (int i = 0; i < e.size(); i++) {
            Token x = e.get(i);
            Token y = a.get(i);
            if (x.number() != y.number()) {
                return "expected '" + x + "', got '" + y + "'";
            }
            if (!x.number()) {
                if (!x.text().equals(y.text())) {
                    return "text differs: expected '" + x + "', got '" + y + "'";
                }
                continue;
            }
            if (x.integer() != y.integer()) {
                return "expected " + (x.integer() ? "an integer" : "a float") + " '" + x + "', got '" + y + "'";
            }
            if (x.integer()) {
                if (x.value() != y.value()) {
                    return "expected " + x + ", got " + y;
                }
                continue;
            }
            if (skipFloats) {
                continue;
            }
            if (!close(x, y, tol)) {
                return "expected " + x + ", got " + y + " (rtol " + tol.rtol()
                        + (tol.fixedDecimals() ? ", plus one unit in the last decimal" : "") + ")";
            }
        }
        return null;
    }

    private static boolean close(Token expected, Token actual, Tolerance tol) {
        double e = expected.value();
        double a = actual.value();
        if (Double.isNaN(e) || Double.isNaN(a)) {
            return Double.isNaN(e) && Double.isNaN(a);
        }
        if (Double.isInfinite(e) || Double.isInfinite(a)) {
            return e == a;
        }
        double slack = tol.fixedDecimals() && expected.decimals() >= 0 ? Math.pow(10, -expected.decimals()) : 0;
        // the slack is one unit; a little more so that its own rounding does not count
        return Math.abs(a - e) <= tol.rtol() * Math.max(Math.abs(a), Math.abs(e)) + slack * (1 + 1e-9);
    }
}
