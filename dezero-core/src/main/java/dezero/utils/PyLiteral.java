package dezero.utils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for the small subset of Python literals a {@code .npy} header uses: a dict with string keys,
 * strings (no escapes), True/False, and tuples or lists of ints (a trailing {@code L}, as
 * Python 2 wrote, is accepted).
 */
final class PyLiteral {
    /** A Python tuple (as opposed to a list). */
    static final class Tuple {
        final List<Object> items;

        Tuple(List<Object> items) {
            this.items = items;
        }
    }

    /**
     * The deepest nesting of tuples and lists accepted: a shape needs one level, a structured
     * dtype (rejected later, by name) three. Deeper input is refused instead of recursing until
     * the stack overflows.
     */
    static final int MAX_DEPTH = 8;

    private final String text;
    private final String where;
    private int pos;
    private int depth;

    PyLiteral(String text, String where) {
        this.text = text;
        this.where = where;
    }

    Map<String, Object> parseDict() throws NpyFormatException {
        skipSpace();
        expect('{');
        Map<String, Object> dict = new LinkedHashMap<>();
        skipSpace();
        while (peek() != '}') {
            int keyAt = pos;
            if (peek() != '\'' && peek() != '"') {
                throw error("expected a quoted key or '}'");
            }
            String key = parseString();
            skipSpace();
            expect(':');
            skipSpace();
            Object value = parseValue();
            if (dict.put(key, value) != null) {
                pos = keyAt;
                throw error("duplicate key '" + key + "'");
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
            } else if (peek() != '}') {
                throw error("expected ',' or '}'");
            }
        }
        pos++;
        skipSpace();
        if (pos != text.length()) {
            throw error("unexpected text after the closing '}'");
        }
        return dict;
    }

    private Object parseValue() throws NpyFormatException {
        char c = peek();
        if (c == '\'' || c == '"') {
            return parseString();
        }
        if (c == '(' || c == '[') {
            return parseSequence(c == '(' ? ')' : ']');
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return parseInt();
        }
        if (text.startsWith("True", pos) && !identifierChar(pos + 4)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("False", pos) && !identifierChar(pos + 5)) {
            pos += 5;
            return Boolean.FALSE;
        }
        throw error("expected a string, True, False, an int or a tuple");
    }

    private Object parseSequence(char close) throws NpyFormatException {
        if (depth == MAX_DEPTH) {
            throw error("tuples or lists nested deeper than " + MAX_DEPTH + " levels");
        }
        depth++;
        pos++;
        List<Object> items = new ArrayList<>();
        boolean trailingComma = false;
        skipSpace();
        while (peek() != close) {
            items.add(parseValue());
            skipSpace();
            trailingComma = false;
            if (peek() == ',') {
                pos++;
                trailingComma = true;
                skipSpace();
            } else if (peek() != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }
        pos++;
        depth--;
        if (close == ']') {
            return items;
        }
        if (items.size() == 1 && !trailingComma) {
            return items.get(0);   // (3) is the int 3 in Python, not a tuple
        }
        return new Tuple(items);
    }

    private Long parseInt() throws NpyFormatException {
        int start = pos;
        boolean negative = peek() == '-';
        if (negative) {
            pos++;
        }
        int digitsStart = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        String digits = text.substring(digitsStart, pos);
        if (digits.isEmpty() || (digits.length() > 1 && digits.charAt(0) == '0')) {
            pos = start;
            throw error("invalid int literal");
        }
        if (pos < text.length() && text.charAt(pos) == 'L') {
            pos++;
        }
        if (identifierChar(pos)) {
            pos = start;
            throw error("invalid int literal");
        }
        if (digits.length() > 18) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;   // far beyond any valid dimension
        }
        long v = Long.parseLong(digits);
        return negative ? -v : v;
    }

    private String parseString() throws NpyFormatException {
        char quote = text.charAt(pos);
        int start = ++pos;
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos);
            if (c == '\\' || c == '\n') {
                throw error(c == '\\' ? "escape sequences in strings are not supported" : "unterminated string");
            }
            pos++;
        }
        if (pos >= text.length()) {
            pos = start - 1;
            throw error("unterminated string");
        }
        return text.substring(start, pos++);
    }

    private boolean identifierChar(int i) {
        return i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_');
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n\f".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private char peek() throws NpyFormatException {
        if (pos >= text.length()) {
            throw error("unexpected end of header");
        }
        return text.charAt(pos);
    }

    private void expect(char c) throws NpyFormatException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private NpyFormatException error(String what) {
        return new NpyFormatException(where + ": bad .npy header: " + what + " at column " + (pos + 1) + " of "
                + NpyHeader.clip(text));
    }

    /** A parsed value as Python would print it, for messages. */
    static String show(Object v) {
        if (v instanceof String) {
            return "'" + v + "'";
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        if (v instanceof Tuple) {
            List<Object> items = ((Tuple) v).items;
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < items.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(show(items.get(i)));
            }
            return sb.append(items.size() == 1 ? ",)" : ")").toString();
        }
        if (v instanceof List) {
            StringBuilder sb = new StringBuilder("[");
            List<?> items = (List<?>) v;
            for (int i = 0; i < items.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(show(items.get(i)));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }
}
