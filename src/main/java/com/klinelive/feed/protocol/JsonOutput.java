package com.klinelive.feed.protocol;

/**
 * Appends JSON string and number literals (RFC 8259) to a {@link StringBuilder}. Used by the encoders, so the
 * text we send is always something our own strict decoders accept.
 */
final class JsonOutput {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonOutput() {}

    /** Appends {@code value} as a quoted JSON string, escaping quotes, backslashes, control characters. */
    static void appendString(StringBuilder sb, CharSequence value) {
        sb.append('"');
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(value, i, c)) {
                        // A lone surrogate cannot be encoded as UTF-8; the escape keeps the text valid on the wire.
                        appendUnicodeEscape(sb, c);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Appends a finite double in Java's round-trip decimal form, which is also a valid JSON number. */
    static void appendNumber(StringBuilder sb, double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite to be written as JSON: " + value);
        }
        sb.append(value);
    }

    static void appendUnicodeEscape(StringBuilder sb, char c) {
        sb.append("\\u")
                .append(HEX[(c >> 12) & 0xF])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }

    private static boolean isLoneSurrogate(CharSequence value, int index, char c) {
        if (Character.isHighSurrogate(c)) {
            return index + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(index + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return index == 0 || !Character.isHighSurrogate(value.charAt(index - 1));
        }
        return false;
    }
}
