package dezero.datasets;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ImageNet class names (DeZero's {@code datasets.ImageNet.labels()}), for reading the
 * predictions of VGG16 or ResNet: index 0..999 to a name such as {@code "tench, Tinca tinca"}.
 * The reference downloads a text file holding a Python dict literal and {@code eval}s it; this
 * downloads the same file once into the {@link FileCache} and parses the literal (integer keys,
 * quoted string values), evaluating nothing.
 *
 * <pre>{@code
 * jshell> ImageNet.labels().get(0)               // downloads once into ~/.dezero
 * $1 ==> "tench, Tinca tinca"
 * }</pre>
 */
public final class ImageNet {
    /** The reference's source of the class names. */
    public static final URI LABELS_URL = URI.create("https://gist.githubusercontent.com/yrevar/942d3a0ac09ec9e5eb3a/raw/"
            + "238f720ff059c1f82f368259d1ca4ffa5dd8f9f5/imagenet1000_clsidx_to_labels.txt");
    public static final String LABELS_FILE = "imagenet1000_clsidx_to_labels.txt";

    private ImageNet() {
    }

    /** The 1,000 class names from the default cache, downloading them once. */
    public static Map<Integer, String> labels() throws IOException {
        return labels(FileCache.defaultCache(), LABELS_URL);
    }

    /** The class names from {@code cache}, downloading them from {@code url} first if they are not there. */
    public static Map<Integer, String> labels(FileCache cache, URI url) throws IOException {
        Path file = cache.get(url, LABELS_FILE, f -> parseLabels(Files.readString(f, StandardCharsets.UTF_8), f.toString()));
        return parseLabels(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses a Python dict literal of integer keys and string values,
     * {@code {0: 'tench, Tinca tinca', 1: "goldfish"}}, as the reference's file holds.
     *
     * @throws IOException naming {@code source} and the position when the text is not such a literal
     */
    public static Map<Integer, String> parseLabels(String text, String source) throws IOException {
        return new DictParser(text, source).parse();
    }

    /** A recursive-descent reader of {@code {int: 'str', ...}} with Python's string escapes. */
    private static final class DictParser {
        private final String s;
        private final String source;
        private int pos;

        DictParser(String s, String source) {
            this.s = s;
            this.source = source;
        }

        Map<Integer, String> parse() throws IOException {
            Map<Integer, String> out = new LinkedHashMap<>();
            expect('{');
            skipSpace();
            while (peek() != '}') {
                int key = integer();
                expect(':');
                String value = string();
                if (out.put(key, value) != null) {
                    throw error("duplicate key " + key);
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
            if (pos != s.length()) {
                throw error("text after the closing '}'");
            }
            return Collections.unmodifiableMap(out);
        }

        private int integer() throws IOException {
            skipSpace();
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (start == pos || pos - start > 9) {
                throw error("expected a class index");
            }
            return Integer.parseInt(s.substring(start, pos));
        }

        private String string() throws IOException {
            skipSpace();
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("expected a quoted class name");
            }
            pos++;
            StringBuilder b = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(pos++);
                if (c == quote) {
                    return b.toString();
                }
                if (c == '\\') {
                    if (pos >= s.length()) {
                        throw error("unterminated string");
                    }
                    char e = s.charAt(pos++);
                    switch (e) {
                        case 'n': b.append('\n'); break;
                        case 't': b.append('\t'); break;
                        case '\\': case '\'': case '"': b.append(e); break;
                        default: b.append('\\').append(e);
                    }
                } else if (c == '\n') {
                    throw error("line break inside a string");
                } else {
                    b.append(c);
                }
            }
        }

        private void expect(char c) throws IOException {
            skipSpace();
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private IOException error(String what) {
            int line = 1;
            for (int i = 0; i < pos && i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                }
            }
            return new IOException(source + ": line " + line + ": " + what + " (not a Python dict of class names)");
        }
    }
}
