package com.klinelive.feed.protocol;

/**
 * Finds where a JSON string ends, checking it strictly (no unescaped control characters, only the escapes of
 * RFC 8259 with four ASCII hex digits), compares string regions with constants, and decodes escapes into a
 * reused buffer only when a string has any. Lone surrogates written as escapes are kept as chars. Not
 * thread-safe.
 */
final class JsonStringScanner {

    /** Returned by {@link #scan} when the string is malformed; the problem is in {@link #problem()}. */
    static final int FAILED = -1;

    static final String UNTERMINATED = "unterminated string";
    static final String CONTROL_CHARACTER = "unescaped control character in a string";
    static final String INVALID_ESCAPE = "invalid escape in a string";

    private final StringBuilder decoded = new StringBuilder(64);
    private boolean escaped;
    private String problem;

    /**
     * Scans the string whose content starts at {@code start}, just after its opening quote.
     *
     * @return the index of the closing quote, or {@link #FAILED}
     */
    int scan(char[] text, int start, int limit) {
        boolean sawEscape = false;
        int p = start;
        while (true) {
            if (p >= limit) {
                return fail(UNTERMINATED);
            }
            char c = text[p];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                sawEscape = true;
                p = skipEscape(text, p, limit);
                if (p == FAILED) {
                    return FAILED;
                }
            } else if (c < 0x20) {
                return fail(CONTROL_CHARACTER);
            } else {
                p++;
            }
        }
        escaped = sawEscape;
        return p;
    }

    /** Whether the string last scanned had any escape. */
    boolean escaped() {
        return escaped;
    }

    String problem() {
        return problem;
    }

    /** The content {@code text[start, end)} of a scanned string with its escapes decoded, in a reused buffer. */
    StringBuilder decode(char[] text, int start, int end) {
        StringBuilder sb = decoded;
        sb.setLength(0);
        int p = start;
        while (p < end) {
            char c = text[p];
            if (c != '\\') {
                sb.append(c);
                p++;
                continue;
            }
            char kind = text[p + 1];
            switch (kind) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' ->
                    sb.append((char) ((hexValue(text[p + 2]) << 12)
                            | (hexValue(text[p + 3]) << 8)
                            | (hexValue(text[p + 4]) << 4)
                            | hexValue(text[p + 5])));
                default -> sb.append(kind);
            }
            p += kind == 'u' ? 6 : 2;
        }
        return sb;
    }

    /** Whether the content {@code text[start, end)} equals {@code value}, decoding escapes only if it has any. */
    boolean regionEquals(char[] text, int start, int end, boolean hasEscapes, String value) {
        if (hasEscapes) {
            return value.contentEquals(decode(text, start, end));
        }
        int length = end - start;
        if (length != value.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text[start + i] != value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Checks the escape at the backslash {@code p} and returns the index after it, or {@link #FAILED}. */
    private int skipEscape(char[] text, int p, int limit) {
        if (p + 1 >= limit) {
            return fail(UNTERMINATED);
        }
        switch (text[p + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return p + 2;
            }
            case 'u' -> {
                if (p + 5 >= limit) {
                    return fail(INVALID_ESCAPE);
                }
                for (int i = p + 2; i <= p + 5; i++) {
                    if (hexValue(text[i]) < 0) {
                        return fail(INVALID_ESCAPE);
                    }
                }
                return p + 6;
            }
            default -> {
                return fail(INVALID_ESCAPE);
            }
        }
    }

    /** The value of an ASCII hex digit, or -1; unlike {@link Character#digit}, no other script's digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private int fail(String reason) {
        problem = reason;
        return FAILED;
    }
}
