package com.klinelive.feed.format.json;

import java.util.Arrays;
import java.util.List;

/**
 * Where a value sits in a JSON message: dotted segments, each an object key, or for a segment of digits also an
 * array index ({@code data.0.p} reads {@code p} of the first element of {@code data} when {@code data} is an
 * array, or of the member named {@code "0"} when it is an object). Keys cannot hold a dot.
 *
 * @param text     the path as written, such as {@code data.0.p}
 * @param segments its segments, at least one
 */
public record FieldPath(String text, List<String> segments) {

    /** Most segments in a path; messages nest at most 32 levels anyway. */
    public static final int MAX_SEGMENTS = 16;
    /** Longest path, in characters. */
    public static final int MAX_LENGTH = 256;
    /** The largest index a segment may name. */
    static final int MAX_INDEX = 65_535;

    public FieldPath {
        segments = List.copyOf(segments);
    }

    /**
     * Parses a dotted path.
     *
     * @throws IllegalArgumentException with the reason, for an empty path or segment, a path over
     *     {@link #MAX_LENGTH} characters or {@link #MAX_SEGMENTS} segments, or control characters
     */
    public static FieldPath parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a field path must not be empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a field path must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new IllegalArgumentException("a field path must not contain control characters");
            }
        }
        List<String> segments = Arrays.asList(text.split("\\.", -1));
        if (segments.size() > MAX_SEGMENTS) {
            throw new IllegalArgumentException("field path '" + text + "' has more than " + MAX_SEGMENTS + " segments");
        }
        if (segments.contains("")) {
            throw new IllegalArgumentException(
                    "field path '" + text + "' has an empty segment (write keys separated by single dots)");
        }
        return new FieldPath(text, segments);
    }

    /** The array index segment {@code i} names, or -1 when it is not a plain index (digits, no leading zero). */
    int indexAt(int i) {
        String s = segments.get(i);
        if (s.length() > 5 || (s.length() > 1 && s.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int c = 0; c < s.length(); c++) {
            char ch = s.charAt(c);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value <= MAX_INDEX ? value : -1;
    }

    /** Whether this path is {@code other} or lies inside it. */
    boolean startsWith(FieldPath other) {
        return segments.size() >= other.segments.size()
                && segments.subList(0, other.segments.size()).equals(other.segments);
    }

    @Override
    public String toString() {
        return text;
    }
}
