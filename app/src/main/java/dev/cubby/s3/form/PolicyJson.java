package dev.cubby.s3.form;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader for policy documents (RFC 8259), small because a policy is small (its
 * field is bounded with the other fields before the file): objects become {@link Map}s in
 * document order, arrays {@link List}s, numbers {@link BigDecimal}, and {@code true}, {@code false},
 * {@code null} themselves. Anything else is InvalidPolicyDocument, saying where.
 */
final class PolicyJson {
    private static final int MAX_DEPTH = 16;
    private final String text;
    private int at;

    private PolicyJson(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        var reader = new PolicyJson(text);
        Object value = reader.value(0);
        reader.skipSpace();
        if (reader.at != text.length()) {
            throw reader.invalid("unexpected text after the document");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid("nested deeper than " + MAX_DEPTH + " levels");
        }
        skipSpace();
        if (at >= text.length()) {
            throw invalid("the document ends where a value was expected");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw invalid("unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        var members = new LinkedHashMap<String, Object>();
        at++;
        skipSpace();
        if (peek() == '}') {
            at++;
            return members;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw invalid("an object member must start with a quoted name");
            }
            String name = string();
            skipSpace();
            expect(':');
            Object value = value(depth + 1);
            if (members.containsKey(name)) {
                throw invalid("the member \"" + name + "\" appears twice");
            }
            members.put(name, value);
            skipSpace();
            if (peek() == ',') {
                at++;
            } else {
                expect('}');
                return members;
            }
        }
    }

    private List<Object> array(int depth) {
        var items = new ArrayList<Object>();
        at++;
        skipSpace();
        if (peek() == ']') {
            at++;
            return items;
        }
        while (true) {
            items.add(value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                return items;
            }
        }
    }

    private String string() {
        at++;
        var out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw invalid("a string has no closing quote");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw invalid("a control character inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw invalid("a string ends in a backslash");
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw invalid("a \\u escape needs four hex digits");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw invalid("a \\u escape needs four hex digits");
                    }
                    at += 4;
                }
                default -> throw invalid("the escape \\" + e + " is not JSON");
            }
        }
    }

    private BigDecimal number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String literal = text.substring(start, at);
        if (!literal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw invalid("'" + literal + "' is not a JSON number");
        }
        return new BigDecimal(literal);
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw invalid("unexpected text");
        }
        at += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw invalid("expected '" + c + "'");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private S3Exception invalid(String what) {
        return S3Exception.of(S3ErrorCode.INVALID_POLICY_DOCUMENT,
                "Invalid Policy: the policy is not valid JSON (" + what + " at character " + at + ").");
    }
}
